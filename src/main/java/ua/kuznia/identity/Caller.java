package ua.kuznia.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import ua.kuznia.organization.OrganizationKind;
import ua.kuznia.taxonomy.Classification;

/**
 * Who is calling, as the service understands it: the token's subject and roles, the Kuznia
 * organization its "org" claim names, and the clearance that decides which offers exist for it.
 */
public record Caller(String subject, String username, Set<String> roles, Long organizationId,
                     String organizationCode, OrganizationKind organizationKind, Classification clearance) {

    public static final Caller SYSTEM = new Caller(null, "system", Set.of(), null, null, null,
            Classification.COSMIC_TOP_SECRET);

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Coordinators, auditors and admins (a composite of both) read across organizations. */
    public boolean readsEverything() {
        return has(Roles.COORDINATOR) || has(Roles.AUDITOR);
    }

    public boolean belongsTo(Long organization) {
        return organizationId != null && organizationId.equals(organization);
    }

    public boolean clearedFor(Classification level) {
        return clearance.covers(level);
    }

    /** The codes of every level the caller is cleared for, for SQL filters ({@code classification IN (...)}). */
    public List<String> clearedLevels() {
        return Arrays.stream(Classification.values()).filter(this::clearedFor).map(Enum::name).toList();
    }
}
