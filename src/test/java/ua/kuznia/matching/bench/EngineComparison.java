package ua.kuznia.matching.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Compares two builds of the matching engine in one JVM, each loaded by its own class loader,
 * taking turns edit by edit on the same seeded data. On a shared 2-core machine whose speed
 * drifts by a third from one minute to the next, two benchmark runs one after the other compare
 * the machine as much as the code; taking turns exposes both builds to the same drift.
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile   # the current build, in target/classes
 * git worktree add /tmp/baseline &lt;commit&gt; &amp;&amp; (cd /tmp/baseline &amp;&amp; ./mvnw -q -o compile)
 * java -Xmx6g -cp target/test-classes:&lt;test classpath&gt; -Dcompare.baseline=/tmp/baseline/target/classes \
 *     ua.kuznia.matching.bench.EngineComparison
 * </pre>
 *
 * Options: {@code -Dcompare.current=target/classes -Dbench.profiles=100000 -Dbench.offers=10000
 * -Dbench.samples=5000 -Dbench.seed=2024 -Dbench.threads=2 -Dbench.steadyEdits=0}. Prints, for each build, the full
 * match wall time and the latency of a changed offer and of a changed profile, measured as
 * {@link MatcherBenchmark} measures them.
 */
public final class EngineComparison {

    private static final int WARM_UP_SAMPLES = 500;

    private final int profiles = Integer.getInteger("bench.profiles", 100_000);
    private final int offers = Integer.getInteger("bench.offers", 10_000);
    private final int samples = Integer.getInteger("bench.samples", 5_000);
    private final int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
    private final long seed = Long.getLong("bench.seed", 2024);
    /** Untimed whole replacements before a last sample of them, as in the matcher benchmark; 0 leaves it out. */
    private final int steadyEdits = Integer.getInteger("bench.steadyEdits", 0);

    public static void main(String[] args) throws Exception {
        String baseline = System.getProperty("compare.baseline");
        if (baseline == null) {
            throw new IllegalArgumentException("set -Dcompare.baseline to the classes directory of the baseline build");
        }
        new EngineComparison().run(new File(baseline), new File(System.getProperty("compare.current", "target/classes")));
    }

    /** One build: its engine, data generator and the methods called by reflection. */
    private static final class Build {
        final String name;
        final Object data;
        final Object engine;
        final Method profile;
        final Method editedProfile;
        final Method fieldEdit;
        /** Each edited profile as last edited, as this build's records. */
        final java.util.Map<Long, Object> edited = new java.util.HashMap<>();
        final long[] fieldEditNanos;
        long fieldEditChanges;
        final Method offer;
        final Method editedOffer;
        final Method upsertProfile;
        final Method upsertOffer;
        final Method topKForOffer;
        final Method fullMatch;
        final long[] profileNanos;
        final long[] offerNanos;
        final long[] fullMatchNanos = new long[6];
        long changes;
        final long[] steadyNanos;
        long steadyTotalNanos;
        long steadyChanges;

