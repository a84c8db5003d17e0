package ua.kuznia.matching.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import ua.kuznia.matching.engine.MatchEngine;
import ua.kuznia.matching.engine.OfferData;
import ua.kuznia.matching.engine.ProfileData;
import ua.kuznia.matching.engine.RuleSetData;
import ua.kuznia.matching.engine.ScoredMatch;
import ua.kuznia.matching.engine.TopKChange;
import ua.kuznia.matching.oracle.OracleDatabase;
import ua.kuznia.matching.oracle.RankingComparison;

/**
 * Measures the matching engine at production scale, then checks it against the SQL oracle on a
 * scale PostgreSQL can answer in reasonable time, and prints Markdown tables.
 *
 * <pre>
 * MAVEN_OPTS="-Xmx4g" ./mvnw -Pbench test-compile exec:java
 *   -Dbench.profiles=100000 -Dbench.offers=10000 -Dbench.samples=2000 -Dbench.threads=2
 *   -Dbench.oracleScales=10000x1000 -Dbench.seed=2024 -Dbench.oracle=true -Dbench.steadyEdits=400000
 * </pre>
 */
public final class MatcherBenchmark {

    private static final int WARM_UP_SAMPLES = 500;
    private static final int RULE_SET_VERSION = 2;

    private final int profiles = Integer.getInteger("bench.profiles", 100_000);
    private final int offers = Integer.getInteger("bench.offers", 10_000);
    private final int samples = Integer.getInteger("bench.samples", 2_000);
    private final int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
    private final long seed = Long.getLong("bench.seed", 2024);
    private final String oracleScales = System.getProperty("bench.oracleScales", "10000x1000,20000x2000");
    private final boolean runOracle = Boolean.parseBoolean(System.getProperty("bench.oracle", "true"));
    /** Untimed whole replacements before the steady-state measure; 0 leaves it out. */
    private final int steadyEdits = Integer.getInteger("bench.steadyEdits", 400_000);
    /** Heap in use before the engine was built, after GC. */
    private long heapBefore;
    private final SyntheticData data = new SyntheticData(seed);
    private final List<String> rows = new ArrayList<>();
    /** CPU time of this thread only: on a shared machine it leaves out the time other processes ran. */
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        new MatcherBenchmark().run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "%n## Matching engine: %,d profiles x %,d offers, %d threads, seed %d%n%n",
                profiles, offers, threads, seed);
        System.out.printf(Locale.ROOT, "JVM %s, %d processors, max heap %d MB, system load average at start %.2f%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        MatchEngine engine = measureEngine();
        measureChangedOffers(engine);
        measureFieldEdits(engine);
        measureChangedProfiles(engine);
        if (steadyEdits > 0) {
            measureSteadyState(engine);
        }
        System.out.println("| Measure | Result | Target |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nSystem load average after the engine measurements: %.2f"
                + " (other processes on the machine share its %d processors).%n", loadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (runOracle) {
            compareWithOracle();
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private MatchEngine measureEngine() {
        // Before the input records exist: they are dropped before the engine is weighed, so
        // counting them here would take their size off the engine's.
        heapBefore = usedHeapAfterGc();
        ProfileData[] profileData = new ProfileData[profiles];
        for (int i = 0; i < profiles; i++) {
            profileData[i] = data.profile(i + 1);
        }
        long start = System.nanoTime();
        MatchEngine engine = new MatchEngine(SyntheticData.ruleSet(1));
        for (ProfileData profile : profileData) {
            engine.upsertProfile(profile);
        }
        for (int i = 1; i <= offers; i++) {
            engine.upsertOffer(data.offer(i));
        }
        // The level bitmaps the offers ask for, which the first ranking would otherwise fill.
        engine.completeIndex();
        long buildNanos = System.nanoTime() - start;
        long capabilities = Arrays.stream(profileData).mapToLong(profile -> profile.capabilities().size()).sum();
        profileData = null;
        long heapLoaded = usedHeapAfterGc() - heapBefore;
        row("Index build (upsert all profiles and offers, single thread)", millis(buildNanos), "");
        row("Capabilities indexed", String.format(Locale.ROOT, "%,d (%.2f per profile)", capabilities,
                (double) capabilities / profiles), "");

        long pairsBefore = engine.pairsScored();
        start = System.nanoTime();
        Map<Long, List<ScoredMatch>> result = engine.fullMatch(threads);
        long coldNanos = System.nanoTime() - start;
        long pairs = engine.pairsScored() - pairsBefore;
        long suggestions = result.values().stream().mapToLong(List::size).sum();
        long[] warm = new long[5];
        for (int i = 0; i < warm.length; i++) {
            start = System.nanoTime();
            result = engine.fullMatch(threads);
            warm[i] = System.nanoTime() - start;
        }
        Arrays.sort(warm);
        long[] singleThreadCpu = new long[3];
        for (int i = 0; i < singleThreadCpu.length; i++) {
            start = cpu.getCurrentThreadCpuTime();
            result = engine.fullMatch(1);
            singleThreadCpu[i] = cpu.getCurrentThreadCpuTime() - start;
        }
        Arrays.sort(singleThreadCpu);
        result = null;
        long heapRanked = usedHeapAfterGc() - heapBefore;
        row("Full match, first run (cold JIT)", millis(coldNanos), "<= 1 s");
        row("Full match, warm (median of 5; min " + millis(warm[0]) + ")", millis(warm[2]), "<= 1 s (aim 0.3 s)");
        row("Full match, one thread, CPU time of that thread (median of 3; min " + millis(singleThreadCpu[0]) + ")",
                millis(singleThreadCpu[1]), "");
        row("Pairs scored per full match (after bitmap pre-filter)", String.format(Locale.ROOT, "%,d of %,d possible (%.1f%%)",
                pairs, (long) profiles * offers, 100.0 * pairs / ((double) profiles * offers)), "");
        row("Pairs scored per second (warm)", String.format(Locale.ROOT, "%,.0f", pairs / (warm[2] / 1e9)), "");
        row("Suggestions (top-K entries over all open offers)", String.format(Locale.ROOT, "%,d", suggestions), "");
        row("Heap retained by the engine, indexed (after GC, MemoryMXBean delta)", megabytes(heapLoaded), "<= 64 MB");
        row("Heap retained by the engine, with all rankings", megabytes(heapRanked), "<= 64 MB");
        return engine;
    }

    /** An offer edit as the service handles it: upsert, then compute and read the new top K. */
    private void measureChangedOffers(MatchEngine engine) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        long[] latencies = new long[samples];
        long[] cpuTimes = new long[samples];
        int edition = 1;
        for (int i = -WARM_UP_SAMPLES; i < samples; i++) {
            OfferData offer = data.editedOffer(1 + random.nextInt(offers), edition++);
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            engine.upsertOffer(offer);
            engine.topKForOffer(offer.id());
            long elapsed = System.nanoTime() - start;
            long cpuElapsed = cpu.getCurrentThreadCpuTime() - cpuStart;
            if (i >= 0) {
                latencies[i] = elapsed;
                cpuTimes[i] = cpuElapsed;
            }
        }
        latencyRow("Changed offer: upsertOffer + topKForOffer", latencies, "p99 <= 1 ms");
        latencyRow("Changed offer, CPU time of the thread", cpuTimes, "");
    }

    /**
     * Profile edits as manufacturers make them: one capability's capacity, TRL or MRL changed
     * (see {@link SyntheticData#fieldEdit}). Each edit starts from the profile as last edited, so
     * a profile picked twice moves on from its earlier edit.
     */
    private void measureFieldEdits(MatchEngine engine) {
        SplittableRandom random = new SplittableRandom(seed + 3);
        java.util.Map<Long, ProfileData> current = new java.util.HashMap<>();
        measureProfileEdits(engine, "Profile field edit (one capability's capacity, TRL or MRL)", "field edit", () -> {
            long id = 1 + random.nextInt(profiles);
            ProfileData profile = data.fieldEdit(current.computeIfAbsent(id, data::profile), random);
            current.put(id, profile);
            return profile;
        });
    }

    /**
     * A profile replaced by a fresh random one under the same id (every capability, certification
     * and sought area may change): the heaviest edit, which leaves and enters the most rankings.
     */
    private void measureChangedProfiles(MatchEngine engine) {
        SplittableRandom random = new SplittableRandom(seed + 2);
        int[] edition = {1};
        measureProfileEdits(engine, "Changed profile, replaced whole", "profile edit",
                () -> data.editedProfile(1 + random.nextInt(profiles), edition[0]++));
    }

    /**
     * Whole replacements again, after {@code bench.steadyEdits} more of them, untimed, without a
     * full match in between: a service runs for weeks between full matches. Rankings drain behind
     * their top K as profiles leave them, so a long run meets rescorings that the measures just
     * after a full match do not.
     */
    private void measureSteadyState(MatchEngine engine) {
        SplittableRandom random = new SplittableRandom(seed + 4);
        int[] edition = {1_000_000};
        String after = String.format(Locale.ROOT, "after %,d more edits without a full match", steadyEdits);
        long untimed = sampleProfileEdits(engine, "Changed profile, replaced whole, " + after, "such edit",
                () -> data.editedProfile(1 + random.nextInt(profiles), edition[0]++), steadyEdits);
        row(String.format(Locale.ROOT, "The %,d edits before those samples, upsertProfile in all", steadyEdits),
                String.format(Locale.ROOT, "%.1f s", untimed / 1e9), "");
        row("Heap retained by the engine with all rankings, " + after, megabytes(usedHeapAfterGc() - heapBefore), "<= 64 MB");
    }

    /** Upserts each next edit after a fresh full match, timing the upsert, which brings every affected ranking up to date. */
    private void measureProfileEdits(MatchEngine engine, String measure, String noun, java.util.function.Supplier<ProfileData> edits) {
        engine.fullMatch(threads);
        sampleProfileEdits(engine, measure, noun, edits, WARM_UP_SAMPLES);
    }

    /**
     * Upserts {@code unsampled} edits, then samples more, and reports the samples.
     *
     * @return the time the unsampled upserts took in all
     */
    private long sampleProfileEdits(MatchEngine engine, String measure, String noun, java.util.function.Supplier<ProfileData> edits,
                                    int unsampled) {
        long[] latencies = new long[samples];
        long[] cpuTimes = new long[samples];
        long changes = 0;
        long unsampledNanos = 0;
        for (int i = -unsampled; i < samples; i++) {
            ProfileData profile = edits.get();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            List<TopKChange> changed = engine.upsertProfile(profile);
            long elapsed = System.nanoTime() - start;
            long cpuElapsed = cpu.getCurrentThreadCpuTime() - cpuStart;
            if (i >= 0) {
                latencies[i] = elapsed;
                cpuTimes[i] = cpuElapsed;
                changes += changed.size();
            } else {
                unsampledNanos += elapsed;
            }
        }
        latencyRow(measure + ": upsertProfile, re-ranking the affected offers", latencies, "p99 <= 0.2 ms", unsampled);
        latencyRow(measure + ", CPU time of the thread", cpuTimes, "", unsampled);
        row("Rankings changed per " + noun + " (mean)", String.format(Locale.ROOT, "%.2f", (double) changes / samples), "");
        return unsampledNanos;
    }

    private void compareWithOracle() throws Exception {
        System.out.printf(Locale.ROOT, "%n## Engine against the SQL oracle (embedded PostgreSQL)%n%n");
        System.out.println("| Scale | Load into PostgreSQL (COPY) | Oracle, all offers | Oracle, one offer (median of 5)"
                + " | Engine build | Engine full match | Engine, one offer (median of 5) | Engine / oracle, all offers"
                + " | Pairs compared | Top-K check |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            OracleDatabase.migrate(dataSource);
            double lastOracleSeconds = 0;
            long lastPairs = 0;
            for (String scale : oracleScales.split(",")) {
                String[] parts = scale.trim().split("x");
                int profileCount = Integer.parseInt(parts[0]);
                int offerCount = Integer.parseInt(parts[1]);
                lastOracleSeconds = compareAt(dataSource, profileCount, offerCount);
                lastPairs = (long) profileCount * offerCount;
            }
            // Profiles x offers is what the oracle's join grows with; it has no top-K bound to prune with.
            System.out.printf(Locale.ROOT, "%nOracle at %,d x %,d, extrapolated linearly in profiles x offers from the largest"
                    + " scale measured: about %,.0f s for all offers.%n", profiles, offers,
                    lastOracleSeconds * ((double) profiles * offers / lastPairs));
        }
    }

    /** @return the oracle's time for all offers, in seconds */
    private double compareAt(DataSource dataSource, int profileCount, int offerCount) throws Exception {
        List<ProfileData> profileData = new ArrayList<>();
        for (int i = 1; i <= profileCount; i++) {
            profileData.add(data.profile(i));
        }
        List<OfferData> offerData = new ArrayList<>();
        for (int i = 1; i <= offerCount; i++) {
            offerData.add(data.offer(i));
        }
        RuleSetData ruleSet = SyntheticData.ruleSet(RULE_SET_VERSION);
        try (Connection connection = dataSource.getConnection()) {
            OracleDatabase.clear(connection);
            long start = System.nanoTime();
            OracleDatabase.load(connection, profileData, offerData, ruleSet);
            long loadNanos = System.nanoTime() - start;

            start = System.nanoTime();
            OracleDatabase.Result oracle = OracleDatabase.run(connection, RULE_SET_VERSION, null);
            long oracleAllNanos = System.nanoTime() - start;
            List<Long> someOffers = offerData.stream().filter(OfferData::open).limit(5).map(OfferData::id).toList();
            long[] oracleOne = new long[someOffers.size()];
            for (int i = 0; i < oracleOne.length; i++) {
                start = System.nanoTime();
                OracleDatabase.run(connection, RULE_SET_VERSION, someOffers.get(i));
                oracleOne[i] = System.nanoTime() - start;
            }

            start = System.nanoTime();
            MatchEngine engine = new MatchEngine(ruleSet);
            profileData.forEach(engine::upsertProfile);
            offerData.forEach(engine::upsertOffer);
            long buildNanos = System.nanoTime() - start;
            engine.fullMatch(threads);
            start = System.nanoTime();
            Map<Long, List<ScoredMatch>> rankings = engine.fullMatch(threads);
            long engineAllNanos = System.nanoTime() - start;
            long[] engineOne = new long[someOffers.size()];
            for (int i = 0; i < engineOne.length; i++) {
                OfferData offer = offerData.get((int) (someOffers.get(i) - 1));
                start = System.nanoTime();
                engine.upsertOffer(offer);
                engine.topKForOffer(offer.id());
                engineOne[i] = System.nanoTime() - start;
            }

            RankingComparison.Outcome outcome = RankingComparison.compareTopK(rankings, oracle);
            String check = outcome.matches() ? "MATCH" : "MISMATCH (" + outcome.differences().size() + " differences)";
            if (outcome.nearTieSwaps() > 0) {
                check += ", " + outcome.nearTieSwaps() + " near-tie swaps";
            }
            System.out.printf(Locale.ROOT, "| %,d x %,d | %s | %s | %s | %s | %s | %s | %.5f | %,d | %s |%n",
                    profileCount, offerCount, millis(loadNanos), millis(oracleAllNanos), millis(median(oracleOne)),
                    millis(buildNanos), millis(engineAllNanos), millis(median(engineOne)),
                    (double) engineAllNanos / oracleAllNanos, outcome.pairsCompared(), check);
            outcome.differences().stream().limit(10).forEach(difference -> System.out.println("  " + difference));
            return oracleAllNanos / 1e9;
        }
    }

    private void row(String measure, String result, String target) {
        rows.add("| " + measure + " | " + result + " | " + target + " |");
    }

    private void latencyRow(String measure, long[] latencies, String target) {
        latencyRow(measure, latencies, target, WARM_UP_SAMPLES);
    }

    private void latencyRow(String measure, long[] latencies, String target, int unsampled) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        row(String.format(Locale.ROOT, "%s (%,d samples after %,d unsampled)", measure, sorted.length, unsampled),
                "p50 " + micros(sorted[sorted.length / 2]) + ", p99 " + micros(sorted[(int) Math.ceil(0.99 * sorted.length) - 1])
                        + ", max " + micros(sorted[sorted.length - 1]),
                target);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%,.1f ms", nanos / 1e6);
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%,.1f µs", nanos / 1e3);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** Several collections, so objects freed by finalization or reference processing are gone too. */
    private static long usedHeapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
