package ua.kuznia.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import ua.kuznia.local.KeycloakServer;
import ua.kuznia.testing.EmbeddedPostgresResource;

/**
 * The platform around the packaged service for {@code @QuarkusIntegrationTest}s: one embedded
 * PostgreSQL and the real Keycloak with realm {@code kuznia} and the demo users, both shared by every
 * integration test of the failsafe JVM, plus the demo data so tests find known organizations,
 * profiles and offers.
 *
 * <p>Register it on each integration test with {@code @WithTestResource(PlatformResource.class)},
 * never as a global {@code @QuarkusTestResource(restrictToAnnotatedClass = false)}: global resources
 * also start for every fast {@code @QuarkusTest}, which would then wait for Keycloak and lose their
 * test public key. Classes with the same {@code @WithTestResource} share one application start.
 */
public class PlatformResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The port KeycloakRealmIT uses too, so the failsafe JVM starts one Keycloak for all of them;
     * {@code -Dkuznia.it.keycloak-port} moves it when another checkout's tests run on this machine.
     */
    public static final int KEYCLOAK_PORT = Integer.getInteger("kuznia.it.keycloak-port", 18180);

    /** Local demo value only, like the one in application.properties' %dev section. */
    static final String LOCAL_SESSION_SECRET = "kuznia-local-session-secret-not-for-production";

    // Test resources and test classes may live in different class loaders, so what tests need is
    // published as system properties (one per JVM) rather than in static fields.
    private static final String JDBC_URL = "kuznia.it.jdbc-url";
    private static final String DB_USERNAME = "kuznia.it.db-username";
    private static final String DB_PASSWORD = "kuznia.it.db-password";

    @Override
    public synchronized Map<String, String> start() {
        // Delegating keeps ONE database per JVM: DatabaseForAllQuarkusTests registers
        // EmbeddedPostgresResource globally, so it starts for integration tests as well, and both
        // resources then hand the application the very same datasource.
        Map<String, String> database = new EmbeddedPostgresResource().start();
        KeycloakServer keycloak = KeycloakServer.startShared(KEYCLOAK_PORT);

        Map<String, String> config = new HashMap<>(database);
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        config.put("kuznia.demo-data.enabled", "true");
        // The suites write as a few demo users many times a second; the write limit itself is
        // proven by WriteRateLimitTest with a low ceiling.
        config.put("kuznia.rate-limit.writes-per-minute", "1000000");
        config.put("kuznia.rate-limit.burst", "1000000");
        // No SMTP server in the integration suite: notification e-mails stay in the mock mailbox.
        config.put("quarkus.mailer.mock", "true");
        config.put("quarkus.keycloak.admin-client.server-url", keycloak.url());
        // Local demo credential of the realm's kuznia-onboarding client (keycloak/README.md).
        config.put("quarkus.keycloak.admin-client.client-secret", "kuznia-onboarding-local-secret");
        // A free port instead of the default 8081, which fast @QuarkusTest runs of the same checkout
        // (a developer's, another module's) also take; the launcher and RestAssured both follow it.
        int port = freePort();
        config.put("quarkus.http.test-port", String.valueOf(port));
        // Browser tests sign in through kuznia-web, whose redirect URIs must name this port.
        keycloak.allowWebApplicationAt("http://localhost:" + port);
        // Local demo credentials (keycloak/README.md); production takes them from a Secret.
        config.put("kuznia.web.client-secret", "kuznia-web-local-secret");
        config.put("kuznia.web.session-secret", LOCAL_SESSION_SECRET);
        config.put("quarkus.http.test-ssl-port", String.valueOf(freePort()));

        String url = database.getOrDefault("quarkus.datasource.jdbc.url", System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
        if (url != null) {
            System.setProperty(JDBC_URL, url);
            System.setProperty(DB_USERNAME, database.getOrDefault("quarkus.datasource.username",
                    String.valueOf(System.getenv("QUARKUS_DATASOURCE_USERNAME"))));
            System.setProperty(DB_PASSWORD, database.getOrDefault("quarkus.datasource.password",
                    String.valueOf(System.getenv("QUARKUS_DATASOURCE_PASSWORD"))));
        }
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // Both servers are shared by the whole JVM and stopped by their shutdown hooks.
    }

    /** The Keycloak the application trusts (already running once the application is up). */
    public static KeycloakServer keycloak() {
        return KeycloakServer.startShared(KEYCLOAK_PORT);
    }

    /** JDBC URL of the application's database, for tests that check rows directly. */
    public static String jdbcUrl() {
        return required(JDBC_URL);
    }

    public static String dbUsername() {
        return required(DB_USERNAME);
    }

    public static String dbPassword() {
        return required(DB_PASSWORD);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is unset: PlatformResource has not started in this JVM");
        }
        return value;
    }
}
