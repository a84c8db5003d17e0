package ua.kuznia.taxonomy;

/**
 * Classification levels in ascending order of sensitivity. A facility cleared to a level may
 * see material at that level or below, so comparisons use {@link #ordinal()}; the order here
 * must match the ranks seeded in V1__taxonomy.sql.
 */
public enum Classification {
    UNCLASSIFIED, NATO_RESTRICTED, NATO_CONFIDENTIAL, NATO_SECRET, COSMIC_TOP_SECRET;

    public int rank() {
        return ordinal();
    }

    public boolean covers(Classification other) {
        return rank() >= other.rank();
    }
}
