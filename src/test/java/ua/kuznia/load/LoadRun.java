package ua.kuznia.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import ua.kuznia.local.KeycloakServer;

/**
 * The load run ({@code ./mvnw -Pload verify}, see docs/benchmarks.md): starts PostgreSQL (embedded,
 * fresh data directory), Keycloak with the demo users and the PACKAGED service with the demo data,
 * signs the demo users in through the realm's kuznia-cli client, and drives a closed loop of
 * virtual users (one keep-alive connection each) with the mixed traffic of {@link Workload}: first a
 * warm-up, then the measured window, once per requested concurrency. It samples the service's heap
 * from /q/metrics and the machine's load average during each window and prints the figures as
 * Markdown (also written to target/load/report.md).
 *
 * <p>System properties: {@code load.concurrency} (comma list, default 32), {@code load.duration}
 * (measured seconds, default 60), {@code load.warmup} (seconds, default 180), {@code load.visibility-samples}
 * (writes of the write → visible probe after the levels, default 200; 0 skips it), {@code load.seed},
 * {@code load.service-jvm-args} (default {@link #DEFAULT_SERVICE_JVM_ARGS}: the heap the Helm chart's 1 GiB
 * limit gives, and the collector the container image's start script chooses),
 * {@code load.service-args} (extra {@code -Dkey=value} for the service; by default the per-user write
 * rate limit is switched off, since the run is many writes per second from few users),
 * {@code load.target} (an already running service, e.g. http://localhost:8080, instead of starting
 * one; its Keycloak must then be the one on {@code load.keycloak-port}, default 8180).
 */
public final class LoadRun {

    static final int POSTGRES_PORT = Integer.getInteger("load.postgres-port", 54329);
    static final int KEYCLOAK_PORT = Integer.getInteger("load.keycloak-port", 8180);
    static final int SERVICE_PORT = Integer.getInteger("load.service-port", 8080);
    /** Off for the run: the workload writes many times per second per user, far above any sensible per-user limit. */
    static final String DEFAULT_SERVICE_ARGS = "-Dkuznia.rate-limit.enabled=false";

    /**
     * The service's JVM as deployed: the heap the Helm chart's 1 GiB limit gives with
     * {@code MaxRAMPercentage=75}, and the garbage collector with the settings the base image's
     * start script (run-java.sh, src/main/docker/Dockerfile.jvm) adds. A JVM started on this 2-core,
     * 24 GiB machine without them picks G1, which the deployed service does not run; with G1 the
     * service took 12–17 % more CPU per request (docs/benchmarks.md, "eighth session").
     */
    static final String DEFAULT_SERVICE_JVM_ARGS = "-Xmx768m -XX:+UseParallelGC -XX:MinHeapFreeRatio=10"
            + " -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 -XX:+ExitOnOutOfMemoryError";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> USERS = users();

    private LoadRun() {
    }

