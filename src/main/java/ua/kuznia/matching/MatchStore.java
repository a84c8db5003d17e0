package ua.kuznia.matching;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.PostConstruct;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiFunction;
import ua.kuznia.matching.engine.Explanation;
import ua.kuznia.matching.engine.ScoredMatch;
import ua.kuznia.matching.engine.TopKChange;

/**
 * Brings the persisted matches of one offer in line with the engine's ranking. Suggestions
 * that fall out of the top K disappear; a match someone acted on stays, turns STALE with the
 * failing hard rule when it stops being eligible, and returns to its earlier status when it is
 * eligible again. One transaction per offer after a single change, so readers never see half an
 * offer's ranking; one transaction for all offers in a full re-match, so they never see half a run.
 */
@ApplicationScoped
public class MatchStore {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(MatchStore.class);

    private static final String UPSERT = "INSERT INTO match_result (offer_id, profile_id, score, rank, ruleset_version,"
            + " explanation, status) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), 'SUGGESTED')"
            + " ON CONFLICT (offer_id, profile_id) DO UPDATE SET score = EXCLUDED.score, rank = EXCLUDED.rank,"
            + " ruleset_version = EXCLUDED.ruleset_version, explanation = EXCLUDED.explanation, updated_at = now(),"
            + " version = match_result.version + 1,"
            // A stale match that is back in the ranking is eligible again: restore what it was.
            + " status = CASE WHEN match_result.status = 'STALE' THEN coalesce(match_result.stale_from_status, 'SUGGESTED')"
            + " ELSE match_result.status END,"
            + " stale_rule = CASE WHEN match_result.status = 'STALE' THEN NULL ELSE match_result.stale_rule END,"
            + " stale_from_status = CASE WHEN match_result.status = 'STALE' THEN NULL ELSE match_result.stale_from_status END";

    /**
     * A ranked match whose only change is its place, because another profile entered, left or
     * moved above it: the row and the rank its explanation tells are set, and the explanation is
     * not built and written again (a profile entering near the top of an offer moves up to K - 1
     * others down one place).
     */
    private static final String MOVE = "UPDATE match_result SET rank = ?,"
            + " explanation = jsonb_set(explanation, '{rank}', to_jsonb(CAST(? AS integer))),"
            + " updated_at = now(), version = version + 1 WHERE offer_id = ? AND profile_id = ?";

    /** A stored match as its offer's sync needs it; score and rank are null where the row has none. */
    private record Row(long profileId, String status, Double score, Integer rank, int ruleSetVersion) {

        /** Holds exactly what a write would store, so the write can be left out. */
        boolean holds(double newScore, int newRank, int newRuleSetVersion) {
            return sameScoring(newScore, newRuleSetVersion) && rank == newRank;
        }

        /** Differs from what a write would store in its rank alone, so only the rank need be written. */
        boolean onlyMoved(double newScore, int newRank, int newRuleSetVersion) {
            return sameScoring(newScore, newRuleSetVersion) && rank != newRank;
        }

        private boolean sameScoring(double newScore, int newRuleSetVersion) {
            return !MatchStatus.STALE.name().equals(status) && score != null && score == newScore
                    && rank != null && ruleSetVersion == newRuleSetVersion;
        }
    }

    /** Which ranked pairs must be written even when their score and rank stay the same. */
    @FunctionalInterface
    private interface Refresh {
        /** After an offer or rule-set change every pair's explanation may have changed. */
        Refresh ALL = profileId -> true;

        boolean needed(long profileId);
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Writes a stored explanation without the rule catalog's texts: they are the same for every
     * pair (a rule id names them), and with them in English and Ukrainian each match row was
     * several kilobytes of jsonb that PostgreSQL compressed again on every rewrite. What is stored
     * is what varies: each rule's outcome, the values compared, weights and contributions, and the
     * codes of the reasons a pair is not suggested. The API and the pages explain a pair live from
     * the engine, with the texts. The values compared are kept in English only: their Ukrainian
     * twins would add about as much again to every row, and the pages that show them explain the
     * pair live.
     */
    private ObjectWriter storedExplanation;

    @JsonIgnoreProperties({"descriptionEn", "descriptionUk", "messageEn", "messageUk", "expectedUk", "actualUk", "basisUk"})
    private abstract static class WithoutCatalogTexts {
    }

    @PostConstruct
    void prepareWriter() {
        storedExplanation = json.copy()
                .addMixIn(Explanation.HardResult.class, WithoutCatalogTexts.class)
                .addMixIn(Explanation.SoftResult.class, WithoutCatalogTexts.class)
                .addMixIn(Explanation.Reason.class, WithoutCatalogTexts.class)
                .writer();
    }

