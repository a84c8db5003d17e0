package ua.kuznia.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL for every @QuarkusTest, so they share one application start. */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
public final class DatabaseForAllQuarkusTests {

    private DatabaseForAllQuarkusTests() {
    }
}
