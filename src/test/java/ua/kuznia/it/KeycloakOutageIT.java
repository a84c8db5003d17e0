package ua.kuznia.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ua.kuznia.local.KeycloakServer;

/**
 * Keycloak stopped while the packaged service runs: tokens issued before keep working, because the
 * service verifies them against the signing keys it already fetched, and onboarding, which calls
 * Keycloak's admin API, answers a 503 problem naming Keycloak instead of a bare 500.
 *
 * <p>The Keycloak is the one every integration test of the JVM shares, so it is started again in a
 * finally block; it keeps its data, so the realm's keys and all earlier tokens stay valid.
 */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
class KeycloakOutageIT {

    @Test
    void validTokensKeepWorkingAndOnboardingAnswersAProblemWhileKeycloakIsDown() {
        KeycloakServer keycloak = PlatformResource.keycloak();
        assumeTrue(keycloak.ownsProcess(), "the Keycloak on port " + keycloak.port()
                + " belongs to another process and cannot be stopped from this test");
        String maker = keycloak.token(Persona.MAKER_1.username, KeycloakServer.DEMO_PASSWORD);
        String ministry = keycloak.token(Persona.MINISTRY_DE.username, KeycloakServer.DEMO_PASSWORD);
        String admin = keycloak.token(Persona.ADMIN.username, KeycloakServer.DEMO_PASSWORD);
        long organization = DemoData.newOrganization();
        String members = "/api/v1/organizations/" + organization + "/members";
        // The same calls succeed with Keycloak up, so what follows proves the outage and not a broken setup.
        assertEquals(200, as(admin).get(members).statusCode());
        long profileId = DemoData.profileIdOf(Persona.MAKER_1.organizationCode);

        keycloak.stop();
        try {
            assertFalse(keycloak.isRunning(), "Keycloak still answers after stop()");

            JsonNode me = Api.expect(as(maker).get("/api/v1/me"), 200, "GET /api/v1/me as maker-1, Keycloak down");
            assertEquals("maker-1", me.path("username").asText());
            Api.expect(as(ministry).get("/api/v1/offers?size=5"), 200, "GET offers as ministry-de, Keycloak down");
            JsonNode profile = Api.expect(as(maker).get("/api/v1/manufacturers/" + profileId), 200,
                    "GET own profile as maker-1, Keycloak down");
            ObjectNode update = Api.writable(profile);
            update.put("description", DemoData.unique("Written while Keycloak was down "));
            JsonNode updated = Api.expect(as(maker).contentType("application/json").body(Api.toJson(update))
                    .put("/api/v1/manufacturers/" + profileId), 200, "PUT own profile as maker-1, Keycloak down");
            assertEquals(update.path("description").asText(), updated.path("description").asText());

            // A token that was never valid is still refused: the keys are cached, and so are tokens
            // verified before, but a token that differs from them goes to the full check.
            assertEquals(401, as(maker.substring(0, maker.length() - 4) + "AAAA").get("/api/v1/me").statusCode());

            ObjectNode invite = Api.JSON.createObjectNode().put("email", DemoData.unique("during-outage-") + "@example.test");
            assertKeycloakProblem(as(admin).contentType("application/json").body(invite.toString()).post(members),
                    "invite while Keycloak is down");
            assertKeycloakProblem(as(admin).get(members), "list members while Keycloak is down");

            // A new browser sign-in gets a page that says what is wrong instead of a redirect into a
            // connection error. The availability answer is remembered for 5 s, hence the retries.
            io.restassured.response.Response signIn = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                signIn = given().redirects().follow(false).accept("text/html").get("/ui");
                if (signIn.statusCode() == 503) {
                    break;
                }
                ServiceProcess.sleep(500);
            }
            assertEquals(503, signIn.statusCode(), "GET /ui without a session while Keycloak is down");
            assertTrue(signIn.contentType().startsWith("text/html"), signIn.contentType());
            assertTrue(signIn.body().asString().contains("Sign-in is unavailable because the identity server cannot be reached"),
                    signIn.body().asString());
            // In Ukrainian for a Ukrainian page.
            io.restassured.response.Response inUkrainian = given().redirects().follow(false).accept("text/html")
                    .cookie("kuznia_lang", "uk").get("/ui");
            assertEquals(503, inUkrainian.statusCode());
            assertTrue(inUkrainian.body().asString().contains("Вхід недоступний: сервер ідентифікації не відповідає."),
                    inUkrainian.body().asString());
        } finally {
            keycloak.start();
        }
        System.out.printf("Keycloak restarted in %d s%n", keycloak.lastStartDuration().toSeconds());
        assertEquals(200, as(admin).get(members).statusCode(), "onboarding after Keycloak is back");
    }


    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().redirects().follow(false).header("Authorization", "Bearer " + token);
    }

    private static void assertKeycloakProblem(Response response, String what) {
        assertEquals(503, response.statusCode(), what + ": " + response.asString());
        assertEquals(Api.PROBLEM_JSON, response.contentType().split(";")[0], what);
        JsonNode problem = Api.json(response);
        assertEquals(503, problem.path("status").asInt(), what + ": " + problem);
        assertEquals("/problems/keycloak-unavailable", problem.path("type").asText(), what + ": " + problem);
        assertTrue(problem.path("detail").asText().contains("Keycloak"), what + ": the problem should name Keycloak: " + problem);
        assertFalse(response.asString().contains("Exception"), what + ": " + response.asString());
    }
}
