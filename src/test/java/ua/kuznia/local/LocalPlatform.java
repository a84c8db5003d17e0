package ua.kuznia.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The README's run command: starts PostgreSQL (embedded, data kept in .kuznia/pgdata, unless
 * QUARKUS_DATASOURCE_JDBC_URL names an external one), Keycloak with the kuznia realm and its
 * demo users on :8180, then the packaged service on :8080 with demo data. Ctrl-C stops all
 * three. It lives with the test code so that none of it ships in the production jar.
 */
public final class LocalPlatform {

    static final int POSTGRES_PORT = 54329;
    static final int KEYCLOAK_PORT = 8180;

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("kuznia.root", ".")).toAbsolutePath().normalize();
        Map<String, String> appEnv = new java.util.HashMap<>();
        appEnv.put("QUARKUS_PROFILE", "dev");

        EmbeddedPostgres postgres = null;
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            Path data = root.resolve(".kuznia/pgdata");
            Files.createDirectories(data);
            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                    .setPort(POSTGRES_PORT).start();
            appEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
            appEnv.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            appEnv.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            log("PostgreSQL on port " + POSTGRES_PORT + ", data in " + data);
        } else {
            log("Using the external PostgreSQL at " + System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
        }

        KeycloakServer keycloak = KeycloakServer.startShared(KEYCLOAK_PORT);
        log("Keycloak on " + keycloak.url() + " (realm " + KeycloakServer.REALM + ", demo users, password 'demo')");
        appEnv.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());

        Path jar = root.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the README command, which packages the service first");
        }
        ProcessBuilder app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).inheritIO();
        app.environment().putAll(appEnv);
        Process service = app.start();

        EmbeddedPostgres database = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.destroy();
            try {
                service.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            keycloak.close();
            if (database != null) {
                try {
                    database.close();
                } catch (IOException ignored) {
                    // Shutting down anyway; PostgreSQL recovers its data directory on next start.
                }
            }
        }));

        awaitReady();
        log("Kuznia is up: http://localhost:8080  (API docs: http://localhost:8080/q/swagger-ui). Ctrl-C stops everything.");
        int exit = service.waitFor();
        log("The service stopped (exit code " + exit + ")");
    }

    private static void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The service is still starting.
            }
            Thread.sleep(500);
        }
        log("The service did not report ready within 3 minutes; see its output above");
    }

    private static void log(String message) {
        System.out.println("[kuznia-local] " + message);
    }
}
