package ua.kuznia.review;

/** Everything a person can do to a match. Who may do what is decided by {@link ReviewWorkflow}. */
public enum ReviewAction {
    /** The manufacturer wants to pursue the partnership. */
    MANUFACTURER_INTEREST,
    /** The ministry wants to pursue the partnership. */
    MINISTRY_INTEREST,
    /** Either side says no, with a reason. */
    DECLINE,
    /** A coordinator takes a mutually wanted match into review. */
    START_REVIEW,
    APPROVE,
    /** Needs a reason. */
    REJECT,
    /** A coordinator parks a match under review with a note; the status does not change. */
    HOLD,
    /** The ministry withdraws the match (e.g. the offer is being reworked). */
    WITHDRAW
}