    private static List<String> users() {
        List<String> users = new ArrayList<>(List.of("coordinator", "auditor"));
        for (String country : List.of("de", "fr", "it", "gb", "pl", "nl", "se", "cz", "dk")) {
            users.add("ministry-" + country);
        }
        for (int i = 1; i <= 30; i++) {
            users.add("maker-" + i);
        }
        return users;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("kuznia.root", ".")).toAbsolutePath().normalize();
        Path out = root.resolve("target/load");
        Files.createDirectories(out);
        List<Integer> levels = Arrays.stream(System.getProperty("load.concurrency", "32").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        Duration duration = Duration.ofSeconds(Long.getLong("load.duration", 60));
        Duration warmup = Duration.ofSeconds(Long.getLong("load.warmup", 180));
        long seed = Long.getLong("load.seed", 2024);

        String target = System.getProperty("load.target");
        Platform platform = null;
        if (target == null) {
            platform = Platform.start(root, out);
            target = "http://localhost:" + SERVICE_PORT;
        }
        try {
            URI uri = URI.create(target);
            KeycloakServer keycloak = KeycloakServer.startShared(KEYCLOAK_PORT);
            Tokens tokens = new Tokens(keycloak, personas());
            List<Workload.Persona> personas = tokens.personas;
            discover(uri, personas);
            Workload workload = new Workload(personas);
            StringBuilder report = new StringBuilder();
            report.append("Load run of ").append(Instant.now()).append(" against ").append(target)
                    .append(platform != null ? " (packaged service started by the run, JVM " + platform.jvmArgs
                            + ", " + platform.serviceArgs + ")" : "")
                    .append("; ").append(personas.size()).append(" demo users; warm-up ").append(warmup.toSeconds())
                    .append(" s, measured ").append(duration.toSeconds()).append(" s per level; ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
            for (int level : levels) {
                // The JIT keeps compiling for minutes under load on two cores, and its threads take
                // CPU from the service: a level is warmed up in chunks, each reported, so the log
                // shows whether the rate had settled before the window.
                log("Warm-up: " + level + " virtual users for " + warmup.toSeconds() + " s");
                for (Duration left = warmup; left.compareTo(Duration.ZERO) > 0; left = left.minus(WARMUP_CHUNK)) {
                    Duration chunk = left.compareTo(WARMUP_CHUNK) < 0 ? left : WARMUP_CHUNK;
                    tokens.freshFor(chunk);
                    Result warm = drive(uri, workload, level, chunk, seed, null);
                    log(String.format(Locale.ROOT, "  warm-up %d s: %,.0f requests/s", chunk.toSeconds(),
                            warm.requests() / (warm.elapsedNanos / 1e9)));
                }
                tokens.freshFor(duration);
                log("Measuring: " + level + " virtual users for " + duration.toSeconds() + " s");
                Sampler sampler = new Sampler(uri);
                CpuClock cpu = new CpuClock(platform == null ? null : platform.service.pid(), out.resolve("pgdata"));
                Statements statements = platform == null ? null : Statements.reset(platform.postgres);
                sampler.start();
                Result result = drive(uri, workload, level, duration, seed + level, sampler);
                sampler.stop();
                result.cpu = cpu.elapsed();
                String section = result.markdown(level, sampler)
                        + (statements == null ? "" : statements.markdown(result.requests()));
                System.out.println(section);
                report.append(section).append('\n');
            }
            int probes = Integer.getInteger("load.visibility-samples", 200);
            if (probes > 0) {
                tokens.refresh();
                log("Write → visible: " + probes + " profile writes, one at a time");
                String section = new WriteVisibility().measure(uri, personas, probes);
                System.out.println(section);
                report.append(section).append('\n');
            }
            Files.writeString(out.resolve("report.md"), report.toString());
            log("Report written to " + out.resolve("report.md"));
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
        // Keycloak, if this run started it, is stopped by its shutdown hook when Maven's JVM exits.
    }

    /** Warm-up runs in pieces of this length at most, with the rate of each logged. */
    private static final Duration WARMUP_CHUNK = Duration.ofSeconds(30);

    /**
     * The demo users' access tokens, which live 5 minutes in the realm: signs everyone in at once,
     * and again before a stretch the tokens would not outlive.
     */
    private static final class Tokens {
        private static final Duration LIFETIME = Duration.ofSeconds(300);
        private static final Duration MARGIN = Duration.ofSeconds(30);
        private final KeycloakServer keycloak;
        final List<Workload.Persona> personas;
        /** When the last sign-in began: the age of its oldest token. */
        private long signedIn;

        Tokens(KeycloakServer keycloak, List<Workload.Persona> personas) {
            this.keycloak = keycloak;
            this.personas = personas;
            refresh();
        }

        void freshFor(Duration stretch) {
            if (Duration.ofNanos(System.nanoTime() - signedIn).plus(stretch).plus(MARGIN).compareTo(LIFETIME) > 0) {
                refresh();
            }
        }

        void refresh() {
            signedIn = System.nanoTime();
            for (Workload.Persona p : personas) {
                p.token = keycloak.token(p.username, KeycloakServer.DEMO_PASSWORD);
            }
            log("Signed in " + personas.size() + " demo users through " + KeycloakServer.CLI_CLIENT + " in "
                    + Duration.ofNanos(System.nanoTime() - signedIn).toMillis() + " ms");
        }
    }

    // --- Users and what they see ------------------------------------------------------------------

    /** The demo users, not signed in yet. */
    private static List<Workload.Persona> personas() {
        List<Workload.Persona> personas = new ArrayList<>();
        for (String user : USERS) {
            Workload.Persona p = new Workload.Persona(user);
            p.staff = user.equals("coordinator") || user.equals("auditor");
            personas.add(p);
        }
        return personas;
    }

    private static void discover(URI target, List<Workload.Persona> personas) throws IOException {
        try (HttpConnection http = new HttpConnection(target.getHost(), target.getPort())) {
            for (Workload.Persona p : personas) {
                JsonNode me = json(http.get("/api/v1/me", p.token), "/api/v1/me");
                Long organization = me.path("organizationId").isNumber() ? me.get("organizationId").asLong() : null;
                for (JsonNode offer : json(http.get("/api/v1/offers?size=200", p.token), "offers").get("items")) {
                    p.visibleOffers.add(offer.get("id").asLong());
                    if (!p.staff && organization != null && organization == offer.get("organizationId").asLong()) {
                        p.ownOffers.add(offer.get("id").asLong());
                    }
                }
                for (JsonNode profile : json(http.get("/api/v1/manufacturers?size=200", p.token), "manufacturers").get("items")) {
                    p.visibleProfiles.add(profile.get("id").asLong());
                    if (!p.staff && organization != null && organization == profile.get("organizationId").asLong()) {
                        p.ownProfiles.add(profile.get("id").asLong());
                    }
                }
                // The ranked lists name the matches; the review queue only holds matches someone acted on.
                List<String> rankings = new ArrayList<>();
                (p.staff ? p.visibleOffers : p.ownOffers).forEach(id -> rankings.add("/api/v1/offers/" + id + "/matches?size=200"));
                p.ownProfiles.forEach(id -> rankings.add("/api/v1/manufacturers/" + id + "/matches?size=200"));
                for (String ranking : rankings) {
                    for (JsonNode match : json(http.get(ranking, p.token), ranking).get("items")) {
                        p.matches.add(match.get("id").asLong());
                    }
                }
            }
        }
        long offers = personas.stream().mapToLong(p -> p.ownOffers.size()).sum();
        long profiles = personas.stream().mapToLong(p -> p.ownProfiles.size()).sum();
        log("Discovered: " + offers + " offers and " + profiles + " profiles owned by the demo users; the coordinator sees "
                + personas.get(0).visibleOffers.size() + " offers, " + personas.get(0).visibleProfiles.size()
                + " profiles and " + personas.get(0).matches.size() + " matches");
    }

    private static JsonNode json(HttpConnection.Response response, String what) throws IOException {
        if (response.status() != 200) {
            throw new IllegalStateException("Discovery request " + what + " answered " + response.status() + ": " + response.text());
        }
        return JSON.readTree(response.body());
    }

    // --- Driving the load ---------------------------------------------------------------------------

    /** Everything the virtual users of one window recorded, merged. */
    static final class Result {
        final Map<Workload.Kind, Histogram> latency = new EnumMap<>(Workload.Kind.class);
        final Map<Workload.Kind, long[]> counts = new EnumMap<>(Workload.Kind.class);
        long conflicts;
        long ioErrors;
        final List<String> errorSamples = new ArrayList<>();
        long elapsedNanos;
        /** CPU seconds used during the window by the service, PostgreSQL and this generator (-1 when unknown). */
        double[] cpu = {-1, -1, -1};

        Result() {
            for (Workload.Kind kind : Workload.Kind.values()) {
                latency.put(kind, histogram());
                // [ok, non-2xx]
                counts.put(kind, new long[2]);
            }
        }

        long requests() {
            return counts.values().stream().mapToLong(c -> c[0] + c[1]).sum();
        }

        synchronized void merge(Result other) {
            for (Workload.Kind kind : Workload.Kind.values()) {
                latency.get(kind).add(other.latency.get(kind));
                counts.get(kind)[0] += other.counts.get(kind)[0];
                counts.get(kind)[1] += other.counts.get(kind)[1];
            }
            conflicts += other.conflicts;
            ioErrors += other.ioErrors;
            for (String sample : other.errorSamples) {
                if (errorSamples.size() < 10) {
                    errorSamples.add(sample);
                }
            }
        }

        String markdown(int level, Sampler sampler) {
            double seconds = elapsedNanos / 1e9;
            long total = 0;
            long reads = 0;
            long errors = ioErrors;
            Histogram allReads = histogram();
            Histogram allWrites = histogram();
            for (Workload.Kind kind : Workload.Kind.values()) {
                long n = counts.get(kind)[0] + counts.get(kind)[1];
                total += n;
                errors += counts.get(kind)[1];
                if (kind.read) {
                    reads += n;
                    allReads.add(latency.get(kind));
                } else {
                    allWrites.add(latency.get(kind));
                }
            }
            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "### %d virtual users, %.1f s%n%n", level, seconds));
            md.append("| measure | result |\n|---|---|\n");
            md.append(String.format(Locale.ROOT, "| requests (all) | %,d = %,.0f/s |%n", total, total / seconds));
            md.append(String.format(Locale.ROOT, "| reads | %,d = %,.0f/s |%n", reads, reads / seconds));
            md.append(String.format(Locale.ROOT, "| updates (GET + PUT each) | %,d = %,.0f/s |%n", total - reads, (total - reads) / seconds));
            md.append(String.format(Locale.ROOT, "| errors (non-2xx, I/O) | %d (I/O %d) |%n", errors, ioErrors));
            md.append(String.format(Locale.ROOT, "| 409 on concurrent update, retried | %d |%n", conflicts));
            md.append(String.format(Locale.ROOT, "| service heap used (min / max of %d samples) | %s / %s |%n",
                    sampler.heap.size(), mib(sampler.minHeap()), mib(sampler.maxHeap())));
            md.append(String.format(Locale.ROOT, "| service process CPU (mean of samples, 1.0 = one core) | %.2f |%n", sampler.meanProcessCpu()));
            md.append(String.format(Locale.ROOT, "| load average, 1 min (min / max during the window) | %.2f / %.2f |%n",
                    sampler.minLoad(), sampler.maxLoad()));
            if (cpu[0] >= 0) {
                // Whole-process CPU: at low rates JIT compilation and background threads weigh in too.
                md.append(String.format(Locale.ROOT, "| CPU seconds in the window: service / PostgreSQL / generator | %.1f / %.1f / %.1f |%n",
                        cpu[0], cpu[1], cpu[2]));
                md.append(String.format(Locale.ROOT, "| CPU time per request: service / PostgreSQL / generator | %.2f / %.2f / %.2f ms |%n",
                        cpu[0] * 1000 / total, cpu[1] * 1000 / total, cpu[2] * 1000 / total));
            }
            md.append('\n');
            md.append("| class | share | requests | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n");
            md.append(row("all reads", "80 %", allReads));
            md.append(row("all updates", "20 %", allWrites));
            for (Workload.Kind kind : Workload.Kind.values()) {
                md.append(row(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), kind.percent + " %", latency.get(kind)));
            }
            if (!errorSamples.isEmpty()) {
                md.append("\nFirst errors:\n\n");
                errorSamples.forEach(e -> md.append("- ").append(e).append('\n'));
            }
            return md.toString();
        }

