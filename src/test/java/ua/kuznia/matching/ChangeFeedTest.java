package ua.kuznia.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.core.Notification;
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
            s.executeUpdate("INSERT INTO change_origin (origin) VALUES ('another-replica') ON CONFLICT DO NOTHING");
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
        assertARankingWrittenHereTakesInAnUnpublishing("another-replica", true, () -> { });
    }

    /**
     * As above, with the other replica of the earlier version (no registration). Once such an
     * instance announced a change, the writers here read the whole window too, not the listener
     * alone.
     */
    @Test
    void afterAnUnnamedNotificationWritersReadTheWholeWindow() throws Exception {
        assertARankingWrittenHereTakesInAnUnpublishing("earlier-version", false, () -> {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_notify('" + ChangeFeed.CHANNEL + "', '')"); // an earlier version's instance is about
            }
            Thread.sleep(1500); // the listener has taken the notification in
        });
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /**
     * A profile ranked for an offer is unpublished by another replica (of the origin given,
     * registered or not), which stores the ranking without it, while this instance's listener is
     * stopped; then an edit here alters the same ranking, and must not suggest the profile again.
     */
    private void assertARankingWrittenHereTakesInAnUnpublishing(String origin, boolean register, Step beforeTheLag)
            throws Exception {
        Org ministry = createOrganization("MINISTRY", "SE");
        long offer = createOffer(ministry, offerBody(ministry.id(), List.of("autonomous.usv")));
        Org elsewhere = createOrganization("MANUFACTURER", "UA");
        long unpublished = createProfile(elsewhere, profileBody(elsewhere.id(), List.of(capability("autonomous.usv", 8, 8, 20))));
        Org maker = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> body = profileBody(maker.id(), List.of(capability("autonomous.usv", 7, 7, 20)));
        long edited = createProfile(maker, body);
        assertEquals(1, storedRows(offer, unpublished));
        beforeTheLag.run();

        feed.stop();
        try {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate("UPDATE manufacturer_profile SET status = 'DRAFT', version = version + 1 WHERE id = " + unpublished);
                if (register) {
                    s.executeUpdate("INSERT INTO change_origin (origin) VALUES ('" + origin + "') ON CONFLICT DO NOTHING");
                }
                s.executeUpdate("INSERT INTO entity_change (entity_type, entity_id, origin) VALUES ('PROFILE', " + unpublished
                        + ", '" + origin + "')");
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
    void ownChangesAreLoggedRegisteredAndAnnouncedWithThisInstancesOrigin() throws Exception {
        try (Connection listening = db.getConnection(); Statement l = listening.createStatement()) {
            l.execute("LISTEN " + ChangeFeed.CHANNEL);
            Org maker = createOrganization("MANUFACTURER", "UA");
            long profile = createProfile(maker, profileBody(maker.id(), List.of()));
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT e.origin, o.origin FROM entity_change e LEFT JOIN change_origin o"
                         + " ON o.origin = e.origin WHERE e.entity_type = 'PROFILE' AND e.entity_id = " + profile)) {
                assertTrue(rs.next());
                assertEquals(feed.origin(), rs.getString(1));
                assertEquals(feed.origin(), rs.getString(2), "the writing instance is registered with its change");
            }
            PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(5000);
            assertTrue(notifications != null && notifications.length > 0);
            assertEquals(feed.origin(), notifications[0].getParameter(), "the payload names the origin");
            assertEquals(ChangeFeed.Wake.OWN, feed.wake(notifications), "this instance's listener has nothing to read for them");
        }
    }

    @Test
    void theListenerTellsItsOwnNotificationsFromOthersAndFromEarlierVersions() {
        PGNotification own = new Notification(ChangeFeed.CHANNEL, 1, feed.origin());
        PGNotification other = new Notification(ChangeFeed.CHANNEL, 2, "another-replica");
        PGNotification unnamed = new Notification(ChangeFeed.CHANNEL, 3, "");
        assertEquals(ChangeFeed.Wake.OWN, feed.wake(new PGNotification[] {own, own}));
        assertEquals(ChangeFeed.Wake.OTHER, feed.wake(new PGNotification[] {own, other}));
        assertEquals(ChangeFeed.Wake.UNNAMED, feed.wake(new PGNotification[] {other, unnamed}));
        assertEquals(ChangeFeed.Wake.NONE, feed.wake(new PGNotification[0]));
        assertEquals(ChangeFeed.Wake.NONE, feed.wake(null));
    }

    /**
     * With no other origin registered, the window is not read; a change of an unregistered origin
     * (a notification lost, say) is read once this instance has not caught up for longer than a
     * stopped instance stays registered, and at once when a notification names no origin.
     */
    @Test
    void anUnregisteredOriginsChangeIsReadOnlyAfterAPauseOrAnUnnamedNotification() throws Exception {
        Org ministry = createOrganization("MINISTRY", "SE");
        long offer = createOffer(ministry, offerBody(ministry.id(), List.of("autonomous.ugv")));
        Org maker = createOrganization("MANUFACTURER", "UA");
        long first = createProfile(maker, profileBody(maker.id(), List.of(capability("autonomous.ugv", 8, 8, 20))));
        Org other = createOrganization("MANUFACTURER", "UA");
        long second = createProfile(other, profileBody(other.id(), List.of(capability("autonomous.ugv", 8, 8, 20))));
        assertTrue(matching.engine().explain(offer, first).eligible());
        long[] shift = {0};
        feed.useClock(() -> System.nanoTime() + shift[0]);
        try {
            lowerReadinessAsAnotherVersion(first, false);
            Thread.sleep(2500); // two timeouts of the listener, each a catch-up
            assertTrue(matching.engine().explain(offer, first).eligible(), "the window is not read: no other origin");

            shift[0] = ChangeFeed.STALE_AFTER_NANOS + 1_000_000_000L;
            awaitIneligible(offer, first, "after a pause the whole window is read");

            lowerReadinessAsAnotherVersion(second, true);
            awaitIneligible(offer, second, "a notification without an origin reads the whole window");
        } finally {
            feed.stop();
            feed.useClock(System::nanoTime);
            feed.start(feed.currentPosition(), matching::applyFromOtherInstance);
        }
    }

    /** What an instance of the previous version writes: no registration, and a NOTIFY without payload if any. */
    private void lowerReadinessAsAnotherVersion(long profile, boolean notify) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE profile_capability SET trl = 3 WHERE profile_id = " + profile);
            s.executeUpdate("INSERT INTO entity_change (entity_type, entity_id, origin) VALUES ('PROFILE', " + profile
                    + ", 'earlier-version')");
            if (notify) {
                s.execute("SELECT pg_notify('" + ChangeFeed.CHANNEL + "', '')");
            }
            c.commit();
        }
    }

    private void awaitIneligible(long offer, long profile, String message) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (matching.engine().explain(offer, profile).eligible() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(matching.engine().explain(offer, profile).eligible(), message);
    }

    /** Origins other tests (of this class or others) registered would keep every catch-up reading the window. */
    @BeforeEach
    @AfterEach
    void forgetOtherOrigins() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM change_origin WHERE origin <> '" + feed.origin() + "'");
        }
    }

    /**
     * Origins retired a while ago, or silent for over a day, are forgotten (each keeps every
     * catch-up reading the log's window); one that wrote recently, one that retired a moment ago,
     * and this instance are kept.
     */
    @Test
    void originsRetiredOrSilentForLongArePruned() throws Exception {
        Org maker = createOrganization("MANUFACTURER", "UA");
        createProfile(maker, profileBody(maker.id(), List.of())); // this instance writes too
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO change_origin (origin, retired_at) VALUES ('silent-replica', NULL),"
                    + " ('retired-replica', now() - interval '2 minutes'), ('just-retired', now()), ('another-replica', NULL)"
                    + " ON CONFLICT (origin) DO UPDATE SET retired_at = EXCLUDED.retired_at");
            s.executeUpdate("INSERT INTO entity_change (entity_type, entity_id, origin, changed_at) VALUES"
                    + " ('OFFER', 1, 'silent-replica', now() - interval '25 hours'),"
                    + " ('OFFER', 1, 'retired-replica', now() - interval '3 minutes'),"
                    + " ('OFFER', 1, 'just-retired', now()), ('OFFER', 1, 'another-replica', now())");
        }
        feed.pruneOrigins();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT origin FROM change_origin ORDER BY origin")) {
            List<String> origins = new java.util.ArrayList<>();
            while (rs.next()) {
                origins.add(rs.getString(1));
            }
            assertFalse(origins.contains("silent-replica"), origins.toString());
            assertFalse(origins.contains("retired-replica"), origins.toString());
            assertTrue(origins.containsAll(List.of("another-replica", "just-retired", feed.origin())), origins.toString());
        }
    }
}
