package ua.kuznia.matching;

/** Where a suggested partnership stands. The matcher creates SUGGESTED and sets STALE. */
public enum MatchStatus {
    SUGGESTED, MANUFACTURER_INTEREST, MINISTRY_INTEREST, MUTUAL_INTEREST, UNDER_REVIEW, APPROVED, REJECTED,
    DECLINED, STALE, WITHDRAWN;

    /** A decision that ends the workflow; the matcher no longer changes its status. */
    public boolean settled() {
        return this == APPROVED || this == REJECTED || this == DECLINED || this == WITHDRAWN;
    }
}
