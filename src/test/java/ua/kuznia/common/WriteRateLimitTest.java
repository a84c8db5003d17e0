package ua.kuznia.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Tokens;

/** Writes per user are limited; the one who hits the limit gets 429, everyone else carries on. */
@QuarkusTest
@TestProfile(WriteRateLimitTest.LowLimit.class)
class WriteRateLimitTest {

    /** A limit a test reaches in a few requests: three writes at once, then one every 20 s. */
    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kuznia.rate-limit.writes-per-minute", "3", "kuznia.rate-limit.burst", "3");
        }
    }

    private static void write(String token, int expectedStatus) {
        // An empty body is refused by validation: it still counts as a write attempt.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/v1/aid/records")
                .then().statusCode(expectedStatus);
    }

    @Test
    void aUserOverTheLimitGets429WithRetryAfterAndOthersAreUnaffected() {
        String script = Tokens.token(Fixtures.unique("script"), "coordinator", null);
        for (int i = 0; i < 3; i++) {
            write(script, 400);
        }
        var refused = given().auth().oauth2(script).contentType(ContentType.JSON).body("{}").post("/api/v1/aid/records")
                .then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("title", equalTo("Too Many Requests"))
                .body("type", equalTo("/problems/rate-limited"))
                .body("detail", org.hamcrest.Matchers.matchesPattern(
                        "Write limit reached: at most 3 writes a minute per user \\(bursts of up to 3\\); retry in \\d+ s"))
                .body("limit", equalTo("kuznia.rate-limit.writes-per-minute"))
                .body("writesPerMinute", equalTo(3))
                .header("Retry-After", not(equalTo(null)))
                .extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "one token every 20 s, got Retry-After " + retryAfter);
        given().auth().oauth2(script).contentType(ContentType.JSON).body("{}").put("/api/v1/matching/ruleset")
                .then().statusCode(429).header("Retry-After", not(equalTo(null)));

        // Reads are not limited.
        given().auth().oauth2(script).get("/api/v1/aid/records").then().statusCode(200);

        // Another user, same role, same moment: unaffected.
        String colleague = Tokens.token(Fixtures.unique("colleague"), "coordinator", null);
        write(colleague, 400);
        write(colleague, 400);
    }

    @Test
    void anonymousWritesAreAnswered401NotCounted() {
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body("{}").post("/api/v1/aid/records").then().statusCode(401);
        }
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body("{}").post("/api/v1/aid/records")
                .then().statusCode(401);
    }
}
