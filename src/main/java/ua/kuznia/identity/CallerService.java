package ua.kuznia.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import ua.kuznia.organization.OrganizationKind;
import ua.kuznia.taxonomy.Classification;

/**
 * Resolves the current request's {@link Caller} once. Organization membership comes from the
 * token's "org" claim (a Keycloak user attribute, see keycloak/README.md); a claim naming no
 * Kuznia organization gives a caller without one, who sees no organization's data.
 */
@RequestScoped
public class CallerService {

    public static final String ORG_CLAIM = "org";

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    @Inject
    CallerMemberships memberships;

    private Caller caller;

    public Caller current() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    /**
     * The caller as the token alone says, without looking up its organization: for code that may
     * not touch the database, such as an error page rendered on the event loop.
     */
    public Caller fromTokenOnly() {
        return resolve(false);
    }

    private Caller resolve() {
        return resolve(true);
    }

    private Caller resolve(boolean withOrganization) {
        if (identity.isAnonymous()) {
            return new Caller(null, "anonymous", Set.of(), null, null, null, Classification.UNCLASSIFIED);
        }
        String subject = identity.getPrincipal().getName();
        String username = subject;
        String orgCode = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            Object preferred = jwt.getClaim("preferred_username");
            username = preferred != null ? preferred.toString() : identity.getPrincipal().getName();
            Object org = jwt.getClaim(ORG_CLAIM);
            orgCode = org == null ? null : org.toString().replace("\"", "");
        }
        Set<String> roles = new java.util.HashSet<>(identity.getRoles());
        // The realm makes admin a composite; tokens normally carry the expanded roles already,
        // but a token from another realm layout must not lose the admin's reading rights.
        if (roles.contains(Roles.ADMIN)) {
            roles.add(Roles.COORDINATOR);
            roles.add(Roles.AUDITOR);
        }
        roles = Set.copyOf(roles);
        if (orgCode == null || !withOrganization) {
            return new Caller(subject, username, roles, null, orgCode, null, Classification.UNCLASSIFIED);
        }
        Optional<CallerMemberships.Membership> found = memberships.find(orgCode, this::lookUp);
        if (found.isEmpty()) {
            return new Caller(subject, username, roles, null, orgCode, null, Classification.UNCLASSIFIED);
        }
        CallerMemberships.Membership m = found.get();
        return new Caller(subject, username, roles, m.id(), m.code(), m.kind(), clearanceOf(m.kind(), m.vetted(), m.profile()));
    }

    // Organization and profile clearance come back in one round trip.
    private Optional<CallerMemberships.Membership> lookUp(String orgCode) {
        List<Object[]> rows = em.createQuery("select o.id, o.code, o.kind, o.clearance, p.id, p.clearance from Organization o"
                        + " left join ManufacturerProfile p on p.organization = o where o.code = :code", Object[].class)
                .setParameter("code", orgCode).setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new CallerMemberships.Membership((Long) row[0], (String) row[1], (OrganizationKind) row[2],
                (Classification) row[3], (Long) row[4], (Classification) row[5]));
    }

    /**
     * Manufacturers are cleared as their facility is (profile; none yet: unclassified), but never
     * above what an admin vetted for the organization: a profile saved before the organization's
     * clearance was lowered must not keep the higher one. Other organizations as vetted.
     */
    static Classification clearanceOf(OrganizationKind kind, Classification vetted, Classification profile) {
        if (kind == OrganizationKind.MANUFACTURER) {
            Classification facility = profile == null ? Classification.UNCLASSIFIED : profile;
            return vetted == null || vetted.covers(facility) ? facility : vetted;
        }
        return vetted;
    }
}
