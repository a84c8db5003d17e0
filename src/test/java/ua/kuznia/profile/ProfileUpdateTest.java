package ua.kuznia.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static ua.kuznia.testing.Fixtures.as;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.profileBody;
import static ua.kuznia.testing.Fixtures.staff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import ua.kuznia.common.Timestamps;
import ua.kuznia.testing.Fixtures.Org;

/**
 * A profile update is read from rows and written with conditional statements, not through the
 * entities; these pin what that path must keep: the answer is what is stored, a write that lost the
 * race after its version check writes nothing, and capability rows are rewritten in place.
 */
@QuarkusTest
class ProfileUpdateTest {

    @Inject
    EntityManager em;

    @Test
    void theAnswerToAnUpdateIsWhatEveryLaterReadReturns() {
        Org maker = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> body = profileBody(maker.id(), List.of(capability("radar", 5, 5, 3)));
        long id = createProfile(maker, body);
        body.put("version", 0);
        body.put("legalName", "  Fictional Forge Two  ");
        body.put("description", null);
        body.put("employees", null);
        body.put("certifications", List.of("ISO-9001", "AQAP-2110", "ISO-9001"));
        body.put("seeking", null);
        body.remove("status");
        Map<String, Object> notes = capability("munitions.artillery-155", 7, 6, 120);
        notes.put("notes", "Second shift from spring");
        body.put("capabilities", List.of(capability("radar", 6, 5, 4), notes));
        Map<String, Object> answer = as(maker).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id)
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> read = staff().get("/api/v1/manufacturers/{id}", id).then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(read, answer);
        assertEquals("Fictional Forge Two", read.get("legalName"));
        assertEquals(List.of("ISO-9001", "AQAP-2110"), read.get("certifications"));
        assertEquals("PUBLISHED", read.get("status"), "a status left out is kept");
        assertEquals(Map.of("areas", List.of(), "transferTypes", List.of()), read.get("seeking"));
        assertEquals(1, read.get("version"));
    }

    @Test
    void aWriteWhoseVersionMovedAfterItWasReadWritesNothing() {
        Org maker = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> body = profileBody(maker.id(), List.of(capability("radar", 5, 5, 3), capability("ew", 6, 6, 2)));
        long id = createProfile(maker, body);
        ProfileRows.Stored stored = QuarkusTransaction.requiringNew().call(() -> ProfileRows.stored(em, id).orElseThrow());

        body.put("version", 0);
        body.put("employees", 200);
        as(maker).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then().statusCode(200);

        ManufacturerView late = new ManufacturerView(null, null, null, null, "Late writer", stored.view().edrpou(),
                stored.view().oblast(), 999, null, List.of(new ManufacturerView.Capability("radar", 9, 9, 99.0, null, null)),
                List.of(), stored.view().clearance(), null, null, 0L, null, null);
        ManufacturerView after = ProfileRows.applied(stored.view(), late, Timestamps.now());
        boolean written = QuarkusTransaction.requiringNew().call(
                () -> em.unwrap(Session.class).doReturningWork(c -> ProfileRows.update(c, stored, after)));

        assertFalse(written);
        staff().get("/api/v1/manufacturers/{id}", id).then().statusCode(200)
                .body("employees", org.hamcrest.Matchers.equalTo(200))
                .body("legalName", org.hamcrest.Matchers.equalTo(body.get("legalName")))
                .body("capabilities.trl", org.hamcrest.Matchers.equalTo(List.of(5, 6)))
                .body("version", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void onlyChangedCapabilityRowsAreRewrittenInPlaceNewOnesAddedAtTheEndAndExtraOnesDeletedFromIt() {
        Org maker = createOrganization("MANUFACTURER", "UA");
        List<Map<String, Object>> rows = new ArrayList<>(List.of(capability("radar", 5, 5, 3), capability("ew", 6, 6, 2),
                capability("munitions", 7, 7, 10)));
        Map<String, Object> body = profileBody(maker.id(), rows);
        long id = createProfile(maker, body);
        List<String[]> created = capabilityRows(id);
        assertEquals(3, created.size());

        // The middle row changes and one is added: every row keeps its id, and only the middle
        // one is written again (a new row version, so a new xmin).
        Map<String, Object> changed = new HashMap<>(rows.get(1));
        changed.put("monthlyCapacity", 5.0);
        body.put("capabilities", List.of(rows.get(0), changed, rows.get(2), capability("radar.air-surveillance", 4, 4, 1)));
        body.put("version", 0);
        as(maker).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then().statusCode(200)
                .body("capabilities.monthlyCapacity", org.hamcrest.Matchers.equalTo(List.of(3.0f, 5.0f, 10.0f, 1.0f)));
        List<String[]> grown = capabilityRows(id);
        assertEquals(4, grown.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(created.get(i)[0], grown.get(i)[0], "row " + i + " keeps its id");
        }
        assertEquals(created.get(0)[1], grown.get(0)[1], "an unchanged row is not written");
        assertEquals(created.get(2)[1], grown.get(2)[1], "an unchanged row is not written");
        assertNotEquals(created.get(1)[1], grown.get(1)[1], "the changed row is written");

        // Reordered: the rows at each position take the new content, and reads follow the new order.
        body.put("capabilities", List.of(rows.get(2), rows.get(0)));
        body.put("version", 1);
        as(maker).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then().statusCode(200);
        staff().get("/api/v1/manufacturers/{id}", id).then().statusCode(200)
                .body("capabilities.area", org.hamcrest.Matchers.equalTo(List.of("munitions", "radar")));
        List<String[]> shrunk = capabilityRows(id);
        assertEquals(List.of(created.get(0)[0], created.get(1)[0]), shrunk.stream().map(r -> r[0]).toList());
    }

    /** Each capability row's id and xmin (the transaction that wrote its current version), in position order. */
    private List<String[]> capabilityRows(long profileId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT CAST(id AS text), CAST(xmin AS text) FROM profile_capability"
                    + " WHERE profile_id = :id ORDER BY position").setParameter("id", profileId).getResultList();
            return rows.stream().map(r -> new String[] {(String) r[0], (String) r[1]}).toList();
        });
    }
}
