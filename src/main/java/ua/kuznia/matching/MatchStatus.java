package ua.kuznia.matching;

/** Where a suggested partnership stands. The matcher creates SUGGESTED and sets STALE. */
public enum MatchStatus {
    SUGGESTED, MANUFACTURER_INTEREST, MINISTRY_INTEREST, MUTUAL_INTEREST, UNDER_REVIEW, APPROVED, REJECTED,
    DECLINED, STALE, WITHDRAWN;

    /** Someone has done something with the match, so the matcher must not simply drop it. */
    public boolean actedOn() {
        return this != SUGGESTED;
    }
}