        Build(String name, File classes, long seed, int samples) throws Exception {
            this.name = name;
            List<URL> urls = new ArrayList<>();
            urls.add(classes.toURI().toURL());
            // The benchmark's data generator and everything the engine needs, from this JVM's class path,
            // loaded again by this build's loader so that it uses this build's engine classes.
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!entry.isBlank() && !new File(entry).getCanonicalFile().equals(classes.getCanonicalFile())
                        && !entry.endsWith("target/classes")) {
                    urls.add(new File(entry).toURI().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> synthetic = loader.loadClass("ua.kuznia.matching.bench.SyntheticData");
            Class<?> engineClass = loader.loadClass("ua.kuznia.matching.engine.MatchEngine");
            Class<?> ruleSetClass = loader.loadClass("ua.kuznia.matching.engine.RuleSetData");
            Class<?> profileClass = loader.loadClass("ua.kuznia.matching.engine.ProfileData");
            Class<?> offerClass = loader.loadClass("ua.kuznia.matching.engine.OfferData");
            data = synthetic.getConstructor(long.class).newInstance(seed);
            engine = engineClass.getConstructor(ruleSetClass).newInstance(synthetic.getMethod("ruleSet", int.class).invoke(null, 1));
            profile = synthetic.getMethod("profile", long.class);
            editedProfile = synthetic.getMethod("editedProfile", long.class, int.class);
            fieldEdit = synthetic.getMethod("fieldEdit", profileClass, java.util.random.RandomGenerator.class);
            offer = synthetic.getMethod("offer", long.class);
            editedOffer = synthetic.getMethod("editedOffer", long.class, int.class);
            upsertProfile = engineClass.getMethod("upsertProfile", profileClass);
            upsertOffer = engineClass.getMethod("upsertOffer", offerClass);
            topKForOffer = engineClass.getMethod("topKForOffer", long.class);
            fullMatch = engineClass.getMethod("fullMatch", int.class);
            profileNanos = new long[samples];
            fieldEditNanos = new long[samples];
            offerNanos = new long[samples];
            steadyNanos = new long[samples];
        }
    }

    private void run(File baseline, File current) throws Exception {
        Build[] builds = {new Build("baseline (" + baseline + ")", baseline, seed, samples),
                new Build("current (" + current + ")", current, seed, samples)};
        for (Build build : builds) {
            for (long id = 1; id <= profiles; id++) {
                build.upsertProfile.invoke(build.engine, build.profile.invoke(build.data, id));
            }
            for (long id = 1; id <= offers; id++) {
                build.upsertOffer.invoke(build.engine, build.offer.invoke(build.data, id));
            }
        }
        // Full matches, taking turns; the first of each is the cold one and is left out.
        for (int i = 0; i < 6; i++) {
            for (Build build : order(builds, i)) {
                long start = System.nanoTime();
                build.fullMatch.invoke(build.engine, threads);
                build.fullMatchNanos[i] = System.nanoTime() - start;
            }
        }
        SplittableRandom random = new SplittableRandom(seed + 1);
        int edition = 1;
        for (int i = -WARM_UP_SAMPLES; i < samples; i++) {
            long id = 1 + random.nextInt(offers);
            int thisEdition = edition++;
            for (Build build : order(builds, i)) {
                Object edited = build.editedOffer.invoke(build.data, id, thisEdition);
                long start = System.nanoTime();
                build.upsertOffer.invoke(build.engine, edited);
                build.topKForOffer.invoke(build.engine, id);
                if (i >= 0) {
                    build.offerNanos[i] = System.nanoTime() - start;
                }
            }
        }
        for (Build build : builds) {
            build.fullMatch.invoke(build.engine, threads);
        }
        // Profile field edits (see SyntheticData#fieldEdit): the same edit for both builds, each
        // from its own copy of the profile as last edited.
        random = new SplittableRandom(seed + 3);
        for (int i = -WARM_UP_SAMPLES; i < samples; i++) {
            long id = 1 + random.nextInt(profiles);
            long editSeed = random.nextLong();
            for (Build build : order(builds, i)) {
                Object before = build.edited.containsKey(id) ? build.edited.get(id) : build.profile.invoke(build.data, id);
                Object after = build.fieldEdit.invoke(build.data, before, new SplittableRandom(editSeed));
                build.edited.put(id, after);
                long start = System.nanoTime();
                List<?> changed = (List<?>) build.upsertProfile.invoke(build.engine, after);
                if (i >= 0) {
                    build.fieldEditNanos[i] = System.nanoTime() - start;
                    build.fieldEditChanges += changed.size();
                }
            }
        }
        random = new SplittableRandom(seed + 2);
        edition = replaceWhole(builds, random, 1, WARM_UP_SAMPLES, (build, i, nanos, changes) -> {
            if (i >= 0) {
                build.profileNanos[i] = nanos;
                build.changes += changes;
            }
        });
        if (steadyEdits > 0) {
            // Weeks of edits without a full match: first untimed but for their total, then the
            // same kind of sample as above.
            replaceWhole(builds, random, edition, steadyEdits, (build, i, nanos, changes) -> {
                if (i < 0) {
                    build.steadyTotalNanos += nanos;
                } else {
                    build.steadyNanos[i] = nanos;
                    build.steadyChanges += changes;
                }
            });
        }
        System.out.printf(Locale.ROOT, "%n## Two engine builds taking turns: %,d profiles x %,d offers, %d threads, seed %d, %,d samples%n%n",
                profiles, offers, threads, seed, samples);
        System.out.println("| Measure | " + builds[0].name + " | " + builds[1].name + " |");
        System.out.println("|---|---|---|");
        row(builds, "Full match, warm, wall (median of 5)", build -> MatcherBenchmark.millis(MatcherBenchmark.median(Arrays.copyOfRange(build.fullMatchNanos, 1, 6))));
        row(builds, "Changed offer: upsertOffer + topKForOffer, p50 / p99", build -> percentiles(build.offerNanos));
        row(builds, "Profile field edit: upsertProfile, p50 / p99", build -> percentiles(build.fieldEditNanos));
        row(builds, "Rankings changed per field edit (mean; equal when both builds agree)",
                build -> String.format(Locale.ROOT, "%.3f", (double) build.fieldEditChanges / samples));
        row(builds, "Changed profile, replaced whole: upsertProfile, p50 / p99", build -> percentiles(build.profileNanos));
        row(builds, "Rankings changed per profile edit (mean; equal when both builds agree)",
                build -> String.format(Locale.ROOT, "%.3f", (double) build.changes / samples));
        if (steadyEdits > 0) {
            String after = String.format(Locale.ROOT, "after %,d more", steadyEdits);
            row(builds, "Changed profile, replaced whole: the " + String.format(Locale.ROOT, "%,d", steadyEdits)
                    + " untimed ones, mean", build -> String.format(Locale.ROOT, "%,.1f µs", build.steadyTotalNanos / 1e3 / steadyEdits));
            row(builds, "Changed profile, replaced whole, " + after + ": p50 / p99", build -> percentiles(build.steadyNanos));
            row(builds, "Rankings changed per profile edit " + after + " (mean; equal when both builds agree)",
                    build -> String.format(Locale.ROOT, "%.3f", (double) build.steadyChanges / samples));
        }
    }