        private static String row(String name, String share, Histogram h) {
            return String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", name, share, h.getTotalCount(),
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }

        private static String mib(long bytes) {
            return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
        }

        /** Microseconds, 1 µs to 1 min, three significant digits. */
        private static Histogram histogram() {
            return new Histogram(1, 60_000_000L, 3);
        }
    }

    /**
     * Closed loop: each virtual user sends its next request as soon as the previous one was answered,
     * so the rate found is the highest the machine sustains at this concurrency.
     */
    private static Result drive(URI target, Workload workload, int users, Duration duration, long seed, Sampler sampler)
            throws InterruptedException {
        Result total = new Result();
        CountDownLatch done = new CountDownLatch(users);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < users; i++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
            Thread vu = new Thread(() -> {
                Result mine = new Result();
                try (HttpConnection http = new HttpConnection(target.getHost(), target.getPort())) {
                    start.await();
                    while (!stop.get()) {
                        Workload.Kind kind = workload.pick(random);
                        long begin = System.nanoTime();
                        try {
                            Workload.Outcome outcome = workload.run(kind, http, random);
                            long micros = Math.max(1, (System.nanoTime() - begin) / 1000);
                            mine.latency.get(kind).recordValue(Math.min(micros, 60_000_000L));
                            mine.conflicts += outcome.conflicts();
                            if (outcome.status() / 100 == 2) {
                                mine.counts.get(kind)[0]++;
                            } else {
                                mine.counts.get(kind)[1]++;
                                if (mine.errorSamples.size() < 10) {
                                    mine.errorSamples.add(kind + " answered " + outcome.status());
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            mine.ioErrors++;
                            if (mine.errorSamples.size() < 10) {
                                mine.errorSamples.add(kind + " failed: " + e);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    total.merge(mine);
                    done.countDown();
                }
            }, "vu-" + i);
            vu.setDaemon(true);
            vu.start();
        }
        long begin = System.nanoTime();
        start.countDown();
        Thread.sleep(duration.toMillis());
        stop.set(true);
        done.await();
        total.elapsedNanos = System.nanoTime() - begin;
        return total;
    }

    // --- Sampling the service and the machine -----------------------------------------------------

    /** Once a second: heap used (sum over heap pools) and process CPU from /q/metrics, load average from /proc. */
    static final class Sampler implements Runnable {
        final List<Long> heap = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<Double> load = new ArrayList<>();
        private final URI target;
        private volatile boolean running = true;
        private Thread thread;

        Sampler(URI target) {
            this.target = target;
        }

        void start() {
            thread = new Thread(this, "load-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public void run() {
            try (HttpConnection http = new HttpConnection(target.getHost(), target.getPort())) {
                while (running) {
                    sample(http);
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void sample(HttpConnection http) {
            try {
                String metrics = http.get("/q/metrics", null).text();
                long used = 0;
                boolean found = false;
                for (String line : metrics.split("\n")) {
                    if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                        used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        found = true;
                    } else if (line.startsWith("process_cpu_usage ")) {
                        synchronized (this) {
                            cpu.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))
                                    * Runtime.getRuntime().availableProcessors());
                        }
                    }
                }
                if (found) {
                    synchronized (this) {
                        heap.add(used);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // A missed sample is reported as fewer samples, not as a request error.
            }
            try {
                String loadavg = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII);
                synchronized (this) {
                    load.add(Double.parseDouble(loadavg.split(" ")[0]));
                }
            } catch (IOException | RuntimeException ignored) {
                // Not Linux: no load average.
            }
        }

        synchronized long minHeap() {
            return heap.stream().mapToLong(Long::longValue).min().orElse(-1);
        }

        synchronized long maxHeap() {
            return heap.stream().mapToLong(Long::longValue).max().orElse(-1);
        }

        synchronized double meanProcessCpu() {
            return cpu.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        synchronized double minLoad() {
            return load.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        synchronized double maxLoad() {
            return load.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    /**
     * CPU time (user + system, from /proc) of the service, of PostgreSQL (the postmaster and the backends
     * this JVM's embedded server forked) and of this JVM. On a machine shared with other work, the
     * CPU a request costs is the figure that does not depend on what else runs.
     */
    static final class CpuClock {
        private final Long servicePid;
        private final Path postgresDataDir;
        private final double[] start;

        CpuClock(Long servicePid, Path postgresDataDir) {
            this.servicePid = servicePid;
            this.postgresDataDir = postgresDataDir;
            this.start = read();
        }

        double[] elapsed() {
            double[] end = read();
            if (servicePid == null || start[0] < 0 || end[0] < 0) {
                return new double[] {-1, -1, -1};
            }
            return new double[] {end[0] - start[0], end[1] - start[1], end[2] - start[2]};
        }

        private double[] read() {
            if (servicePid == null) {
                return new double[] {-1, -1, -1};
            }
            // pg_ctl detaches the postmaster from this JVM; it is found by its data directory, and its
            // children are the backends serving the service's connections.
            String dataDir = postgresDataDir.toString();
            double postgres = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("/postgres ") && c.contains(dataDir)).orElse(false))
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.children()))
                    .mapToDouble(p -> seconds(p.pid())).filter(v -> v >= 0).sum();
            return new double[] {seconds(servicePid), postgres, seconds(ProcessHandle.current().pid())};
        }

        /** utime + stime of a process, in seconds; -1 when it cannot be read. */
        private static double seconds(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
                // The command name (field 2) may contain spaces; fields after it are counted from its ')'.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    // --- The platform -----------------------------------------------------------------------------------

    /** PostgreSQL with a fresh data directory, the shared Keycloak and the packaged service with the demo data. */
    /**
     * With {@code -Dload.pg-statements=true}, PostgreSQL's own statistics of the statements run in
     * the measured window (pg_stat_statements, loaded into the run's PostgreSQL): where the
     * database's share of the CPU goes, statement by statement. Execution time is wall time inside
     * PostgreSQL, lock waits included.
     */
    static final class Statements {
        static final boolean ENABLED = Boolean.getBoolean("load.pg-statements");
        private final EmbeddedPostgres postgres;

        private Statements(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static Statements reset(EmbeddedPostgres postgres) throws java.sql.SQLException {
            if (!ENABLED) {
                return null;
            }
            try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection();
                 java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                s.execute("SELECT pg_stat_statements_reset()");
            }
            return new Statements(postgres);
        }

        String markdown(long requests) throws java.sql.SQLException {
            StringBuilder md = new StringBuilder("\n| statement (pg_stat_statements, window) | calls | per request | total ms | mean ms | rows |\n|---|---|---|---|---|---|\n");
            try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection();
                 java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT query, calls, total_exec_time, mean_exec_time, rows"
                         + " FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'"
                         + " ORDER BY total_exec_time DESC LIMIT 25")) {
                while (rs.next()) {
                    String query = rs.getString(1).replaceAll("\\s+", " ").replace("|", "\\|");
                    md.append(String.format(Locale.ROOT, "| `%s` | %,d | %.2f | %,.0f | %.3f | %,d |%n",
                            query.length() > 160 ? query.substring(0, 160) + "…" : query, rs.getLong(2),
                            rs.getLong(2) / (double) Math.max(1, requests), rs.getDouble(3), rs.getDouble(4), rs.getLong(5)));
                }
            }
            return md.toString();
        }
    }

    static final class Platform implements AutoCloseable {
        final EmbeddedPostgres postgres;
        final Process service;
        final String jvmArgs;
        final String serviceArgs;

        private Platform(EmbeddedPostgres postgres, Process service, String jvmArgs, String serviceArgs) {
            this.postgres = postgres;
            this.service = service;
            this.jvmArgs = jvmArgs;
            this.serviceArgs = serviceArgs;
        }

        static Platform start(Path root, Path out) throws IOException, InterruptedException {
            Path jar = root.resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run ./mvnw -Pload verify, which packages the service first");
            }
            Path data = out.resolve("pgdata");
            // Every run starts from the demo data alone, so runs compare. A run that died (or was
            // killed) leaves its data directory behind, and initdb refuses a directory that is not
            // empty: remove it first.
            if (Files.exists(data)) {
                try (java.util.stream.Stream<Path> files = Files.walk(data)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            EmbeddedPostgres.Builder postgresBuilder = EmbeddedPostgres.builder().setDataDirectory(data)
                    .setCleanDataDirectory(true).setPort(POSTGRES_PORT);
            if (Statements.ENABLED) {
                postgresBuilder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            EmbeddedPostgres postgres = postgresBuilder.start();
            log("PostgreSQL on port " + POSTGRES_PORT + ", data in " + data);
            KeycloakServer keycloak = KeycloakServer.startShared(KEYCLOAK_PORT);
            log("Keycloak on " + keycloak.url());

            String jvmArgs = System.getProperty("load.service-jvm-args", DEFAULT_SERVICE_JVM_ARGS).trim();
            String serviceArgs = System.getProperty("load.service-args", DEFAULT_SERVICE_ARGS).trim();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(split(jvmArgs));
            command.addAll(split(serviceArgs));
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.resolve("service.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_PROFILE", "prod");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(SERVICE_PORT));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
            env.put("KUZNIA_DEMO_DATA_ENABLED", "true");
            Process service = builder.start();
            Platform platform = new Platform(postgres, service, jvmArgs, serviceArgs);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            awaitReady(service, out.resolve("service.log"));
            log("Packaged service ready on :" + SERVICE_PORT + " (log: " + out.resolve("service.log") + ")");
            return platform;
        }

        private static List<String> split(String args) {
            return args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+"));
        }

        private static void awaitReady(Process service, Path log) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                if (!service.isAlive()) {
                    throw new IllegalStateException("The service exited with " + service.exitValue() + "; see " + log);
                }
                try (HttpConnection http = new HttpConnection("localhost", SERVICE_PORT)) {
                    if (http.get("/q/health/ready", null).status() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Still starting.
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("The service was not ready within 3 minutes; see " + log);
        }

        private boolean closed;

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (service.isAlive()) {
                service.destroy();
                try {
                    service.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void log(String message) {
        System.out.println("[kuznia-load] " + message);
    }
}