    @Inject
    Event<MatchesSuggested> suggested;

    @Inject
    ChangeFeed feed;

    /**
     * The engine's current rankings, as the store reads them while it holds an offer's lock: two
     * re-matches of the same offer (two profiles edited at once, say) may compute in one order and
     * write in the other, and a ranking read before the lock could then overwrite a newer one.
     */
    public interface Rankings {
        List<ScoredMatch> topK(long offerId);

        int ruleSetVersion();
    }

    /**
     * Serialises the writers of one offer's stored ranking for the rest of the transaction, then
     * brings the index up to every other replica's change committed so far: an earlier writer of
     * these offers has committed by then, and so has the change it wrote for (see
     * {@link ChangeFeed#catchUpWithin}). A row lock would not do: an offer without stored matches
     * has no row to lock. (The two-key form keeps these apart from the full re-match's one-key lock.)
     */
    private void lockOffers(Connection c, List<Long> offerIds) throws SQLException {
        // All in one round trip (a profile edit may alter a hundred rankings), in ascending key
        // order, the order every writer takes them in.
        try (PreparedStatement s = c.prepareStatement("SELECT count(pg_advisory_xact_lock(?, k))"
                + " FROM (SELECT DISTINCT unnest(?::int[]) AS k ORDER BY k) AS keys")) {
            s.setInt(1, OFFER_LOCKS);
            s.setArray(2, c.createArrayOf("integer", offerIds.stream().map(id -> Long.hashCode(id)).toArray()));
            s.execute();
        }
        feed.catchUpWithin(c);
    }

    /** The first key of every offer's lock: any fixed number. */
    private static final int OFFER_LOCKS = 0x4b7a6f66;

