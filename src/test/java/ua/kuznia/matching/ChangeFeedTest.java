package ua.kuznia.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures.Org;

/**
 * A change committed by another replica reaches this instance's index through the change log
 * and NOTIFY. The other replica is played by a plain JDBC transaction that writes what a
 * replica writes: the row, the change-log entry with its own origin, and the NOTIFY.
 */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    MatchingService matching;

    @Inject
    ChangeFeed feed;

    @Inject
    AgroalDataSource db;

    @Test
    void anotherInstancesCommittedChangeReachesThisIndex() throws Exception {
        Org ministry = createOrganization("MINISTRY", "SE");
        long offer = createOffer(ministry, offerBody(ministry.id(), List.of("autonomous.ugv")));
        Org maker = createOrganization("MANUFACTURER", "UA");
        long profile = createProfile(maker, profileBody(maker.id(), List.of(capability("autonomous.ugv", 8, 8, 20))));
        assertTrue(matching.engine().explain(offer, profile).eligible());

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE profile_capability SET trl = 3 WHERE profile_id = " + profile);
            s.executeUpdate("INSERT INTO entity_change (entity_type, entity_id, origin) VALUES ('PROFILE', " + profile
                    + ", 'another-replica')");
            s.execute("SELECT pg_notify('" + ChangeFeed.CHANNEL + "', '')");
            c.commit();
        }

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (matching.engine().explain(offer, profile).eligible() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        var explanation = matching.engine().explain(offer, profile);
        assertEquals(false, explanation.eligible(), "the other replica's change must reach this index");
        assertTrue(explanation.whyNot().stream().anyMatch(r -> r.code().equals("readiness")));
    }

    /**
     * Another replica unpublished a profile ranked for an offer and stored the offer's ranking
     * without it; this instance's feed has not brought the change yet (its listener is stopped
     * here, so the lag lasts as long as the test needs) when an edit on this instance alters the
     * same offer's ranking. The ranking it stores must be the one after both changes: were it
     * written from this instance's index alone, the unpublished profile would be suggested again.
     */
    @Test
    void aRankingWrittenHereIncludesAnotherReplicasChangeItsFeedHasNotBroughtYet() throws Exception {
        Org ministry = createOrganization("MINISTRY", "SE");
        long offer = createOffer(ministry, offerBody(ministry.id(), List.of("autonomous.usv")));
        Org elsewhere = createOrganization("MANUFACTURER", "UA");
        long unpublished = createProfile(elsewhere, profileBody(elsewhere.id(), List.of(capability("autonomous.usv", 8, 8, 20))));
        Org maker = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> body = profileBody(maker.id(), List.of(capability("autonomous.usv", 7, 7, 20)));
        long edited = createProfile(maker, body);
        assertEquals(1, storedRows(offer, unpublished));

        feed.stop();
        try {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate("UPDATE manufacturer_profile SET status = 'DRAFT', version = version + 1 WHERE id = " + unpublished);
                s.executeUpdate("INSERT INTO entity_change (entity_type, entity_id, origin) VALUES ('PROFILE', " + unpublished
                        + ", 'another-replica')");
                s.executeUpdate("DELETE FROM match_result WHERE offer_id = " + offer + " AND profile_id = " + unpublished);
                c.commit();
            }
            body.put("version", 0);
            body.put("capabilities", List.of(capability("autonomous.usv", 9, 9, 40)));
            given().auth().oauth2(maker.token()).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/manufacturers/{id}", edited).then().statusCode(200);

            assertEquals(0, storedRows(offer, unpublished), "the unpublished profile must not be stored as suggested again");
            assertEquals(1, storedRows(offer, edited));
            assertEquals(false, matching.engine().explain(offer, unpublished).eligible());
        } finally {
            feed.start(feed.currentPosition(), matching::applyFromOtherInstance);
        }
    }

    private long storedRows(long offer, long profile) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM match_result WHERE offer_id = " + offer + " AND profile_id = " + profile)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void ownChangesAreLoggedWithThisInstancesOrigin() throws Exception {
        Org maker = createOrganization("MANUFACTURER", "UA");
        long profile = createProfile(maker, profileBody(maker.id(), List.of()));
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT origin FROM entity_change WHERE entity_type = 'PROFILE' AND entity_id = "
                     + profile)) {
            assertTrue(rs.next());
            assertEquals(feed.origin(), rs.getString(1));
        }
    }
}
