package ua.kuznia.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
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
