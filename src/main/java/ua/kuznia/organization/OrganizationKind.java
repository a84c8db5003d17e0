package ua.kuznia.organization;

public enum OrganizationKind {
    /** A Ukrainian defence manufacturer; has one capability profile. */
    MANUFACTURER,
    /** An allied (or Ukrainian) ministry that posts technology-transfer offers. */
    MINISTRY,
    /** Ukrainian ministry staff who review suggested partnerships. */
    COORDINATION
}
