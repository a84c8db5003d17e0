package ua.kuznia.organization;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ua.kuznia.common.EntityChanged;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.AuditService;
import ua.kuznia.identity.Caller;
import ua.kuznia.taxonomy.Classification;

@ApplicationScoped
public class OrganizationService {

    static final String AUDIT_TYPE = "ORGANIZATION";

    @Inject
    AuditService audit;

    /** Tells, after the commit, what remembers organizations (callers' memberships) to forget them. */
    @Inject
    Event<OrganizationChanged> changed;

    @Inject
    Event<EntityChanged> profileChanged;

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public Page<OrganizationView> list(PageRequest page, OrganizationKind kind, String country) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (kind != null) {
            query.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (country != null && !country.isBlank()) {
            query.append(" and country = :country");
            params.and("country", country.toUpperCase(Locale.ROOT));
        }
        var found = Organization.<Organization>find(query.toString(), Sort.by("name").and("id"), params);
        long total = found.count();
        List<OrganizationView> items = found.page(page.page, page.size).list().stream().map(OrganizationView::of).toList();
        return new Page<>(items, page.page, page.size, total);
    }

    public Optional<OrganizationView> find(long id) {
        return Organization.<Organization>findByIdOptional(id).map(OrganizationView::of);
    }

    public Organization require(long id) {
        return Organization.<Organization>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound(Missing.ORGANIZATION, id));
    }

    @Transactional
    public OrganizationView create(OrganizationView body, Caller caller) {
        check(body, null);
        Organization o = new Organization();
        apply(o, body);
        o.persist();
        changed.fire(new OrganizationChanged(o.id));
        OrganizationView created = OrganizationView.of(o);
        audit.record(caller, AUDIT_TYPE, o.id, AuditService.Action.CREATE, null, created, null);
        return created;
    }

    @Transactional
    public Optional<OrganizationView> update(long id, OrganizationView body, Caller caller) {
        Optional<Organization> existing = Organization.findByIdOptional(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Organization o = existing.get();
        ProblemException.requireCurrentVersion(ViolationMessages::stale_organization, body.version(), o.version);
        check(body, o.id);
        if (o.kind != body.kind()) {
            throw ProblemException.invalid("kind", m -> m.kind_fixed(o.kind.name()));
        }
        OrganizationView before = OrganizationView.of(o);
        apply(o, body);
        o.updatedAt = java.time.Instant.now();
        o.flush();
        changed.fire(new OrganizationChanged(o.id));
        OrganizationView after = OrganizationView.of(o);
        if (o.kind == OrganizationKind.MANUFACTURER && before.clearance() != after.clearance()) {
            // The matcher caps the profile's clearance at the vetted one: its profile is re-matched,
            // here and, through the change log, on every replica.
            for (Object profileId : Organization.getEntityManager().createNativeQuery("SELECT id FROM manufacturer_profile WHERE organization_id = :org")
                    .setParameter("org", o.id).getResultList()) {
                profileChanged.fire(new EntityChanged(EntityChanged.Type.PROFILE, ((Number) profileId).longValue(), false));
            }
        }
        audit.record(caller, AUDIT_TYPE, o.id, AuditService.Action.UPDATE, before, after, null);
        return Optional.of(after);
    }

    @Transactional
    public boolean delete(long id, Caller caller) {
        Optional<Organization> existing = Organization.findByIdOptional(id);
        if (existing.isEmpty()) {
            return false;
        }
        long dependants = Organization.getEntityManager().createQuery(
                        "select (select count(p) from ManufacturerProfile p where p.organization.id = :id)"
                                + " + (select count(t) from TransferOffer t where t.organization.id = :id)", Long.class)
                .setParameter("id", id).getSingleResult();
        if (dependants > 0) {
            throw ProblemException.conflict("/problems/organization-in-use", "Organization in use",
                    m -> m.organization_in_use(id), Map.of());
        }
        audit.record(caller, AUDIT_TYPE, id, AuditService.Action.DELETE, OrganizationView.of(existing.get()), null, null);
        existing.get().delete();
        changed.fire(new OrganizationChanged(id));
        return true;
    }


    private void check(OrganizationView body, Long selfId) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!ISO_COUNTRIES.contains(body.country())) {
            violations.add(new Problem.Violation("country", "'" + body.country() + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        Organization.findByCode(body.code()).filter(other -> !other.id.equals(selfId)).ifPresent(other ->
                violations.add(new Problem.Violation("code", "is already used by organization " + other.id)));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static void apply(Organization o, OrganizationView body) {
        o.code = body.code();
        o.kind = body.kind();
        o.name = body.name().strip();
        o.country = body.country();
        o.clearance = body.clearance() == null ? Classification.UNCLASSIFIED : body.clearance();
    }
}
