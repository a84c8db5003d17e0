package ua.kuznia.organization;

/** An organization was created, changed or deleted; fired inside the writing transaction. */
public record OrganizationChanged(long id) {
}
