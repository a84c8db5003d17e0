package ua.kuznia.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the clearly fictional demo organizations, profiles and offers for the local run. Off
 * unless kuznia.demo-data.enabled is true, so production never sees them. Runs before the
 * matcher's start-up pass (lower priority value = earlier) so the demo gets matches at once.
 */
@ApplicationScoped
public class DemoDataLoader {

    public static final String SCRIPT = "/demo/demo-data.sql";
    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @ConfigProperty(name = "kuznia.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    AgroalDataSource dataSource;

    void onStart(@Observes @Priority(10) StartupEvent event) throws SQLException {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(script());
        }
        LOG.info("Demo data present (fictional organizations, profiles and offers)");
    }

    static String script() {
        try (InputStream in = DemoDataLoader.class.getResourceAsStream(SCRIPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
