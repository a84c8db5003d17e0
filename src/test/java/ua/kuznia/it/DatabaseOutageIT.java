package ua.kuznia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ua.kuznia.local.KeycloakServer;

/**
 * PostgreSQL stopped under traffic and started again (same port, same data directory), against the
 * packaged service with real Keycloak tokens.
 *
 * <p>The service runs as its own process ({@code target/quarkus-app/quarkus-run.jar}) on a PostgreSQL
 * this class owns, so stopping the database disturbs no other integration test; Keycloak is the
 * shared one of the failsafe JVM. While the database is down every answer must be a success (a
 * request that needs no database) or a 503 problem document without a stack trace, each within
 * 5 s, and readiness must report DOWN; after the restart the same process must serve writes again
 * by itself, and every write it acknowledged, before or during the outage, must be there.
 */
class DatabaseOutageIT {

    /** The promise of issue 8: a request fails fast. An upper bound on every answer, not a benchmark. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(5);
    private static final Duration TRAFFIC_BEFORE = Duration.ofSeconds(2);
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    /** Generous: a busy two-core machine is slow to start, never a reason to fail. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(120);
    private static final Path WORK = Path.of("target", "database-outage-it").toAbsolutePath();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int postgresPort;
    private static EmbeddedPostgres postgres;
    private static Process service;
    private static String baseUrl;

    /** Every answer the traffic got, with when it was sent and how long it took. */
    private record Call(String what, long startedNanos, long millis, int status, String contentType, String retryAfter,
                        String body) {
    }

    /** A write the service acknowledged with 2xx (or attempted, for the profile's sequence). */
    private record Write(long id, String marker) {
    }

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final List<Write> acknowledgedOffers = new CopyOnWriteArrayList<>();
    /** The profile writer is sequential: descriptions in the order they were sent, and the acknowledged ones. */
    private final List<String> attemptedDescriptions = new CopyOnWriteArrayList<>();
    private final List<String> acknowledgedDescriptions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean trafficRunning = new AtomicBoolean(true);

