package ua.kuznia.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;

@QuarkusTest
class ReviewApiTest {

    private Org ministry;
    private Org maker;

    private long suggestedMatch(String area) {
        ministry = createOrganization("MINISTRY", "PL");
        long offer = createOffer(ministry, offerBody(ministry.id(), List.of(area)));
        maker = createOrganization("MANUFACTURER", "UA");
        long profile = createProfile(maker, profileBody(maker.id(), List.of(capability(area, 8, 8, 500))));
        // Other tests' manufacturers in the same area may rank higher: pick this maker's match.
        return given().auth().oauth2(ministry.token()).queryParam("size", 100).get("/api/v1/offers/{id}/matches", offer)
                .then().statusCode(200).extract().jsonPath().getLong("items.find { it.manufacturerId == " + profile + " }.id");
    }

    private void post(String token, long match, String action, Map<String, Object> body, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/matches/{id}/" + action, match).then().statusCode(status);
    }

    @Test
    void bothSidesThenACoordinatorTakeAMatchToApproval() {
        long match = suggestedMatch("munitions.tank-125");
        post(maker.token(), match, "interest", Map.of(), 200);
        given().auth().oauth2(maker.token()).get("/api/v1/matches/{id}", match).then()
                .body("status", equalTo("MANUFACTURER_INTEREST"));
        post(ministry.token(), match, "interest", Map.of(), 200);
        given().auth().oauth2(Tokens.coordinator()).queryParam("status", "MUTUAL_INTEREST").queryParam("size", 200)
                .get("/api/v1/matches").then().statusCode(200).body("items.id", hasItem((int) match));
        post(Tokens.coordinator(), match, "decision", Map.of("decision", "START_REVIEW"), 200);
        post(Tokens.coordinator(), match, "decision", Map.of("decision", "HOLD", "note", "Waiting for export licence"), 200);
        given().auth().oauth2(ministry.token()).get("/api/v1/matches/{id}", match).then()
                .body("status", equalTo("UNDER_REVIEW")).body("onHold", equalTo(true))
                .body("reviewNote", equalTo("Waiting for export licence"));
        post(Tokens.coordinator(), match, "decision", Map.of("decision", "APPROVE", "note", "Capacity verified"), 200);
        given().auth().oauth2(maker.token()).get("/api/v1/matches/{id}", match).then()
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("coordinator"));

        given().auth().oauth2(Tokens.auditor()).queryParam("entityType", "MATCH").queryParam("entityId", String.valueOf(match))
                .get("/api/v1/audit-trail").then().body("total", equalTo(5))
                .body("items[0].note", containsString("Capacity verified"))
                .body("items[0].changes.status.to", equalTo("APPROVED"));
    }

    @Test
    void anInvalidTransitionIs409ListingTheAllowedActions() {
        long match = suggestedMatch("radar.air-surveillance");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/matches/{id}/decision", match).then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409))
                .body("allowed", hasItem("MANUFACTURER_INTEREST")).body("allowed", hasItem("DECLINE"));
    }

    @Test
    void reasonsAreRequiredAndRolesAndSidesAreEnforced() {
        long match = suggestedMatch("components.optics");
        post(maker.token(), match, "decline", Map.of(), 400);
        post(Tokens.auditor(), match, "decision", Map.of("decision", "START_REVIEW"), 403);
        post(maker.token(), match, "decision", Map.of("decision", "APPROVE"), 403);
        post(maker.token(), match, "withdraw", Map.of("reason", "no"), 403);
        Org stranger = createOrganization("MANUFACTURER", "UA");
        createProfile(stranger, profileBody(stranger.id(), List.of()));
        post(stranger.token(), match, "interest", Map.of(), 404);
        post(maker.token(), match, "decline", Map.of("reason", "Our line is fully booked"), 200);
        given().auth().oauth2(ministry.token()).get("/api/v1/matches/{id}", match).then().body("status", equalTo("DECLINED"))
                .body("reviewNote", equalTo("Our line is fully booked"));
    }

    @Test
    void ofTwoConcurrentDecisionsExactlyOneWins() throws Exception {
        long match = suggestedMatch("armor.tanks");
        post(maker.token(), match, "interest", Map.of(), 200);
        post(ministry.token(), match, "interest", Map.of(), 200);
        post(Tokens.coordinator(), match, "decision", Map.of("decision", "START_REVIEW"), 200);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> decisions = new ArrayList<>();
        for (Map<String, Object> decision : List.of(Map.<String, Object>of("decision", "APPROVE"),
                Map.<String, Object>of("decision", "REJECT", "note", "Duplicate of another partnership"))) {
            decisions.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(decision)
                        .post("/api/v1/matches/{id}/decision", match).statusCode();
            }));
        }
        List<Integer> statuses = decisions.stream().map(CompletableFuture::join).sorted().toList();
        Assertions.assertEquals(List.of(200, 409), statuses);
    }
}
