package ua.kuznia.matching.engine;

import java.util.Objects;

/**
 * Something a manufacturer can make: an area of the capability tree, its technology and
 * manufacturing readiness, and how much of it the manufacturer can produce per month.
 */
public record Capability(String area, int trl, int mrl, double monthlyCapacity) {

    public Capability {
        Objects.requireNonNull(area, "area");
        if (trl < 1 || trl > 9) {
            throw new IllegalArgumentException("TRL must be 1..9, was " + trl);
        }
        if (mrl < 1 || mrl > 10) {
            throw new IllegalArgumentException("MRL must be 1..10, was " + mrl);
        }
        if (!(monthlyCapacity >= 0) || Double.isInfinite(monthlyCapacity)) {
            throw new IllegalArgumentException("monthly capacity must be finite and >= 0, was " + monthlyCapacity);
        }
    }
}