    private interface Timed {
        void record(Build build, int index, long nanos, int changes);
    }

    /**
     * Whole replacements, {@code before} unsampled ones (index below 0) then the samples, the
     * builds taking turns edit by edit.
     *
     * @return the next edition
     */
    private int replaceWhole(Build[] builds, SplittableRandom random, int edition, int before, Timed timed) throws Exception {
        for (int i = -before; i < samples; i++) {
            long id = 1 + random.nextInt(profiles);
            int thisEdition = edition++;
            for (Build build : order(builds, i)) {
                Object edited = build.editedProfile.invoke(build.data, id, thisEdition);
                long start = System.nanoTime();
                List<?> changed = (List<?>) build.upsertProfile.invoke(build.engine, edited);
                timed.record(build, i, System.nanoTime() - start, changed.size());
            }
        }
        return edition;
    }

    /** Alternates which build goes first, so neither always runs right after the other. */
    private static Build[] order(Build[] builds, int round) {
        return (round & 1) == 0 ? builds : new Build[] {builds[1], builds[0]};
    }

    private interface Figure {
        String of(Build build);
    }

    private static void row(Build[] builds, String measure, Figure figure) {
        System.out.println("| " + measure + " | " + figure.of(builds[0]) + " | " + figure.of(builds[1]) + " |");
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%,.1f / %,.1f µs", sorted[sorted.length / 2] / 1e3,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e3);
    }
}
