package ua.kuznia.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged service's log (target/quarkus.log, everything the process wrote) never holds a
 * bearer token, an e-mail address, a password or a person's name, whatever the requests carried:
 * signed-in calls with real Keycloak tokens, tampered tokens, an onboarding invitation through the
 * real Keycloak, and refused bodies full of personal data.
 */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
class LogHygieneIT {

    private static final Path LOG = Path.of("target", "quarkus.log");
    /** Three base64url segments starting like a JSON header: the shape of every JWT. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    @Test
    void noTokenEmailPasswordOrNameReachesTheLog() throws Exception {
        long nano = System.nanoTime();
        String email = "olena.kovalenko." + nano + "@example.test";
        String otherEmail = "taras.shevchenko." + nano + "@example.test";
        String password = "Zirka-Secret-" + nano;
        String name = "Olena Kovalenko-" + nano;
        List<String> tokens = new ArrayList<>();

        for (Persona persona : List.of(Persona.MAKER_1, Persona.MINISTRY_DE, Persona.COORDINATOR, Persona.ADMIN)) {
            tokens.add(persona.token());
            Api.expect(Api.get(persona, "/api/v1/me"), 200, "me as " + persona);
        }
        // An invitation through the real Keycloak; the test realm has no SMTP, which the service logs.
        long organization = DemoData.newOrganization();
        String organizationCode = Api.read(Persona.ADMIN, "/api/v1/organizations/" + organization).path("code").asText();
        ObjectNode invite = Api.JSON.createObjectNode().put("email", email);
        Api.expect(Api.send(Persona.ADMIN, "POST", "/api/v1/organizations/" + organization + "/members", invite), 201, "invite");
        Api.expect(Api.send(Persona.ADMIN, "POST", "/api/v1/organizations/" + organization + "/members", invite), 409,
                "the same invitation again");
        Api.expect(Api.send(Persona.ADMIN, "POST", "/api/v1/organizations/987654321/members",
                Api.JSON.createObjectNode().put("email", otherEmail)), 404, "invite to a missing organization");
        Api.expect(Api.send(Persona.ADMIN, "POST", "/api/v1/organizations/" + organization + "/members",
                Api.JSON.createObjectNode().put("email", name + " <" + otherEmail)), 400, "invite with a broken address");

        // Refused bodies full of personal data.
        ObjectNode person = Api.JSON.createObjectNode().put("name", name).put("email", otherEmail).put("password", password)
                .put("kind", "PERSON").put("code", otherEmail);
        Api.expect(Api.send(Persona.ADMIN, "POST", "/api/v1/organizations", person), 400, "organization with personal data");
        Api.expect(Api.send(Persona.ADMIN, "PUT", "/api/v1/organizations/" + organization, person), 400, "update with personal data");
        Api.expect(Api.send(Persona.MAKER_1, "POST", "/api/v1/manufacturers",
                "{\"legalName\":\"" + name + "\",\"contact\":\"" + otherEmail + "\",\"password\":\"" + password), 400,
                "malformed JSON with personal data");
        Api.expect(Api.send(Persona.COORDINATOR, "POST", "/api/v1/aid/records",
                "{\"source\":\"" + otherEmail + "\",\"notes\":\"" + password + "\",\"committedValueEur\":\"" + name + "\"}"),
                400, "wrong type carrying personal data");

        // Tokens that fail: tampered signature, another issuer's shape, in the query string.
        String real = Persona.MAKER_1.token();
        String tampered = real.substring(0, real.length() - 6) + (real.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        tokens.add(tampered);
        RestAssured.given().header("Authorization", "Bearer " + tampered).get("/api/v1/me").then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer " + tampered).contentType("application/json").body(person.toString())
                .post("/api/v1/organizations").then().statusCode(401);
        RestAssured.given().queryParam("access_token", real).get("/api/v1/me").then().statusCode(401);
        RestAssured.given().header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8))).get("/api/v1/me").then().statusCode(401);

        String log = awaitLogLine("for a new user of " + organizationCode);
        List<String> leaks = new ArrayList<>();
        for (String token : tokens) {
            String[] parts = token.split("\\.");
            // The payload names the user; the signature is what makes the token usable.
            if (log.contains(parts[1]) || log.contains(parts[2])) {
                leaks.add("a token of the test (" + parts[1].substring(0, 12) + "…)");
            }
        }
        Matcher jwt = JWT.matcher(log);
        if (jwt.find()) {
            leaks.add("something shaped like a JWT: " + jwt.group().substring(0, 20) + "…");
        }
        for (String secret : List.of(email, otherEmail, "olena.kovalenko." + nano, "taras.shevchenko." + nano, password,
                name, "Olena Kovalenko")) {
            if (log.contains(secret)) {
                leaks.add("'" + secret + "' in: " + lineWith(log, secret));
            }
        }
        assertTrue(leaks.isEmpty(), "The service log leaks:\n" + String.join("\n", leaks));
    }

    /**
     * The log is the running process's output; waits (up to 30 s) until it shows the line the
     * invitation caused, so the assertions read a log that holds this test's requests.
     */
    private static String awaitLogLine(String marker) throws IOException, InterruptedException {
        assertTrue(Files.exists(LOG), LOG.toAbsolutePath() + " does not exist; the integration-test launcher writes the"
                + " application's output there");
        for (int i = 0; i < 300; i++) {
            String log = Files.readString(LOG, StandardCharsets.UTF_8);
            if (log.contains(marker)) {
                assertFalse(log.isBlank());
                return log;
            }
            Thread.sleep(100);
        }
        fail("The log never showed '" + marker + "'");
        return "";
    }

    private static String lineWith(String log, String text) {
        return log.lines().filter(line -> line.contains(text)).findFirst().orElse("");
    }
}
