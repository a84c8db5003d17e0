package ua.kuznia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two more instances of the packaged service, {@code replica-a} and {@code replica-b}, on one
 * PostgreSQL database of their own (in the embedded PostgreSQL of this JVM, so the rule-set change
 * here leaves the other integration tests' database alone), trusting the same real Keycloak. They
 * run in the prod profile, as a cluster runs them.
 *
 * <p>Propagation between them is waited for with a generous deadline and printed, never asserted
 * against a time: docs/scaling.md carries the measured figures.
 */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String DATABASE = "kuznia_replicas";
    private static final Duration START_WITHIN = Duration.ofMinutes(3);
    private static final Duration GENEROUS = Duration.ofMinutes(2);
    /** MatchingService.FULL_MATCH_LOCK: PostgreSQL shows a bigint advisory key as two 32-bit halves. */
    private static final long FULL_MATCH_LOCK = 0x4b757a6e6961L;

    private static String jdbcUrl;
    private static ServiceProcess replicaA;
    private static ServiceProcess replicaB;

    @BeforeAll
    static void startTwoInstances() throws SQLException {
        try (Connection c = DriverManager.getConnection(PlatformResource.jdbcUrl(), PlatformResource.dbUsername(),
                PlatformResource.dbPassword()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        jdbcUrl = withDatabase(PlatformResource.jdbcUrl(), DATABASE);
        // One after the other: the first migrates the new database and loads the demo data.
        replicaA = ServiceProcess.start("replica-a", config("replica-a"), START_WITHIN);
        replicaB = ServiceProcess.start("replica-b", config("replica-b"), START_WITHIN);
        awaitNoUnfinishedJob();
    }

    @AfterAll
    static void stopInstances() {
        for (ServiceProcess instance : new ServiceProcess[] {replicaA, replicaB}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    private static Map<String, String> config(String name) {
        Map<String, String> config = new HashMap<>();
        // The application name tells the instances' sessions apart in pg_stat_activity.
        config.put("quarkus.datasource.jdbc.url", jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + name);
        config.put("quarkus.datasource.username", PlatformResource.dbUsername());
        config.put("quarkus.datasource.password", PlatformResource.dbPassword());
        config.put("quarkus.oidc.auth-server-url", PlatformResource.keycloak().realmUrl());
        config.put("kuznia.demo-data.enabled", "true");
        return config;
    }

    /** The same server and parameters, another database. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theProdProfileLogsOneJsonObjectPerLine() {
        List<String> lines = replicaA.logLines().stream().filter(line -> !line.isBlank()).toList();
        assertFalse(lines.isEmpty(), "replica-a wrote nothing to its console");
        JsonNode indexLoaded = null;
        for (String line : lines) {
            JsonNode record;
            try {
                record = Api.JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not a JSON log record: " + line, e);
            }
            assertTrue(record.isObject(), line);
            assertTrue(record.hasNonNull("timestamp") && record.hasNonNull("level") && record.hasNonNull("message"), line);
            if (record.path("message").asText().startsWith("Matcher index loaded")) {
                indexLoaded = record;
            }
        }
        assertTrue(indexLoaded != null, "no 'Matcher index loaded' record among " + lines.size() + " lines");
        assertEquals("INFO", indexLoaded.path("level").asText());
        assertEquals("ua.kuznia.matching.MatchingService", indexLoaded.path("loggerName").asText(), indexLoaded.toString());
    }

    @Test
    @Order(2)
    void aChangeWrittenThroughOneInstanceReachesTheOthersIndex() {
        long makerOne = profileIdOf(replicaB, "ua-mfr-01");
        ObjectNode body = DemoData.offerBody("NATO_RESTRICTED", "OPEN", DemoData.unique("Replicated offer "));
        Response created = Api.send(replicaA, Persona.MINISTRY_DE, "POST", "/api/v1/offers", body);
        Api.expect(created, 201, "POST /api/v1/offers through replica-a");
        long written = System.nanoTime();
        long offer = Api.createdId(created);
        String explanation = "/api/v1/offers/" + offer + "/explanations/" + makerOne;

        // Explanations come from each instance's own index, which learns of other instances' writes
        // through the change feed only: a 404 until replica-b has the offer.
        JsonNode seen = Api.json(await(() -> get(replicaB, Persona.MINISTRY_DE, explanation),
                r -> r.statusCode() == 200, "replica-b's index has offer " + offer));
        List<Long> propagation = new ArrayList<>(List.of(report("new offer, replica-a -> replica-b", written)));
        assertTrue(seen.path("eligible").asBoolean(), seen.toString());
        // Matches are persisted by the writing instance before it answers, so replica-b reads them at once.
        assertTrue(matchedProfiles(replicaB, offer).contains(makerOne), "maker-1 among the new offer's matches on replica-b");

        // maker-1 is cleared NATO_RESTRICTED: demanding NATO_SECRET makes it ineligible, relaxing
        // it again makes it eligible. Written through one instance, awaited on the other, both ways.
        for (int round = 0; round < 6; round++) {
            ServiceProcess writer = round % 2 == 0 ? replicaA : replicaB;
            ServiceProcess reader = writer == replicaA ? replicaB : replicaA;
            boolean strict = round % 2 == 0;
            ObjectNode update = Api.writable(Api.expect(get(writer, Persona.MINISTRY_DE, "/api/v1/offers/" + offer), 200,
                    "offer through " + writer.name), "organizationName", "country");
            update.put("requiredClearance", strict ? "NATO_SECRET" : "NATO_RESTRICTED");
            Api.expect(Api.send(writer, Persona.MINISTRY_DE, "PUT", "/api/v1/offers/" + offer, update), 200,
                    "PUT through " + writer.name);
            written = System.nanoTime();
            seen = Api.json(await(() -> get(reader, Persona.MINISTRY_DE, explanation),
                    r -> r.statusCode() == 200 && Api.json(r).path("eligible").asBoolean() != strict,
                    reader.name + " sees requiredClearance " + update.path("requiredClearance").asText()));
            propagation.add(report("updated offer, " + writer.name + " -> " + reader.name, written));
            if (strict) {
                assertEquals("clearance", firstFailedHardRule(seen), seen.toString());
            }
            assertEquals(!strict, matchedProfiles(reader, offer).contains(makerOne),
                    "maker-1 among the offer's matches on " + reader.name + " after round " + round);
        }
        List<Long> sorted = propagation.stream().sorted().toList();
        System.out.printf("[TwoInstancesIT] propagation to the other instance's index over %d writes: min %d ms,"
                + " median %d ms, max %d ms%n", sorted.size(), sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }

    @Test
    @Order(3)
    void killingTheInstanceRunningAFullRematchLeavesNoPartialSetAndAnotherFinishesTheJob() throws Exception {
        awaitNoUnfinishedJob();
        List<String> before = snapshot();
        int oldVersion = versions(before).stream().findFirst().orElseThrow();
        assertEquals(List.of(oldVersion), versions(before), "one rule-set version before the change");
        int newTopK = 2;
        assertTrue(maxRankedPerOffer(before) > newTopK, "some offer has more than " + newTopK + " suggestions now: " + before);

        AtomicBoolean watching = new AtomicBoolean(true);
        try (Connection watch = connect(); Connection inspect = connect(); Connection blocker = connect()) {
            // Hold the rows of the offer the job writes last, so the job stops there with every
            // other offer already written in its transaction: that is mid-job.
            long lastOffer = before.stream().mapToLong(row -> Long.parseLong(row.split(",")[0])).max().orElseThrow();
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT id FROM match_result WHERE offer_id = ? FOR UPDATE")) {
                lock.setLong(1, lastOffer);
                lock.executeQuery().close();
            }

            // Every committed state from now until the job is done: the old set, or the new one entire.
            int newVersion = oldVersion + 1;
            Predicate<List<String>> complete = rows -> rows.equals(before)
                    || versions(rows).equals(List.of(newVersion)) && maxRankedPerOffer(rows) <= newTopK;
            List<List<String>> violations = new CopyOnWriteArrayList<>();
            AtomicInteger observed = new AtomicInteger();
            Thread watcher = new Thread(() -> {
                while (watching.get()) {
                    try {
                        List<String> rows = snapshot(watch);
                        observed.incrementAndGet();
                        if (!complete.test(rows)) {
                            violations.add(rows);
                        }
                    } catch (SQLException e) {
                        violations.add(List.of("snapshot failed: " + e.getMessage()));
                    }
                    ServiceProcess.sleep(5);
                }
            }, "match-set-watcher");
            watcher.setDaemon(true);
            watcher.start();

            ObjectNode ruleSet = Api.writable(Api.expect(get(replicaA, Persona.ADMIN, "/api/v1/matching/ruleset"), 200,
                    "rule set"), "createdBy");
            ruleSet.put("topK", newTopK);
            ruleSet.put("note", "Two-instance test: fewer suggestions per offer");
            JsonNode saved = Api.expect(Api.send(replicaA, Persona.ADMIN, "PUT", "/api/v1/matching/ruleset", ruleSet), 200,
                    "PUT rule set through replica-a");
            assertEquals(newVersion, saved.path("ruleSet").path("version").asInt(), saved.toString());
            long job = saved.path("jobId").asLong();

            // The job is mid-way once its writing session waits for the held rows.
            await(() -> blockedJobSession(inspect), Optional::isPresent, "the full re-match waiting on offer " + lastOffer);
            String holderName = lockHolder(inspect).orElseThrow(() -> new AssertionError("nobody holds the full-match lock"));
            ServiceProcess holder = holderName.equals(replicaA.name) ? replicaA : replicaB;
            ServiceProcess survivor = holder == replicaA ? replicaB : replicaA;
            JsonNode running = jobRow(survivor, job);
            assertEquals("RUNNING", running.path("status").asText(), running.toString());
            assertEquals(holder.pid() + "@", running.path("runner").asText().substring(0, (holder.pid() + "@").length()),
                    running.toString());
            assertEquals(before, snapshot(inspect), "mid-job, the committed matches are still the old set");

            long killed = System.nanoTime();
            holder.kill();
            blocker.rollback();
            JsonNode done = await(() -> jobRow(survivor, job), j -> j.path("status").asText().matches("DONE|FAILED"),
                    "job " + job + " finished by " + survivor.name);
            report("kill -9 of " + holder.name + " until " + survivor.name + " finished job " + job, killed);
            watching.set(false);
            watcher.join();

            assertEquals("DONE", done.path("status").asText(), done.toString());
            assertTrue(done.path("runner").asText().startsWith(survivor.pid() + "@"), done.toString());
            assertEquals(2, done.path("attempts").asInt(), done.toString());
            assertEquals(List.of(), violations, "partial match sets were visible");
            System.out.printf("[TwoInstancesIT] %d committed states observed during the job, all complete%n", observed.get());

            List<String> after = snapshot(inspect);
            assertNotEquals(before, after);
            assertEquals(List.of(newVersion), versions(after));
            assertEquals(newTopK, maxRankedPerOffer(after), after.toString());

            // The taken-over job's result is what a clean run produces.
            Response again = Api.send(survivor, Persona.ADMIN, "POST", "/api/v1/matching/jobs", "");
            Api.expect(again, 202, "POST /api/v1/matching/jobs on " + survivor.name);
            long cleanRun = Api.createdId(again);
            await(() -> jobRow(survivor, cleanRun), j -> j.path("status").asText().equals("DONE"), "clean run " + cleanRun);
            assertEquals(after, snapshot(inspect), "a clean full re-match gives the same set");

            // The killed instance comes back, runs its own start-up job, and the set stays whole.
            long restarted = System.nanoTime();
            holder.start(START_WITHIN);
            report("restart of " + holder.name + " until ready", restarted);
            awaitNoUnfinishedJob();
            assertEquals(after, snapshot(inspect), "after the restart's own full re-match");
        } finally {
            watching.set(false);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static <T> T await(Supplier<T> probe, Predicate<T> until, String what) {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (until.test(last)) {
                return last;
            }
            ServiceProcess.sleep(20);
        }
        throw new AssertionError("Not within " + GENEROUS + ": " + what + "; last seen: "
                + (last instanceof Response r ? r.statusCode() + " " + r.asString() : last));
    }

    /** Prints and returns the milliseconds since {@code sinceNanos}. */
    private static long report(String what, long sinceNanos) {
        long millis = (System.nanoTime() - sinceNanos) / 1_000_000;
        System.out.printf("[TwoInstancesIT] %s: %d ms%n", what, millis);
        return millis;
    }

    private static Response get(ServiceProcess instance, Persona persona, String path) {
        return Api.send(instance, persona, "GET", path, null);
    }

    private static long profileIdOf(ServiceProcess instance, String organizationCode) {
        for (JsonNode profile : Api.expect(get(instance, Persona.COORDINATOR, "/api/v1/manufacturers?size=200"), 200,
                "profiles").path("items")) {
            if (profile.path("organizationCode").asText().equals(organizationCode)) {
                return profile.path("id").asLong();
            }
        }
        throw new AssertionError("No profile of " + organizationCode);
    }

    private static List<Long> matchedProfiles(ServiceProcess instance, long offer) {
        List<Long> profiles = new ArrayList<>();
        for (JsonNode match : Api.expect(get(instance, Persona.MINISTRY_DE, "/api/v1/offers/" + offer + "/matches?size=200"),
                200, "matches of offer " + offer + " on " + instance.name).path("items")) {
            profiles.add(match.path("manufacturerId").asLong());
        }
        return profiles;
    }

    private static String firstFailedHardRule(JsonNode explanation) {
        for (JsonNode rule : explanation.path("hardRules")) {
            if (!rule.path("passed").asBoolean()) {
                return rule.path("ruleId").asText();
            }
        }
        return null;
    }

    private static JsonNode jobRow(ServiceProcess instance, long job) {
        return Api.expect(get(instance, Persona.ADMIN, "/api/v1/matching/jobs/" + job), 200, "job " + job);
    }

    // --- the replicas' database, read directly ------------------------------------------------------

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, PlatformResource.dbUsername(), PlatformResource.dbPassword());
    }

    private static List<String> snapshot() throws SQLException {
        try (Connection c = connect()) {
            return snapshot(c);
        }
    }

    /** Every persisted match, read in one statement, so one committed state. */
    private static List<String> snapshot(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT offer_id, profile_id, rank, status,"
                + " ruleset_version, score FROM match_result ORDER BY offer_id, profile_id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + "," + rs.getLong(2) + "," + rs.getObject(3) + "," + rs.getString(4) + ","
                        + rs.getInt(5) + "," + rs.getDouble(6));
            }
        }
        return rows;
    }

    private static List<Integer> versions(List<String> rows) {
        return rows.stream().map(row -> Integer.parseInt(row.split(",")[4])).distinct().sorted().toList();
    }

    private static int maxRankedPerOffer(List<String> rows) {
        Map<String, Integer> ranked = new HashMap<>();
        for (String row : rows) {
            String[] columns = row.split(",");
            if (!columns[2].equals("null")) {
                ranked.merge(columns[0], 1, Integer::sum);
            }
        }
        return ranked.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static Optional<String> lockHolder(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT a.application_name FROM pg_locks l"
                + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid = ? AND l.objid = ? AND l.objsubid = 1")) {
            s.setLong(1, FULL_MATCH_LOCK >>> 32);
            s.setLong(2, FULL_MATCH_LOCK & 0xffffffffL);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** A session of one of the two instances that waits for a row lock. */
    private static Optional<String> blockedJobSession(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT application_name FROM pg_stat_activity"
                + " WHERE wait_event_type = 'Lock' AND application_name IN ('replica-a', 'replica-b')")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitNoUnfinishedJob() {
        await(() -> {
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM matching_job WHERE status IN ('QUEUED', 'RUNNING')")) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, unfinished -> unfinished == 0, "every full re-match job done");
    }

}
