package ua.kuznia.notification;

/** What a notification is about; each kind can be muted per user. */
public enum NotificationKind {
    /** A new suggestion above the rule set's minimum score, for the offer's ministry and the manufacturer. */
    NEW_MATCH,
    /** The other side of a match expressed interest. */
    INTEREST,
    /** A coordinator approved, rejected or held a match. */
    DECISION
}
