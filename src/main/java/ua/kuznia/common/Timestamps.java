package ua.kuznia.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the database keeps them. */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Now, at the precision of PostgreSQL's timestamptz (microseconds): a write then answers with
     * the same instant that every later read of the row returns.
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