    /**
     * @param explain live explanation of a pair from the engine, or empty when either side left the index
     * @return how many suggestions the offer now has
     */
    public int syncOffer(long offerId, Rankings rankings, BiFunction<Long, Long, Optional<Explanation>> explain) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                lockOffers(c, List.of(offerId));
                List<Long> fresh = new ArrayList<>();
                int suggestions = sync(c, offerId, rankings.topK(offerId), rankings.ruleSetVersion(), explain, fresh, Refresh.ALL);
                if (!fresh.isEmpty()) {
                    // Written by the observer in this same transaction: no notice without its match.
                    suggested.fire(new MatchesSuggested(offerId, fresh));
                }
                return suggestions;
            }
        });
    }

    /**
     * Writes the rankings a profile change altered, in one transaction, offers in id order (the
     * order a full re-match locks them in), each as the engine has it once the offer is locked.
     * Only the changed profile's pairs are always written; another profile's pair is written only
     * if its rank or score moved, since its explanation depends on nothing else that changed, and
     * only its rank if nothing else moved.
     *
     * @param offerIds the offers whose ranking the change altered, in ascending order
     */
    public void syncProfileChange(long profileId, List<Long> offerIds, Rankings rankings,
                                  BiFunction<Long, Long, Optional<Explanation>> explain) {
        if (offerIds.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                lockOffers(c, offerIds);
                for (long offerId : offerIds) {
                    List<Long> fresh = new ArrayList<>();
                    sync(c, offerId, rankings.topK(offerId), rankings.ruleSetVersion(), explain, fresh, id -> id == profileId);
                    if (!fresh.isEmpty()) {
                        suggested.fire(new MatchesSuggested(offerId, fresh));
                    }
                }
                return null;
            }
        });
    }

    /** Reports how far a {@link #syncAll} has come, outside its transaction. */
    @FunctionalInterface
    public interface Progress {
        void offersDone(int offers, int suggestions);
    }

    /**
     * Runs inside the {@link #syncAll} transaction after the rankings are written: the offers whose
     * ranking changed since those rankings were computed, with their current top K.
     */
    @FunctionalInterface
    public interface CatchUp {
        SortedMap<Long, List<ScoredMatch>> changedSince(Connection c) throws SQLException;
    }

    /** Runs inside the {@link #syncAll} transaction just before it commits. */
    @FunctionalInterface
    public interface BeforeCommit {
        void run(Connection c, int offers, int suggestions) throws SQLException;
    }

    /**
     * Replaces the matches of every offer in one transaction: readers see the complete earlier
     * ranking until the commit and the complete new one after it, never a mix. If the instance
     * dies before the commit, PostgreSQL rolls everything back. Offers go in id order, so
     * concurrent full re-matches (after a lost lock session) lock rows in the same order.
     *
     * @param rankings every offer's top K (empty for offers that must have no suggestions)
     * @return how many suggestions were written
     */
    public int syncAll(SortedMap<Long, List<ScoredMatch>> rankings, int ruleSetVersion,
                       BiFunction<Long, Long, Optional<Explanation>> explain, Progress progress,
                       CatchUp catchUp, BeforeCommit beforeCommit) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int done = 0;
                int suggestions = 0;
                Map<Long, List<Long>> freshByOffer = new java.util.TreeMap<>();
                for (Map.Entry<Long, List<ScoredMatch>> offer : rankings.entrySet()) {
                    List<Long> fresh = new ArrayList<>();
                    suggestions += sync(c, offer.getKey(), offer.getValue(), ruleSetVersion, explain, fresh, Refresh.ALL);
                    if (!fresh.isEmpty()) {
                        freshByOffer.put(offer.getKey(), fresh);
                    }
                    if (++done % PROGRESS_EVERY == 0) {
                        progress.offersDone(done, suggestions);
                    }
                }
                // Profiles and offers written while the rankings were computed were re-matched and
                // stored by their writers already; the rankings above would undo that at commit.
                for (Map.Entry<Long, List<ScoredMatch>> offer : catchUp.changedSince(c).entrySet()) {
                    List<Long> fresh = new ArrayList<>();
                    suggestions += sync(c, offer.getKey(), offer.getValue(), ruleSetVersion, explain, fresh, Refresh.ALL)
                            - rankings.getOrDefault(offer.getKey(), List.of()).size();
                    if (!fresh.isEmpty()) {
                        freshByOffer.computeIfAbsent(offer.getKey(), id -> new ArrayList<>()).addAll(fresh);
                    }
                }
                beforeCommit.run(c, done, suggestions);
                c.commit();
                // The run is one plain JDBC transaction, outside JTA; its new suggestions are announced
                // right after it commits, one short transaction per offer.
                // Committed: whatever happens next, the job is done. An announcement that fails (the
                // database gone for a moment) is logged and the others still go out.
                freshByOffer.forEach((offerId, fresh) -> {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> suggested.fire(new MatchesSuggested(offerId, fresh)));
                    } catch (RuntimeException e) {
                        LOG.warnf("New suggestions of offer %d stored by the full re-match but not announced: %s",
                                offerId, e.getMessage());
                    }
                });
                return suggestions;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final int PROGRESS_EVERY = 50;

    /** Writes one offer's ranking; profiles that had no row for this offer before go to {@code fresh}. */
    private int sync(Connection c, long offerId, List<ScoredMatch> topK, int ruleSetVersion,
                     BiFunction<Long, Long, Optional<Explanation>> explain, List<Long> fresh, Refresh refresh)
            throws SQLException {
        // Locked, and written, in profile order: a full re-match and an incremental one writing
        // the same offer at once then wait for each other instead of deadlocking.
        Map<Long, Row> existing = existing(c, "SELECT profile_id, status, score, rank, ruleset_version FROM match_result"
                + " WHERE offer_id = ? ORDER BY profile_id FOR UPDATE", offerId);
        Set<Long> ranked = new HashSet<>();
        Map<Long, Integer> ranks = new HashMap<>();
        for (ScoredMatch match : topK) {
            ranks.put(match.profileId(), ranks.size() + 1);
        }
        List<ScoredMatch> byProfile = new ArrayList<>(topK);
        byProfile.sort(java.util.Comparator.comparingLong(ScoredMatch::profileId));
        try (PreparedStatement upsert = c.prepareStatement(UPSERT); PreparedStatement move = c.prepareStatement(MOVE)) {
            for (ScoredMatch match : byProfile) {
                ranked.add(match.profileId());
                Row row = existing.get(match.profileId());
                int rank = ranks.get(match.profileId());
                if (row == null) {
                    fresh.add(match.profileId());
                } else if (!refresh.needed(match.profileId())) {
                    if (row.holds(match.score(), rank, ruleSetVersion)) {
                        continue;
                    }
                    if (row.onlyMoved(match.score(), rank, ruleSetVersion)) {
                        move.setInt(1, rank);
                        move.setInt(2, rank);
                        move.setLong(3, offerId);
                        move.setLong(4, match.profileId());
                        move.addBatch();
                        continue;
                    }
                }
                upsert.setLong(1, offerId);
                upsert.setLong(2, match.profileId());
                upsert.setDouble(3, match.score());
                upsert.setInt(4, rank);
                upsert.setInt(5, ruleSetVersion);
                upsert.setString(6, explainJson(explain.apply(offerId, match.profileId())));
                upsert.addBatch();
            }
            upsert.executeBatch();
            move.executeBatch();
        }
        for (Row row : existing.values()) {
            if (!ranked.contains(row.profileId())) {
                outOfRanking(c, offerId, row, ruleSetVersion, explain.apply(offerId, row.profileId()));
            }
        }
        return topK.size();
    }

    /** The offers where any of these profiles has a stored match, ranked or acted on and out of the ranking. */
    public Set<Long> offersMatching(Collection<Long> profileIds) {
        try (Connection c = dataSource.getConnection()) {
            return offersMatching(c, profileIds);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #offersMatching(Collection)}, on the caller's connection (and so inside its transaction). */
    public Set<Long> offersMatching(Connection c, Collection<Long> profileIds) throws SQLException {
        Set<Long> offers = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT offer_id FROM match_result WHERE profile_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("bigint", profileIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    offers.add(rs.getLong(1));
                }
            }
        }
        return offers;
    }

    /** Re-checks the acted-on matches of a profile after it changed, in offers whose ranking did not. */
    public void recheckProfile(long profileId, int ruleSetVersion, Set<Long> offersAlreadySynced,
                               BiFunction<Long, Long, Optional<Explanation>> explain) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 // Locked as read: a decision taken meanwhile (an approval) must be the status judged,
                 // not overwritten by one judged from the status before it.
                 PreparedStatement s = c.prepareStatement("SELECT offer_id, status FROM match_result"
                         + " WHERE profile_id = ? AND status <> 'SUGGESTED' AND rank IS NULL ORDER BY offer_id FOR UPDATE")) {
                s.setLong(1, profileId);
                Map<Long, String> rows = new java.util.TreeMap<>(); // offer order, as a full re-match locks them
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getLong(1), rs.getString(2));
                    }
                }
                for (Map.Entry<Long, String> row : rows.entrySet()) {
                    if (!offersAlreadySynced.contains(row.getKey())) {
                        outOfRanking(c, row.getKey(), new Row(profileId, row.getValue(), null, null, 0), ruleSetVersion,
                                explain.apply(row.getKey(), profileId));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void outOfRanking(Connection c, long offerId, Row row, int ruleSetVersion, Optional<Explanation> explanation)
            throws SQLException {
        if (MatchStatus.SUGGESTED.name().equals(row.status())) {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM match_result WHERE offer_id = ? AND profile_id = ? AND status = 'SUGGESTED'")) {
                delete.setLong(1, offerId);
                delete.setLong(2, row.profileId());
                delete.executeUpdate();
            }
            return;
        }
        String failed = explanation.map(MatchStore::firstFailedHardRule).orElse("status");
        // A settled decision stays as decided; staleness only flags matches still in play.
        boolean eligible = explanation.map(Explanation::eligible).orElse(false)
                || MatchStatus.valueOf(row.status()).settled();
        String sql = eligible
                // Still a valid partnership, just no longer among the best K: keep it, refresh its figures.
                ? "UPDATE match_result SET score = ?, rank = NULL, ruleset_version = ?, explanation = CAST(? AS jsonb),"
                        + " status = CASE WHEN status = 'STALE' THEN coalesce(stale_from_status, 'SUGGESTED') ELSE status END,"
                        + " stale_rule = NULL, stale_from_status = NULL, updated_at = now(), version = version + 1"
                        + " WHERE offer_id = ? AND profile_id = ?"
                : "UPDATE match_result SET score = ?, rank = NULL, ruleset_version = ?, explanation = CAST(? AS jsonb),"
                        + " stale_from_status = CASE WHEN status = 'STALE' THEN stale_from_status ELSE status END,"
                        + " status = 'STALE', updated_at = now(), version = version + 1,"
                        + " stale_rule = ? WHERE offer_id = ? AND profile_id = ?";
        try (PreparedStatement update = c.prepareStatement(sql)) {
            int i = 1;
            update.setDouble(i++, explanation.map(Explanation::score).orElse(0.0));
            update.setInt(i++, ruleSetVersion);
            update.setString(i++, explainJson(explanation));
            if (!eligible) {
                update.setString(i++, failed);
            }
            update.setLong(i++, offerId);
            update.setLong(i, row.profileId());
            update.executeUpdate();
        }
    }

    static String firstFailedHardRule(Explanation explanation) {
        return explanation.hardRules().stream().filter(r -> !r.passed()).map(Explanation.HardResult::ruleId)
                .findFirst().orElse(null);
    }

    private static Map<Long, Row> existing(Connection c, String sql, long offerId) throws SQLException {
        Map<Long, Row> rows = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, offerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, Double.class),
                            rs.getObject(4, Integer.class), rs.getInt(5)));
                }
            }
        }
        return rows;
    }

    private String explainJson(Optional<Explanation> explanation) {
        try {
            return storedExplanation.writeValueAsString(explanation.<Object>map(e -> e).orElse(Map.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
