package ua.kuznia.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL for @QuarkusTest classes, started once per test JVM and shared by all of
 * them. When QUARKUS_DATASOURCE_JDBC_URL points at an external database, that one is used.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    @Override
    public synchronized Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresResource::shutdown));
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private static synchronized void shutdown() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // The JVM is exiting; the data directory is temporary.
            }
            postgres = null;
        }
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; closed by the shutdown hook.
    }
}
