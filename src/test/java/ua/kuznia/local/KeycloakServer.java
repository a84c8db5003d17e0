package ua.kuznia.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak (the unpacked distribution under {@code target/keycloak}) with realm {@code kuznia}
 * and the demo users, for the local run and the integration tests.
 *
 * <p>The realm is imported by {@code start-dev --import-realm} from a file merged from
 * {@code keycloak/kuznia-realm.json} and {@code keycloak/demo-users.json}, so the production realm
 * file never contains users. Keycloak keeps its state in an H2 database per port,
 * {@code <home>/data/h2/keycloakdb-<port>}, so instances on different ports (the local run on 8180,
 * the integration tests on 18180) can share one distribution; an instance created with
 * {@code freshData} deletes its database before its first start, so every run begins from the files.
 *
 * <p>A start that imports took 33-110 s on a busy two-core machine, one on existing data 16-54 s.
 * So the database as it stands right after the import is kept as a snapshot, keyed by a
 * hash of the merged realm file and the Keycloak version, and later fresh starts restore it instead
 * of importing again (disable with {@code -Dkuznia.keycloak.snapshot=false}).
 *
 * <p>{@link #stop()} and {@link #start()} may be called repeatedly: later starts keep the data, so
 * the realm's signing keys, users and sessions survive a restart and tokens issued before it stay valid.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "kuznia";
    /** Public client with the password grant enabled; see keycloak/README.md. */
    public static final String CLI_CLIENT = "kuznia-cli";
    /** Local only: the master realm's bootstrap administrator. */
    public static final String BOOTSTRAP_ADMIN_USERNAME = "admin";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "admin";
    public static final String DEMO_PASSWORD = "demo";

    /** The project directory that relative paths start from (as LocalPlatform sets it); default: the working directory. */
    public static final String ROOT_PROPERTY = "kuznia.root";
    /** Overrides where the unpacked distribution lives. */
    public static final String HOME_PROPERTY = "kuznia.keycloak.home";
    /** Overrides the directory holding kuznia-realm.json and demo-users.json. */
    public static final String CONFIG_DIR_PROPERTY = "kuznia.keycloak.config-dir";
    /** Overrides where keycloak-&lt;port&gt;.log is written. */
    public static final String LOG_DIR_PROPERTY = "kuznia.keycloak.log-dir";
    /** {@code false} always imports the realm on a fresh start instead of restoring the snapshot. */
    public static final String SNAPSHOT_PROPERTY = "kuznia.keycloak.snapshot";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(360);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, KeycloakServer> SHARED = new HashMap<>();

    private final int port;
    private final boolean owned;
    private final boolean shared;
    private final boolean freshData;
    private final Path home;
    private final Path configDir;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private volatile Process process;
    private boolean startedBefore;
    private boolean logStarted;
    private Thread shutdownHook;
    private Duration lastStartDuration;

    /**
     * An instance this JVM owns, not started yet.
     *
     * @param freshData delete Keycloak's H2 database before the first start, so the realm is imported
     *                  from the files again instead of reusing whatever an earlier run left
     */
    public KeycloakServer(int port, boolean freshData) {
        this(port, freshData, true, false);
    }

    private KeycloakServer(int port, boolean freshData, boolean owned, boolean shared) {
        this.port = port;
        this.freshData = freshData;
        this.owned = owned;
        this.shared = shared;
        this.home = owned ? locateHome() : null;
        this.configDir = root().resolve(System.getProperty(CONFIG_DIR_PROPERTY, "keycloak"));
        this.logFile = root().resolve(System.getProperty(LOG_DIR_PROPERTY, "target"))
                .resolve("keycloak-" + port + ".log");
    }

    /**
     * Keycloak on {@code port} for tests that only need it running:
     * <ul>
     *   <li>the instance an earlier test class of this JVM got here, restarted if it was stopped;</li>
     *   <li>else the one already answering on the port (a developer's instance, or one a second test
     *       JVM started), which this JVM can use but not stop;</li>
     *   <li>else a fresh one, started and owned by this JVM.</li>
     * </ul>
     * {@link #close()} leaves a shared instance running, so the next test class does not pay for
     * another start; a shutdown hook stops it when the JVM exits. A test that stops it with
     * {@link #stop()} must {@link #start()} it again before it finishes.
     */
    public static KeycloakServer startShared(int port) {
        synchronized (SHARED) {
            KeycloakServer mine = SHARED.get(port);
            if (mine != null && mine.owned) {
                return mine.start();
            }
            if (mine != null && mine.realmAnswers()) {
                return mine;
            }
            KeycloakServer running = new KeycloakServer(port, false, false, true);
            if (running.realmAnswers()) {
                System.out.printf("Keycloak: reusing the instance already serving realm %s on port %d%n", REALM, port);
                SHARED.put(port, running);
                return running;
            }
            KeycloakServer started = new KeycloakServer(port, true, true, true).start();
            SHARED.put(port, started);
            return started;
        }
    }

    /** Starts Keycloak and waits until realm {@code kuznia} answers; a no-op while it is running. */
    public synchronized KeycloakServer start() {
        requireOwned("start");
        if (process != null && process.isAlive()) {
            return this;
        }
        if (realmAnswers()) {
            throw new IllegalStateException("Another Keycloak already serves realm " + REALM + " on port " + port
                    + "; use KeycloakServer.startShared(" + port + ") to reuse it");
        }
        requirePortFree(port);
        requirePortFree(managementPort());

        long begin = System.nanoTime();
        try {
            byte[] realm = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(mergedRealm());
            Path snapshot = snapshotsEnabled() ? snapshotDir(realm) : null;
            boolean importing = true;
            if (!startedBefore && freshData) {
                deleteDatabase();
                if (snapshot != null && Files.isRegularFile(snapshot.resolve(".mv.db"))) {
                    restoreSnapshot(snapshot);
                    importing = false;
                }
            }
            writeImportFile(realm);
            Files.createDirectories(logFile.getParent());

            launch();
            if (importing && !startedBefore && freshData && snapshot != null) {
                // Taken before any test touches the realm, so a restored run starts exactly where an
                // importing run would.
                destroyTree(process);
                process = null;
                saveSnapshot(snapshot);
                launch();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startedBefore = true;
        lastStartDuration = Duration.ofNanos(System.nanoTime() - begin);
        System.out.printf("Keycloak %s: realm %s ready on %s after %d s (log: %s)%n",
                VERSION, REALM, url(), lastStartDuration.toSeconds(), logFile);
        return this;
    }

    private void launch() {
        long begin = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(home.toFile())
                .redirectErrorStream(true)
                // One log across stop/start cycles, so a restart test can be read end to end.
                .redirectOutput(logStarted
                        ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                        : ProcessBuilder.Redirect.to(logFile.toFile()));
        logStarted = true;
        configureEnvironment(builder.environment());

        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + home.resolve("bin/kc.sh"), e);
        }
        registerShutdownHook();
        awaitReady(begin);
    }

    /** Stops the Keycloak process tree; a no-op when it is not running. Data is kept for {@link #start()}. */
    public synchronized void stop() {
        requireOwned("stop");
        Process running = process;
        if (running == null) {
            return;
        }
        destroyTree(running);
        process = null;
    }

    private static void destroyTree(Process root) {
        // kc.sh runs Java as a background child and only forwards SIGTERM when its own wait wakes up,
        // which it does not reliably do; signal the JVM directly, and capture the tree before the
        // shell exits and its children are re-parented out of reach.
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().collect(Collectors.toList()));
        tree.add(root.toHandle());
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, STOP_TIMEOUT)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(10));
        }
    }

    /**
     * Stops the process if this JVM started it with the constructor. Instances from
     * {@link #startShared(int)} stay up for the next test class and stop when the JVM exits.
     */
    @Override
    public void close() {
        if (owned && !shared) {
            stop();
            removeShutdownHook();
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public int port() {
        return port;
    }

    /** Health and metrics live on Keycloak's management interface, kept off the default 9000. */
    public int managementPort() {
        return port + 1;
    }

    /** False for an instance reused by {@link #startShared(int)}, which cannot be stopped from here. */
    public boolean ownsProcess() {
        return owned;
    }

    public boolean isRunning() {
        return realmAnswers();
    }

    /** How long the most recent {@link #start()} took until the realm answered; null if never started here. */
    public Duration lastStartDuration() {
        return lastStartDuration;
    }

    public Path logFile() {
        return logFile;
    }

    /** An access token for a realm user via the password grant of {@code kuznia-cli}. */
    public String token(String username, String password) {
        TokenResponse response = requestToken(Map.of(
                "grant_type", "password",
                "client_id", CLI_CLIENT,
                "username", username,
                "password", password,
                "scope", "openid"));
        return response.accessToken();
    }

    /** An access token for a confidential client's service account (client credentials grant). */
    public String clientCredentialsToken(String clientId, String clientSecret) {
        return requestToken(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", clientSecret)).accessToken();
    }

    /** A master-realm token of the bootstrap administrator, for Keycloak's admin REST API. */
    public String adminToken() {
        return requestToken(url() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password",
                "client_id", "admin-cli",
                "username", BOOTSTRAP_ADMIN_USERNAME,
                "password", BOOTSTRAP_ADMIN_PASSWORD)).accessToken();
    }

    /** Posts a form to the realm's token endpoint and returns whatever came back, errors included. */
    public TokenResponse requestToken(Map<String, String> form) {
        return requestToken(tokenEndpoint(), form);
    }

    /** A GET with a bearer token; the body is parsed as JSON when it is JSON. */
    public JsonResponse getJson(String url, String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        return new JsonResponse(response.statusCode(), parseOrNull(response.body()), response);
    }

    /**
     * Lets the web application at {@code baseUrl} (e.g. http://localhost:41234) use the browser
     * login of {@code kuznia-web}: tests run the service on a free port, which the realm file's
     * redirect URIs cannot know in advance.
     */
    public synchronized void allowWebApplicationAt(String baseUrl) {
        String admin = adminToken();
        String clients = url() + "/admin/realms/" + REALM + "/clients";
        JsonResponse found = getJson(clients + "?clientId=kuznia-web", admin);
        if (found.status() != 200 || found.body() == null || found.body().isEmpty()) {
            throw new IllegalStateException("Client kuznia-web not found: HTTP " + found.status());
        }
        ObjectNode client = (ObjectNode) found.body().get(0);
        com.fasterxml.jackson.databind.node.ArrayNode redirects = client.withArray("redirectUris");
        String pattern = baseUrl + "/*";
        boolean known = false;
        for (JsonNode uri : redirects) {
            known |= uri.asText().equals(pattern);
        }
        if (known) {
            return;
        }
        redirects.add(pattern);
        ObjectNode attributes = client.withObject("/attributes");
        String logout = attributes.path("post.logout.redirect.uris").asText("");
        attributes.put("post.logout.redirect.uris", logout.isEmpty() ? pattern : logout + "##" + pattern);
        try {
            HttpRequest update = HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client)))
                    .build();
            HttpResponse<String> response = send(update);
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Updating kuznia-web failed: HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload of a JWT, without verifying it: tests read claims of tokens Keycloak just issued. */
    public static JsonNode jwtPayload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT");
        }
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm import for the local run: the realm file plus the demo users. */
    public ObjectNode mergedRealm() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(configDir.resolve("kuznia-realm.json").toFile());
        JsonNode demo = JSON.readTree(configDir.resolve("demo-users.json").toFile());
        realm.set("users", demo.get("users"));
        // Keycloak enforces the password policy while importing credentials, so the production
        // length(12) would reject the demo password; the local realm has no policy at all.
        realm.remove("passwordPolicy");
        return realm;
    }

    public record TokenResponse(int status, JsonNode body) {
        public String accessToken() {
            if (status != 200 || body == null || !body.hasNonNull("access_token")) {
                throw new IllegalStateException("Token request failed with HTTP " + status + ": " + body);
            }
            return body.get("access_token").asText();
        }

        public String error() {
            return body == null || !body.hasNonNull("error") ? null : body.get("error").asText();
        }
    }

    public record JsonResponse(int status, JsonNode body, HttpResponse<String> raw) {
    }

    // ---------------------------------------------------------------------------------------------

    private TokenResponse requestToken(String endpoint, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))
                .build();
        HttpResponse<String> response = send(request);
        return new TokenResponse(response.statusCode(), parseOrNull(response.body()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak request " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parseOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private boolean realmAnswers() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> command() {
        return List.of(
                home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-port=" + port,
                "--http-host=localhost",
                "--http-management-port=" + managementPort(),
                "--http-management-host=localhost",
                "--import-realm");
    }

    private void configureEnvironment(Map<String, String> env) {
        // A developer's own Keycloak settings (KC_DB=postgres, a debug agent, ...) must not leak into
        // the test server and make it behave differently from CI.
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
                || name.startsWith("JAVA_OPTS") || name.equals("JAVA_TOOL_OPTIONS") || name.equals("DEBUG")
                || name.equals("DEBUG_PORT"));
        // The same JDK as the tests, whatever java happens to be first on PATH.
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_ADMIN_PASSWORD);
        // Build-time option: changing it forces a ~50 s re-augmentation, so keep it constant.
        env.put("KC_HEALTH_ENABLED", "true");
        // Leaves heap for the application and the tests running next to it.
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_LOG_CONSOLE_COLOR", "false");
        // dev-file's default URL with a per-port file name (db-url-database is ignored for dev-file);
        // the properties are the ones Keycloak adds to its own default. Passed as env, not as an
        // argument, because kc.sh re-parses its arguments and the URL contains semicolons.
        env.put("KC_DB_URL", "jdbc:h2:file:" + home.resolve("data").resolve("h2").resolve(databaseName())
                + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0");
    }

    private void awaitReady(long beginNanos) {
        long deadline = beginNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int exit = process.exitValue();
                process = null;
                throw new IllegalStateException("Keycloak exited with " + exit + " before realm " + REALM
                        + " was ready; last log lines:\n" + logTail());
            }
            if (realmAnswers()) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        String tail = logTail();
        stop();
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within "
                + START_TIMEOUT.toSeconds() + " s; last log lines:\n" + tail);
    }

    private String databaseName() {
        return "keycloakdb-" + port;
    }

    private Path database() {
        return home.resolve("data").resolve("h2");
    }

    /** keycloakdb-&lt;port&gt;.mv.db and H2's companions (.trace.db, .lock.db). */
    private List<Path> databaseFiles() throws IOException {
        Path dir = database();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(databaseName() + "."))
                    .collect(Collectors.toList());
        }
    }

    private void deleteDatabase() throws IOException {
        for (Path file : databaseFiles()) {
            Files.delete(file);
        }
    }

    private void writeImportFile(byte[] realm) throws IOException {
        Path importDir = home.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        // Instances on other ports read the same directory; never let them see half a file.
        Path partial = importDir.resolve("kuznia-realm.json.partial-" + ProcessHandle.current().pid());
        Files.write(partial, realm);
        Files.move(partial, importDir.resolve("kuznia-realm.json"),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean snapshotsEnabled() {
        return !"false".equalsIgnoreCase(System.getProperty(SNAPSHOT_PROPERTY, "true"));
    }

    private Path snapshotDir(byte[] realm) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // The layout of a snapshot is part of the key, so a changed layout never restores an old one.
            sha.update(("snapshot-v3 keycloak-" + VERSION).getBytes(StandardCharsets.UTF_8));
            sha.update(realm);
            String key = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            return home.resolve("data").resolve("kuznia-snapshots").resolve(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void saveSnapshot(Path snapshot) throws IOException {
        Path snapshots = snapshot.getParent();
        Files.createDirectories(snapshots);
        // Snapshots of older realm files are of no further use.
        try (DirectoryStream<Path> old = Files.newDirectoryStream(snapshots)) {
            for (Path dir : old) {
                if (!dir.equals(snapshot)) {
                    deleteRecursively(dir);
                }
            }
        }
        // Copy then rename, so a second JVM never restores a half-written snapshot. Files are stored
        // without the port (".mv.db"): the content does not depend on it, any port may restore it.
        List<Path> files = databaseFiles();
        if (files.stream().noneMatch(file -> file.getFileName().toString().endsWith(".mv.db"))) {
            throw new IllegalStateException("Keycloak wrote no " + databaseName() + ".mv.db in "
                    + database() + "; is KC_DB_URL still honoured?");
        }
        Path partial = snapshots.resolve(snapshot.getFileName() + ".partial-" + ProcessHandle.current().pid());
        Files.createDirectories(partial);
        for (Path file : files) {
            String name = file.getFileName().toString();
            // The trace file is H2's own diagnostics, not data.
            if (!name.endsWith(".trace.db") && !name.endsWith(".lock.db")) {
                Files.copy(file, partial.resolve(name.substring(databaseName().length())));
            }
        }
        try {
            Files.move(partial, snapshot, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            deleteRecursively(partial);
        }
    }

    private void restoreSnapshot(Path snapshot) throws IOException {
        Path dir = database();
        Files.createDirectories(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(snapshot)) {
            for (Path file : files) {
                Files.copy(file, dir.resolve(databaseName() + file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Path root() {
        return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
    }

    private static Path locateHome() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null) {
            return requireDistribution(root().resolve(configured));
        }
        Path unpacked = root().resolve("target").resolve("keycloak");
        Path expected = unpacked.resolve("keycloak-" + VERSION);
        if (Files.isDirectory(expected)) {
            return requireDistribution(expected);
        }
        // After a version bump in the pom, before this constant follows.
        if (Files.isDirectory(unpacked)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(unpacked, "keycloak-*")) {
                for (Path dir : dirs) {
                    if (Files.isRegularFile(dir.resolve("bin").resolve("kc.sh"))) {
                        return dir;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No Keycloak distribution at " + expected
                + ": run ./mvnw process-test-resources to unpack it, or set -D" + HOME_PROPERTY + "=<dir>");
    }

    private static Path requireDistribution(Path dir) {
        if (!Files.isRegularFile(dir.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException("Not a Keycloak distribution (no bin/kc.sh): " + dir);
        }
        return dir;
    }

    private void requireOwned(String action) {
        if (!owned) {
            throw new IllegalStateException("Cannot " + action + " the Keycloak on port " + port
                    + ": it was already running and this JVM only reuses it");
        }
    }

    private static void requirePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Connections of a just-stopped Keycloak linger in TIME_WAIT; they must not count as busy.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is in use; Keycloak cannot start there", e);
        }
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : handles) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private synchronized void registerShutdownHook() {
        if (shutdownHook == null) {
            // A test JVM that dies or is interrupted must not leave Keycloak holding the port. No lock:
            // Ctrl-C may arrive while start() holds it and waits for readiness.
            shutdownHook = new Thread(() -> {
                Process running = process;
                if (running != null) {
                    destroyTree(running);
                }
            }, "keycloak-" + port + "-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private synchronized void removeShutdownHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // Already running as part of JVM shutdown.
            }
            shutdownHook = null;
        }
    }

    private String logTail() {
        try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
            List<String> all = lines.collect(Collectors.toList());
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs Keycloak for the local run until Ctrl-C: {@code KeycloakServer [port] [--keep-data]}.
     * Without {@code --keep-data} the realm is re-imported from the files, so edits to them show up.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 8180;
        boolean keepData = false;
        for (String arg : args) {
            if (arg.equals("--keep-data")) {
                keepData = true;
            } else {
                port = Integer.parseInt(arg);
            }
        }
        KeycloakServer server = new KeycloakServer(port, !keepData).start();
        Map<String, String> hints = new LinkedHashMap<>();
        hints.put("Admin console", server.url() + "/admin/ (" + BOOTSTRAP_ADMIN_USERNAME + " / "
                + BOOTSTRAP_ADMIN_PASSWORD + ", local only)");
        hints.put("Issuer", server.realmUrl());
        hints.put("Demo users", "admin, coordinator, auditor, ministry-de..dk, maker-1..30 / " + DEMO_PASSWORD);
        hints.forEach((k, v) -> System.out.printf("  %-13s %s%n", k, v));
        Thread.currentThread().join();
    }
}