    @BeforeAll
    static void startDatabaseAndService() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        postgresPort = freePort();
        postgres = startPostgres();
        KeycloakServer keycloak = PlatformResource.keycloak();
        int httpPort = freePort();
        baseUrl = "http://localhost:" + httpPort;

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + keycloak.realmUrl(),
                "-Dquarkus.keycloak.admin-client.server-url=" + keycloak.url(),
                // Local demo credential of the realm's kuznia-onboarding client (keycloak/README.md).
                "-Dquarkus.keycloak.admin-client.client-secret=kuznia-onboarding-local-secret",
                "-Dkuznia.demo-data.enabled=true",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("service.log").toFile());
        // An external database given to the other tests must not leak into this service.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE_"));
        service = builder.start();
        awaitReadiness("UP", Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopServiceAndDatabase() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteRecursively(WORK.resolve("pgdata"));
    }

    @Test
    void theServiceFailsFastWhileTheDatabaseIsDownAndRecoversWithoutLosingAcknowledgedWrites() throws Exception {
        String maker = PlatformResource.keycloak().token(Persona.MAKER_2.username, KeycloakServer.DEMO_PASSWORD);
        String ministry = PlatformResource.keycloak().token(Persona.MINISTRY_DE.username, KeycloakServer.DEMO_PASSWORD);
        long profileId = profileIdOf(maker);
        long pid = service.pid();

        List<Thread> traffic = List.of(
                daemon("offer-writer", () -> writeOffers(ministry)),
                daemon("profile-writer", () -> writeProfile(maker, profileId)),
                daemon("offer-reader", () -> readLoop(ministry, "/api/v1/offers?size=5")),
                daemon("profile-reader", () -> readLoop(maker, "/api/v1/manufacturers/" + profileId)));
        long begun = System.nanoTime();
        traffic.forEach(Thread::start);
        try {
            // Both writers must have something acknowledged before the database goes away.
            awaitCalls("offers written before the outage", begun, 3, c -> c.what().startsWith("POST") && c.status() == 201);
            awaitCalls("profile updates before the outage", begun, 1, c -> c.what().startsWith("PUT") && c.status() == 200);
            Thread.sleep(TRAFFIC_BEFORE.toMillis());

            long stopped = System.nanoTime();
            postgres.close();
            JsonNode readiness = awaitReadiness("DOWN", Duration.ofSeconds(30));
            assertEquals("DOWN", readiness.path("status").asText(), readiness.toString());
            // Traffic goes on for a while against the stopped database: every client keeps being refused.
            awaitCalls("refusals while the database is down", stopped, 20, c -> c.status() == 503);
            Thread.sleep(OUTAGE.toMillis());

            List<Call> duringOutage = calls.stream().filter(c -> c.startedNanos() > stopped).toList();
            long slowest = duringOutage.stream().filter(c -> c.status() == 503).mapToLong(Call::millis).max().orElse(0);
            System.out.printf("Database outage: %d requests while down, %d answered 503, slowest 503 after %d ms%n",
                    duringOutage.size(), duringOutage.stream().filter(c -> c.status() == 503).count(), slowest);

            postgres = startPostgres();
            long restarted = System.nanoTime();
            awaitReadiness("UP", RECOVERY_LIMIT);
            awaitAcknowledgedWriteAfter(restarted);
            System.out.printf("Database outage: service ready and writing again %d ms after the database restarted%n",
                    (System.nanoTime() - restarted) / 1_000_000);
        } finally {
            trafficRunning.set(false);
            for (Thread thread : traffic) {
                thread.join(30_000);
            }
        }

        assertTrue(service.isAlive(), "the service process died");
        assertEquals(pid, service.pid());
        for (Call call : calls) {
            boolean success = call.status() >= 200 && call.status() < 300;
            assertTrue(success || call.status() == 503,
                    "unexpected answer to " + call.what() + ": " + call.status() + " " + call.body());
            if (!success) {
                assertEquals(Api.PROBLEM_JSON, call.contentType(), call.what() + ": " + call.body());
                assertFalse(call.body().contains("Exception") || call.body().contains("\tat "),
                        "stack trace in " + call.what() + ": " + call.body());
            }
            if (call.status() == 503) {
                assertTrue(call.retryAfter() != null, call.what() + ": 503 without Retry-After");
                assertTrue(call.millis() <= FAIL_FAST.toMillis(),
                        call.what() + " took " + call.millis() + " ms to fail, more than " + FAIL_FAST.toMillis());
            }
        }

        for (Write offer : acknowledgedOffers) {
            HttpResponse<String> read = call(ministry, "GET", "/api/v1/offers/" + offer.id(), null);
            assertEquals(200, read.statusCode(), "acknowledged offer " + offer.id() + " is gone: " + read.body());
            assertEquals(offer.marker(), Api.JSON.readTree(read.body()).path("title").asText());
        }
        String lastAcknowledged = acknowledgedDescriptions.get(acknowledgedDescriptions.size() - 1);
        List<String> atOrAfter = attemptedDescriptions.subList(attemptedDescriptions.indexOf(lastAcknowledged),
                attemptedDescriptions.size());
        String finalDescription = Api.JSON.readTree(call(maker, "GET", "/api/v1/manufacturers/" + profileId, null).body())
                .path("description").asText();
        assertTrue(atOrAfter.contains(finalDescription),
                "the profile lost its acknowledged update '" + lastAcknowledged + "'; it now reads '" + finalDescription + "'");

        // The matcher writes on its own connections: a new offer is matched and its matches stored again.
        HttpResponse<String> created = call(ministry, "POST", "/api/v1/offers",
                DemoData.offerBody("NATO_RESTRICTED", "OPEN", DemoData.unique("After the outage ")));
        assertEquals(201, created.statusCode(), created.body());
        long offerId = Api.JSON.readTree(created.body()).path("id").asLong();
        JsonNode matches = Api.JSON.readTree(call(ministry, "GET", "/api/v1/offers/" + offerId + "/matches", null).body());
        assertTrue(matches.path("total").asInt() > 0, "no matches stored for a new 155-mm offer: " + matches);
        System.out.printf("Database outage: %d offers and %d profile updates acknowledged, all present afterwards%n",
                acknowledgedOffers.size(), acknowledgedDescriptions.size());
    }

    private void writeOffers(String token) {
        while (trafficRunning.get()) {
            String title = DemoData.unique("Outage offer ");
            HttpResponse<String> response = record("POST offer", token, "POST", "/api/v1/offers",
                    DemoData.offerBody("NATO_RESTRICTED", "OPEN", title));
            if (response != null && response.statusCode() == 201) {
                acknowledgedOffers.add(new Write(readId(response), title));
            }
            pause(100);
        }
    }

    private void writeProfile(String token, long profileId) {
        while (trafficRunning.get()) {
            HttpResponse<String> read = record("GET profile", token, "GET", "/api/v1/manufacturers/" + profileId, null);
            if (read != null && read.statusCode() == 200) {
                ObjectNode body = Api.writable(json(read.body()));
                String description = DemoData.unique("Profile during the outage test ");
                body.put("description", description);
                attemptedDescriptions.add(description);
                HttpResponse<String> written = record("PUT profile", token, "PUT", "/api/v1/manufacturers/" + profileId, body);
                if (written != null && written.statusCode() == 200) {
                    acknowledgedDescriptions.add(description);
                }
            }
            pause(100);
        }
    }

    private void readLoop(String token, String path) {
        while (trafficRunning.get()) {
            record("GET " + path, token, "GET", path, null);
            pause(50);
        }
    }

    /** Sends and records one call; a call the client itself gave up on is recorded as status 0. */
    private HttpResponse<String> record(String what, String token, String method, String path, Object body) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = call(token, method, path, body);
            calls.add(new Call(what, started, (System.nanoTime() - started) / 1_000_000, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body()));
            return response;
        } catch (IOException e) {
            calls.add(new Call(what, started, (System.nanoTime() - started) / 1_000_000, 0, "", null, e.toString()));
            return null;
        }
    }

    private static HttpResponse<String> call(String token, String method, String path, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                // Far above the 5 s promise, so a hanging request is measured rather than cut short.
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Api.toJson(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void awaitAcknowledgedWriteAfter(long nanos) throws InterruptedException {
        awaitCalls("a write after the database restart", nanos, 1, c -> c.what().startsWith("POST") && c.status() == 201);
    }

    /**
     * Waits until at least {@code count} recorded calls sent after {@code sinceNanos} match. A wait,
     * not a timed assertion: on a busy machine the traffic is slower, never wrong.
     */
    private void awaitCalls(String what, long sinceNanos, int count, java.util.function.Predicate<Call> matching)
            throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (calls.stream().filter(c -> c.startedNanos() > sinceNanos).filter(matching).count() >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not " + count + " " + what + " within " + RECOVERY_LIMIT.toSeconds()
                + " s; answers since: " + summary(calls.stream().filter(c -> c.startedNanos() > sinceNanos).toList()));
    }

    private static JsonNode awaitReadiness(String expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (service != null && !service.isAlive()) {
                throw new AssertionError("the service exited; see " + WORK.resolve("service.log"));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                JsonNode health = json(response.body());
                if (expected.equals(health.path("status").asText())) {
                    assertEquals(expected.equals("UP") ? 200 : 503, response.statusCode(), last);
                    return health;
                }
            } catch (IOException | RuntimeException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness not " + expected + " within " + limit.toSeconds() + " s; last: " + last);
    }

    private static long profileIdOf(String token) throws IOException {
        HttpResponse<String> me = call(token, "GET", "/api/v1/manufacturers?size=200", null);
        assertEquals(200, me.statusCode(), me.body());
        for (JsonNode profile : json(me.body()).path("items")) {
            if (profile.path("organizationCode").asText().equals(Persona.MAKER_2.organizationCode)) {
                return profile.path("id").asLong();
            }
        }
        throw new AssertionError("maker-2 sees no profile of its own: " + me.body());
    }

    /** Same port and data directory every time, so the restart looks like the same server coming back. */
    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(postgresPort)
                .setDataDirectory(WORK.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPGStartupWait(RECOVERY_LIMIT)
                .start();
    }

    private static long readId(HttpResponse<String> created) {
        return json(created.body()).path("id").asLong();
    }

    private static JsonNode json(String body) {
        try {
            return Api.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String summary(java.util.Collection<Call> calls) {
        Map<String, Long> counts = calls.stream().collect(Collectors.groupingBy(c -> c.what() + " -> " + c.status(),
                java.util.TreeMap::new, Collectors.counting()));
        return counts.toString();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, "outage-" + name);
        thread.setDaemon(true);
        return thread;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
