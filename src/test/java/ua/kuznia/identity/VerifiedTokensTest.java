package ua.kuznia.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Tokens;

/**
 * A bearer token is verified once and its identity reused, but never past the token's expiry,
 * never for a token that differs in any character, and never with another request's caller.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void theSameTokenIsServedFromTheCacheAfterItsFirstCheck() {
        String token = Tokens.token("cache-reader-1", "auditor", null);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("username", equalTo("cache-reader-1"));
        long before = tokens.hits();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("cache-reader-1")).body("roles", equalTo(java.util.List.of("auditor")));
        assertTrue(tokens.hits() > before, "the second request was verified again");
    }

    @Test
    void twoUsersInTurnEachGetTheirOwnIdentity() {
        String first = Tokens.token("cache-user-a", "auditor", null);
        String second = Tokens.token("cache-user-b", "coordinator", null);
        for (int round = 0; round < 3; round++) {
            given().auth().oauth2(first).get("/api/v1/me").then().statusCode(200)
                    .body("username", equalTo("cache-user-a")).body("roles", equalTo(java.util.List.of("auditor")));
            given().auth().oauth2(second).get("/api/v1/me").then().statusCode(200)
                    .body("username", equalTo("cache-user-b")).body("roles", equalTo(java.util.List.of("coordinator")));
        }
        // The cached identity belongs to the token, the request to whoever sends it: a read
        // that needs the caller's rights is refused or allowed per token.
        given().auth().oauth2(first).get("/api/v1/audit-trail").then().statusCode(200);
        given().auth().oauth2(Tokens.token("cache-user-c", "manufacturer", null)).get("/api/v1/audit-trail").then().statusCode(403);
    }

    @Test
    void anExpiredTokenIsRefusedAlthoughItWasCached() throws InterruptedException {
        String token = Tokens.token("cache-short-lived", "auditor", null, 2);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        Thread.sleep(3_500);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aTokenChangedAfterSigningIsRefusedWhileTheOriginalIsCached() {
        String token = Tokens.token("cache-original", "auditor", null);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String elevated = payload.replace("\"auditor\"", "\"admin\"");
        assertTrue(!elevated.equals(payload), payload);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(elevated.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
        String badSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(badSignature).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(java.util.List.of("auditor")));
    }
}
