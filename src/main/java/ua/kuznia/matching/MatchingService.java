package ua.kuznia.matching;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import ua.kuznia.common.EntityChanged;
import ua.kuznia.identity.Caller;
import ua.kuznia.matching.engine.Explanation;
import ua.kuznia.matching.engine.MatchEngine;
import ua.kuznia.matching.engine.OfferData;
import ua.kuznia.matching.engine.ProfileData;
import ua.kuznia.matching.engine.ScoredMatch;
import ua.kuznia.matching.engine.TopKChange;

/**
 * Keeps the in-memory matcher in step with the database and the persisted matches in step with
 * the matcher. A committed profile or offer change re-matches that one entity before the
 * request returns; a rule-set change or start-up runs a full re-match as a background job.
 */
@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);

    @Inject
    MatchSource source;

    @Inject
    MatchStore store;

    @Inject
    ua.kuznia.identity.CallerMemberships memberships;

    @Inject
    RuleSetService ruleSets;

    @Inject
    MatchingJobs jobs;

    @Inject
    MeterRegistry metrics;

    @Inject
    ChangeFeed feed;

    @Inject
    AgroalDataSource dataSource;

    /** How often an idle instance looks for jobs nobody runs: requested elsewhere, or left by a dead instance. */
    @ConfigProperty(name = "kuznia.matching.job-poll-interval", defaultValue = "2S")
    Duration jobPollInterval;

    private volatile MatchEngine engine;
    private volatile double jobProgress = 1;
    /** Names this instance in matching_job.runner: the pod name in Kubernetes, where HOSTNAME is set. */
    private final String runner = ProcessHandle.current().pid() + "@"
            + Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
    /** Full re-matches run one at a time, off the request threads. */
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kuznia-full-match");
        t.setDaemon(true);
        return t;
    });

    /** After the demo data (priority 10): load the index, then rank everything in the background. */
    void onStart(@Observes @Priority(20) StartupEvent event) {
        long position = feed.currentPosition();
        engine = load(RuleSetService.toEngine(ruleSets.current()));
        feed.start(position, this::applyFromOtherInstance);
        Gauge.builder("kuznia.matcher.index.profiles", this, s -> s.engine.profileCount())
                .description("Profiles in the matcher's in-memory index").register(metrics);
        Gauge.builder("kuznia.matcher.index.offers", this, s -> s.engine.offerCount())
                .description("Offers in the matcher's in-memory index").register(metrics);
        Gauge.builder("kuznia.matcher.job.progress", this, s -> s.jobProgress)
                .description("Share of offers done by the running full re-match (1 when idle)").register(metrics);
        LOG.infof("Matcher index loaded: %d profiles, %d offers", engine.profileCount(), engine.offerCount());
        startFullMatch("start-up", Caller.SYSTEM);
        long poll = jobPollInterval.toMillis();
        background.scheduleWithFixedDelay(this::runUnfinishedJobs, poll, poll, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        background.shutdownNow();
        retries.shutdownNow();
    }

    private MatchEngine load(ua.kuznia.matching.engine.RuleSetData ruleSet) {
        MatchEngine fresh = new MatchEngine(ruleSet);
        for (ProfileData profile : source.allProfiles()) {
            fresh.upsertProfile(profile);
        }
        for (OfferData offer : source.allOffers()) {
            fresh.upsertOffer(offer);
        }
        return fresh;
    }

    public MatchEngine engine() {
        return engine;
    }

    /** Runs after the writing transaction committed, so the matcher only ever sees committed data. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntityChanged change) {
        if (change.type() == EntityChanged.Type.RULESET) {
            // Scored under the new rules from now on, as other replicas do once the change feed
            // brings it. The full re-match job that follows rewrites the stored matches; it may run
            // on another replica (the one holding the job lock), so this one must not wait for it.
            engine.setRuleSet(RuleSetService.toEngine(ruleSets.current()));
            return;
        }
        Timer.Sample sample = Timer.start(metrics);
        try {
            apply(change, false);
            sample.stop(rematchTimer("incremental-" + change.type().name().toLowerCase()));
        } catch (RuntimeException e) {
            // The write itself committed, but the index or the stored matches may lag behind it
            // (typically the database went away right after the commit). The change feed skips this
            // instance's own changes, so the retry is the only way the index learns of it.
            LOG.warnf("Incremental re-match of %s %d failed (%s); retrying in the background",
                    change.type(), change.id(), e.getMessage());
            scheduleRetry(change, 1);
        }
    }

    private static final int RETRY_MAX_DELAY_SECONDS = 30;
    /** Entities waiting for a retried re-match; one pending retry each, since a retry re-reads the latest state. */
    private final Set<EntityChanged> retrying = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kuznia-rematch-retry");
                t.setDaemon(true);
                return t;
            });

    private void scheduleRetry(EntityChanged change, int attempt) {
        if (attempt == 1 && !retrying.add(change)) {
            return;
        }
        long delay = Math.min(RETRY_MAX_DELAY_SECONDS, 1L << Math.min(attempt, 5));
        retries.schedule(() -> {
            try {
                apply(change, true);
                retrying.remove(change);
                LOG.infof("Re-match of %s %d done after %d attempts", change.type(), change.id(), attempt + 1);
            } catch (RuntimeException e) {
                scheduleRetry(change, attempt + 1);
            }
        }, delay, TimeUnit.SECONDS);
    }

    /**
     * Re-matches a committed offer or profile change and stores the result.
     *
     * @param afterFailure an earlier attempt failed: the index may hold the change already while
     *                     the stored matches do not
     */
    void apply(EntityChanged change, boolean afterFailure) {
        if (change.type() == EntityChanged.Type.OFFER) {
            offerChanged(change.id(), change.deleted(), afterFailure);
        } else {
            profileChanged(change.id(), change.deleted(), afterFailure);
        }
    }

    /**
     * Another replica committed a change and already persisted its matches: only this
     * instance's in-memory index needs it.
     */
    void applyFromOtherInstance(ChangeFeed.Change change) {
        if (change.type() == EntityChanged.Type.PROFILE) {
            // A profile carries its manufacturer's clearance: need-to-know must not wait for the cache to age.
            memberships.forgetProfile(change.entityId());
        }
        MatchEngine current = engine;
        switch (change.type()) {
            case OFFER -> reloadOffer(current, change.entityId(), change.deleted());
            case PROFILE -> reloadProfile(current, change.entityId(), change.deleted());
            case RULESET -> current.setRuleSet(RuleSetService.toEngine(ruleSets.current()));
        }
    }

    /** Brings the index's copy of an offer in line with the database: its committed state, or gone. */
    private void reloadOffer(MatchEngine current, long offerId, boolean deleted) {
        source.offer(offerId).filter(o -> !deleted).ifPresentOrElse(current::upsertOffer, () -> current.removeOffer(offerId));
    }

    private void reloadProfile(MatchEngine current, long profileId, boolean deleted) {
        source.profile(profileId).filter(p -> !deleted).ifPresentOrElse(current::upsertProfile,
                () -> current.removeProfile(profileId));
    }

    private void offerChanged(long offerId, boolean deleted, boolean afterFailure) {
        MatchEngine current = engine;
        Optional<OfferData> offer = deleted ? Optional.empty() : source.offer(offerId);
        if (offer.isEmpty()) {
            current.removeOffer(offerId);
            return;
        }
        // Nothing the matcher reads changed (a title, a description): the stored matches stay as
        // they are, and a decision taken on one meanwhile is not refused for a stale version. Not
        // after a failure, which may have updated the index and not the store.
        if (!afterFailure && current.holds(offer.get())) {
            return;
        }
        current.upsertOffer(offer.get());
        store.syncOffer(offerId, rankings(current), this::explainIfIndexed);
    }

    private void profileChanged(long profileId, boolean deleted, boolean afterFailure) {
        MatchEngine current = engine;
        Optional<ProfileData> profile = deleted ? Optional.empty() : source.profile(profileId);
        if (!afterFailure && profile.isPresent() && current.holds(profile.get())) {
            return; // as for an offer: nothing the matcher reads changed
        }
        List<TopKChange> changes = profile.isPresent() ? current.upsertProfile(profile.get()) : current.removeProfile(profileId);
        List<Long> changed = changes.stream().map(TopKChange::offerId).toList();
        if (afterFailure) {
            // The index reports only what this call changed, and an attempt that failed while
            // storing may have changed it already: then it reports nothing, and the rankings that
            // attempt altered would stay unstored. So every offer where the profile is, in the
            // index or in the stored matches, is written from its current ranking.
            changed = List.copyOf(offersToRewrite(current, Set.of(profileId), store.offersMatching(List.of(profileId))));
        }
        store.syncProfileChange(profileId, changed, rankings(current), this::explainIfIndexed);
        if (profile.isPresent()) {
            store.recheckProfile(profileId, current.ruleSet().version(), new HashSet<>(changed), this::explainIfIndexed);
        }
    }

    /** The engine's rankings as the store reads them, under each offer's lock. */
    private static MatchStore.Rankings rankings(MatchEngine current) {
        return new MatchStore.Rankings() {
            @Override
            public List<ScoredMatch> topK(long offerId) {
                return current.topKForOffer(offerId);
            }

            @Override
            public int ruleSetVersion() {
                return current.ruleSet().version();
            }
        };
    }

    /**
     * The given offers and every offer whose ranking in the index holds one of the profiles, in
     * ascending order. Callers pass the offers where the profiles have stored matches: writing
     * those from the index brings the store in line with it for the profiles.
     */
    private static SortedSet<Long> offersToRewrite(MatchEngine current, Set<Long> profileIds, Set<Long> offers) {
        SortedSet<Long> all = new TreeSet<>(offers);
        for (long profileId : profileIds) {
            current.matchesForProfile(profileId).forEach(match -> all.add(match.offerId()));
        }
        return all;
    }

    Optional<Explanation> explainIfIndexed(long offerId, long profileId) {
        try {
            return Optional.of(engine.explain(offerId, profileId));
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
    }

    /**
     * Queues a full re-match under the current rule set and returns at once with the job id. This
     * instance runs it unless another one holds the lock, which then runs it after its own.
     */
    public long startFullMatch(String reason, Caller caller) {
        int version = ruleSets.current().version();
        long jobId = jobs.create(reason, version, caller.username());
        background.submit(this::runUnfinishedJobs);
        return jobId;
    }

    private Timer rematchTimer(String kind) {
        return Timer.builder("kuznia.matcher.rematch").tag("kind", kind).publishPercentileHistogram()
                .description("Time to re-match and persist after a change").register(metrics);
    }

    /** Any fixed number shared by all replicas: the lock that lets one full re-match run at a time. */
    static final long FULL_MATCH_LOCK = 0x4b757a6e6961L;

    /**
     * Runs every unfinished job while this instance holds the lock. The lock is held on its own
     * connection; if this instance dies, PostgreSQL ends that session and frees the lock, and the
     * next instance to poll takes it and runs the job that was left RUNNING again from the start.
     * Nothing of the dead run is visible: its matches were one uncommitted transaction.
     */
    void runUnfinishedJobs() {
        try {
            while (jobs.nextUnfinished().isPresent()) {
                try (Connection lock = dataSource.getConnection()) {
                    if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                        return; // the holder runs every unfinished job, this one's included
                    }
                    try {
                        Optional<Long> next;
                        while ((next = jobs.nextUnfinished()).isPresent()) {
                            runFullMatchLocked(next.get());
                        }
                    } finally {
                        advisoryLock(lock, "pg_advisory_unlock");
                    }
                }
                // A job queued just before the unlock found the lock taken: the loop looks again.
            }
        } catch (SQLException | RuntimeException e) {
            // The database is away or the job could not be marked failed; the next poll tries again.
            LOG.warnf("Full re-match jobs not run now (%s); retrying in %s", e.getMessage(), jobPollInterval);
        }
    }

    private static boolean advisoryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?)")) {
            s.setLong(1, FULL_MATCH_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void runFullMatchLocked(long jobId) {
        Timer.Sample sample = Timer.start(metrics);
        jobProgress = 0;
        try {
            jobs.claim(jobId, runner);
            long position = feed.currentPosition();
            MatchEngine current = engine;
            RuleSetService.RuleSetView ruleSet = ruleSets.current();
            if (ruleSet.version() != current.ruleSet().version()) {
                current.setRuleSet(RuleSetService.toEngine(ruleSet));
            }
            SortedMap<Long, List<ScoredMatch>> rankings = new TreeMap<>(current.fullMatch());
            // Closed and draft offers are not ranked: whatever suggestions they still have go.
            for (OfferData offer : source.allOffers()) {
                rankings.putIfAbsent(offer.id(), List.of());
            }
            int total = rankings.size();
            jobs.total(jobId, total);
            int suggestions = persist(rankings, ruleSet.version(), position, (done, written) -> {
                jobs.progress(jobId, done, written);
                jobProgress = (double) done / Math.max(1, total);
            }, (c, done, written) -> jobs.finished(c, jobId, done, written));
            sample.stop(rematchTimer("full"));
            LOG.infof("Full re-match %d done: %d offers, %d suggestions", jobId, total, suggestions);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Full re-match %d failed", jobId);
            jobs.failed(jobId, e.getMessage());
        } finally {
            jobProgress = 1;
        }
    }

    /**
     * Writes a full re-match's rankings, computed from the index as it was at the change-log
     * position, and brings the offers changed since up to date in the same transaction.
     */
    int persist(SortedMap<Long, List<ScoredMatch>> rankings, int ruleSetVersion, long position,
                MatchStore.Progress progress, MatchStore.BeforeCommit finish) {
        return store.syncAll(rankings, ruleSetVersion, this::explainIfIndexed, progress,
                c -> changedSince(c, position), finish);
    }

    /** Changes committed this close below a position may still have been in flight when it was read. */
    static final long LATE_COMMITS = 200;

    /**
     * The offers whose ranking may have moved since a full re-match computed its rankings: those
     * of every profile and offer changed since (through any instance), re-read from the database
     * into the index first, since another instance's change may not have reached it yet.
     */
    private SortedMap<Long, List<ScoredMatch>> changedSince(Connection c, long position) throws SQLException {
        MatchEngine current = engine;
        Set<Long> offers = new TreeSet<>();
        Set<Long> profiles = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT entity_type, entity_id FROM entity_change"
                + " WHERE id > ? AND entity_type IN ('OFFER', 'PROFILE')")) {
            s.setLong(1, Math.max(0, position - LATE_COMMITS));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    (EntityChanged.Type.valueOf(rs.getString(1)) == EntityChanged.Type.OFFER ? offers : profiles)
                            .add(rs.getLong(2));
                }
            }
        }
        for (long offerId : offers) {
            reloadOffer(current, offerId, false);
        }
        for (long profileId : profiles) {
            reloadProfile(current, profileId, false);
        }
        // The profiles' stored matches as this run wrote them, and the offers changed since.
        Set<Long> stored = store.offersMatching(c, profiles);
        stored.addAll(offers);
        SortedMap<Long, List<ScoredMatch>> rankings = new TreeMap<>();
        for (long offerId : offersToRewrite(current, profiles, stored)) {
            rankings.put(offerId, current.topKForOffer(offerId));
        }
        return rankings;
    }

    public record Preview(int ruleSetVersion, int suggestionsNow, int suggestionsAfter, int appear, int disappear,
                          int move, List<ScoredMatch> sampleAppearing, List<ScoredMatch> sampleDisappearing) {
    }

    /**
     * What saving a rule set would do to the suggestions, computed on a separate engine over the
     * same committed data, so the live matcher and the persisted matches stay untouched.
     */
    public Preview preview(RuleSetService.RuleSetView proposed) {
        Map<Long, List<ScoredMatch>> now = engine.fullMatch();
        Map<Long, List<ScoredMatch>> after = load(RuleSetService.toEngine(proposed)).fullMatch();
        Map<String, Integer> rankNow = ranks(now);
        Map<String, Integer> rankAfter = ranks(after);
        List<ScoredMatch> appearing = new ArrayList<>();
        List<ScoredMatch> disappearing = new ArrayList<>();
        int move = 0;
        for (List<ScoredMatch> list : after.values()) {
            for (ScoredMatch m : list) {
                Integer before = rankNow.get(key(m));
                if (before == null) {
                    appearing.add(m);
                } else if (!before.equals(rankAfter.get(key(m)))) {
                    move++;
                }
            }
        }
        for (List<ScoredMatch> list : now.values()) {
            for (ScoredMatch m : list) {
                if (!rankAfter.containsKey(key(m))) {
                    disappearing.add(m);
                }
            }
        }
        return new Preview(proposed.version(), rankNow.size(), rankAfter.size(), appearing.size(), disappearing.size(), move,
                appearing.stream().limit(20).toList(), disappearing.stream().limit(20).toList());
    }

    private static String key(ScoredMatch m) {
        return m.offerId() + ":" + m.profileId();
    }

    private static Map<String, Integer> ranks(Map<Long, List<ScoredMatch>> ranking) {
        Map<String, Integer> ranks = new java.util.HashMap<>();
        ranking.values().forEach(list -> {
            for (int i = 0; i < list.size(); i++) {
                ranks.put(key(list.get(i)), i + 1);
            }
        });
        return ranks;
    }

    /** For tests and the local run: waits until queued full re-matches are done. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            background.submit(() -> { }).get(timeout, unit);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }
}
