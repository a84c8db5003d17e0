package ua.kuznia.offer;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static ua.kuznia.testing.Fixtures.as;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.staff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import ua.kuznia.common.Timestamps;
import ua.kuznia.testing.Fixtures.Org;

/**
 * An offer update is read from rows and written with one conditional UPDATE, not through the
 * entity; these pin what that path must keep: the answer is what is stored, and a write that lost
 * the race after its version check writes nothing.
 */
@QuarkusTest
class OfferUpdateTest {

    @Inject
    EntityManager em;

    @Inject
    OfferService offers;

    @Test
    void theAnswerToAnUpdateIsWhatEveryLaterReadReturns() {
        Org ministry = createOrganization("MINISTRY", "PL");
        Map<String, Object> body = offerBody(ministry.id(), List.of("munitions"));
        long id = createOffer(ministry, body);
        body.put("version", 0);
        body.put("title", "  Fictional shell line  ");
        body.put("areas", List.of("munitions.artillery-155", "radar", "munitions.artillery-155"));
        body.put("description", null);
        body.put("exportControl", null);
        body.put("minMonthlyCapacity", 250.5);
        body.put("maxRiskTier", 2);
        // Distinct values where two columns share a type, so that a swapped bind shows.
        body.put("minTrl", 7);
        body.put("minMrl", 4);
        body.put("requiredClearance", "NATO_RESTRICTED");
        body.put("classification", "UNCLASSIFIED");
        body.put("transferType", "CO_PRODUCTION");
        body.put("localizationTargetPercent", 35);
        // Whole euros: the column keeps two decimals, and the answer must say what a read will.
        body.put("budgetEur", 1_000_000);
        body.put("opensAt", "2027-01-15");
        body.put("closesAt", "2027-06-30");
        body.remove("status");
        Map<String, Object> answer = as(ministry).contentType(ContentType.JSON).body(body).put("/api/v1/offers/{id}", id)
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> read = staff().get("/api/v1/offers/{id}", id).then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(read, answer);
        assertEquals("Fictional shell line", read.get("title"));
        assertEquals(List.of("munitions.artillery-155", "radar"), read.get("areas"));
        assertEquals(Map.of("mlCodes", List.of(), "licenceRequired", false), read.get("exportControl"));
        assertEquals("OPEN", read.get("status"), "a status left out is kept");
        assertEquals(List.of(7, 4, "NATO_RESTRICTED", "UNCLASSIFIED", "CO_PRODUCTION", 35),
                List.of(read.get("minTrl"), read.get("minMrl"), read.get("requiredClearance"), read.get("classification"),
                        read.get("transferType"), read.get("localizationTargetPercent")));
        assertEquals(1, read.get("version"));
    }

    @Test
    void aWriteWhoseVersionMovedAfterItWasReadWritesNothing() {
        Org ministry = createOrganization("MINISTRY", "PL");
        Map<String, Object> body = offerBody(ministry.id(), List.of("munitions"));
        long id = createOffer(ministry, body);
        OfferView before = QuarkusTransaction.requiringNew().call(() -> staffView(id));

        body.put("version", 0);
        body.put("targetVolume", 5_000);
        as(ministry).contentType(ContentType.JSON).body(body).put("/api/v1/offers/{id}", id).then().statusCode(200);

        OfferView late = new OfferView(null, null, null, null, "Late writer", null, List.of("radar"), before.transferType(),
                9, 9, null, List.of(), before.requiredClearance(), before.classification(), null, null, null, 1.0, null,
                null, null, null, null, null, 0L, null, null);
        OfferView after = OfferRows.applied(before, late, Timestamps.now());
        boolean written = QuarkusTransaction.requiringNew().call(
                () -> em.unwrap(Session.class).doReturningWork(c -> OfferRows.update(c, after)));

        assertFalse(written);
        staff().get("/api/v1/offers/{id}", id).then().statusCode(200)
                .body("title", equalTo(body.get("title"))).body("targetVolume", equalTo(5000.0f))
                .body("areas", equalTo(List.of("munitions"))).body("version", equalTo(1));
    }

    private OfferView staffView(long id) {
        return offers.find(id, new ua.kuznia.identity.Caller("test", "test", java.util.Set.of(ua.kuznia.identity.Roles.COORDINATOR),
                null, null, null, ua.kuznia.taxonomy.Classification.COSMIC_TOP_SECRET)).orElseThrow();
    }
}
