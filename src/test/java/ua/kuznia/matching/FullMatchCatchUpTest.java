package ua.kuznia.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ua.kuznia.common.EntityChanged;
import ua.kuznia.fuzz.DatabaseFingerprint;
import ua.kuznia.matching.engine.ScoredMatch;
import ua.kuznia.testing.Fixtures.Org;

/**
 * The stored matches catch up with the index where the two can drift apart. A full re-match
 * writes rankings it computed some time before its commit: profiles written in between were
 * already re-matched by their own writes, and the commit must not take that back. A profile
 * change whose re-match reached the index but failed while storing is retried, and the retry
 * must store what the failed attempt left out. The races are played deterministically. The
 * offers are in an area no other fast test uses, so the strong profiles made here do not push
 * other tests' manufacturers out of their rankings.
 */
@QuarkusTest
class FullMatchCatchUpTest {

    @Inject
    MatchingService matching;

    @Inject
    ChangeFeed feed;

    @Inject
    AgroalDataSource db;

    @Inject
    MatchSource source;

    @Test
    void aProfileWrittenDuringAFullReMatchKeepsItsFreshSuggestion() throws Exception {
        new DatabaseFingerprint(db).awaitIdleJobs();
        Org ministry = createOrganization("MINISTRY", "NL");
        long offer = createOffer(ministry, offerBody(ministry.id(), List.of("components.optics")));

        long position = feed.currentPosition();
        SortedMap<Long, List<ScoredMatch>> computedBefore = new TreeMap<>(matching.engine().fullMatch());

        Org maker = createOrganization("MANUFACTURER", "UA");
        long profile = createProfile(maker, profileBody(maker.id(), List.of(capability("components.optics", 9, 9, 500))));
        assertEquals("SUGGESTED", status(offer, profile), "the write itself suggests the pair");

        matching.persist(computedBefore, matching.engine().ruleSet().version(), position, (done, written) -> { },
                (c, done, written) -> { });
        assertEquals("SUGGESTED", status(offer, profile), "the full re-match's commit must keep the fresh suggestion");
    }

    @Test
    void aChangeByAnotherInstanceNotYetInThisIndexIsTakenIn() throws Exception {
        long[] pair = suggestedPair("DK");
        long offer = pair[0];
        long profile = pair[1];

        long position = feed.currentPosition();
        SortedMap<Long, List<ScoredMatch>> computedBefore = new TreeMap<>(matching.engine().fullMatch());
        // Another replica lowers the capability and removes the suggestion; the NOTIFY is left out,
        // so only the catch-up can bring this change into this index before the commit.
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE profile_capability SET trl = 2 WHERE profile_id = " + profile);
            s.executeUpdate("DELETE FROM match_result WHERE status = 'SUGGESTED' AND profile_id = " + profile);
            s.executeUpdate("INSERT INTO change_origin (origin) VALUES ('another-replica') ON CONFLICT DO NOTHING");
            s.executeUpdate("INSERT INTO entity_change (entity_type, entity_id, origin) VALUES ('PROFILE', " + profile
                    + ", 'another-replica')");
            c.commit();
        }

        matching.persist(computedBefore, matching.engine().ruleSet().version(), position, (done, written) -> { },
                (c, done, written) -> { });
        assertEquals(null, status(offer, profile), "a profile that no longer qualifies must not be suggested again");
    }

    @Test
    void aRetriedProfileChangeStoresWhatTheFailedAttemptLeftOut() throws Exception {
        long[] pair = suggestedPair("FI");
        long offer = pair[0];
        long profile = pair[1];

        // The change commits; its re-match updates the index, then fails before the store takes it
        // (the database went away right after the commit).
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE profile_capability SET trl = 2 WHERE profile_id = " + profile);
            c.commit();
        }
        matching.engine().upsertProfile(source.profile(profile).orElseThrow());
        assertEquals("SUGGESTED", status(offer, profile), "the stored match lags behind the index");

        matching.apply(new EntityChanged(EntityChanged.Type.PROFILE, profile, false), true);
        assertEquals(null, status(offer, profile), "the retry must store the ranking the profile left");
    }

    /** A new offer of a ministry of that country and a strong new profile it suggests: {offer, profile}. */
    private long[] suggestedPair(String ministryCountry) throws Exception {
        new DatabaseFingerprint(db).awaitIdleJobs();
        Org ministry = createOrganization("MINISTRY", ministryCountry);
        long offer = createOffer(ministry, offerBody(ministry.id(), List.of("components.optics")));
        Org maker = createOrganization("MANUFACTURER", "UA");
        long profile = createProfile(maker, profileBody(maker.id(), List.of(capability("components.optics", 9, 9, 500))));
        assertEquals("SUGGESTED", status(offer, profile), "the write itself suggests the pair");
        return new long[] {offer, profile};
    }

    private String status(long offer, long profile) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT status FROM match_result WHERE offer_id = ? AND profile_id = ?")) {
            s.setLong(1, offer);
            s.setLong(2, profile);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
