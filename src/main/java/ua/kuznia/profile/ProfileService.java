package ua.kuznia.profile;

import ua.kuznia.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ua.kuznia.common.EntityChanged;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.SqlFilter;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.identity.AuditService;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.Roles;
import ua.kuznia.organization.Organization;
import ua.kuznia.organization.OrganizationKind;
import ua.kuznia.taxonomy.TaxonomyService;
import ua.kuznia.taxonomy.TransferType;

@ApplicationScoped
public class ProfileService {

    /** List filters; every one is optional. */
    public record Filter(String area, String country, ProfileStatus status, Integer minTrl, String text) {
    }

    @Inject
    EntityManager em;

    @Inject
    TaxonomyService taxonomy;

    @Inject
    Event<EntityChanged> changes;

    @Inject
    AuditService audit;

    static final String AUDIT_TYPE = "PROFILE";

    /** Which profiles a caller may read: staff all, ministries published ones, a manufacturer its own. */
    public static SqlFilter visibleTo(Caller caller) {
        SqlFilter filter = new SqlFilter();
        if (caller.readsEverything()) {
            return filter;
        }
        if (caller.has(Roles.MINISTRY)) {
            return filter.where("p.status = 'PUBLISHED'");
        }
        if (caller.has(Roles.MANUFACTURER) && caller.organizationId() != null) {
            return filter.where("p.organization_id = :callerOrganization", "callerOrganization", caller.organizationId());
        }
        return filter.where("false");
    }

    public static boolean visibleTo(ManufacturerProfile profile, Caller caller) {
        return visibleTo(profile.status, profile.organization.id, caller);
    }

    /** The rule of {@link #visibleTo(Caller)} for one profile already read. */
    static boolean visibleTo(ProfileStatus status, long organizationId, Caller caller) {
        if (caller.readsEverything()) {
            return true;
        }
        if (caller.has(Roles.MINISTRY)) {
            return status == ProfileStatus.PUBLISHED;
        }
        return caller.has(Roles.MANUFACTURER) && caller.belongsTo(organizationId);
    }

    /** Only a manufacturer of the owning organization changes a profile. */
    static void requireOwner(Long organizationId, Caller caller) {
        if (!caller.has(Roles.MANUFACTURER) || !caller.belongsTo(organizationId)) {
            throw ProblemException.forbidden(ViolationMessages::forbidden_profile_owner);
        }
    }

    public Page<ManufacturerView> list(PageRequest page, Filter filter, Caller caller) {
        SqlFilter where = visibleTo(caller);
        if (filter.area() != null) {
            List<Problem.Violation> violations = new ArrayList<>();
            taxonomy.checkArea("area", filter.area(), violations);
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            where.where("EXISTS (SELECT 1 FROM profile_capability c WHERE c.profile_id = p.id"
                            + " AND (c.area_code = :area OR c.area_code LIKE :areaPrefix)"
                            + (filter.minTrl() != null ? " AND c.trl >= :minTrl" : "") + ")", "area", filter.area())
                    .param("areaPrefix", SqlFilter.descendantPattern(filter.area()));
        } else if (filter.minTrl() != null) {
            where.where("EXISTS (SELECT 1 FROM profile_capability c WHERE c.profile_id = p.id AND c.trl >= :minTrl)");
        }
        if (filter.minTrl() != null) {
            where.param("minTrl", filter.minTrl());
        }
        if (filter.status() != null) {
            where.where("p.status = :status", "status", filter.status().name());
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.where("o.country = :country", "country", filter.country().strip().toUpperCase());
        }
        String order = " ORDER BY p.legal_name, p.id";
        if (filter.text() != null && !filter.text().isBlank()) {
            where.where("p.search @@ websearch_to_tsquery('simple', :text)", "text", filter.text());
            order = " ORDER BY ts_rank(p.search, websearch_to_tsquery('simple', :text)) DESC, p.id";
        }
        SqlFilter.CountedPage found = where.countedPage(em, ProfileRows.COLUMNS, ProfileRows.FROM, order, page);
        return new Page<>(ProfileRows.views(em, found.rows()), page.page, page.size, found.total());
    }

    /**
     * One profile with its capabilities and organization. Not a query with an id list: Hibernate
     * translates a query with a list parameter anew on every execution, and single reads are the
     * most frequent query of the API.
     */
    public Optional<ManufacturerProfile> findEntity(long id) {
        return em.createQuery("select distinct p from ManufacturerProfile p"
                        + " join fetch p.organization left join fetch p.capabilities where p.id = :id", ManufacturerProfile.class)
                .setParameter("id", id).getResultList().stream().findFirst();
    }

    /** The caller's own organization's profile, if it has one yet. */
    public Optional<ManufacturerView> own(Caller caller) {
        if (!caller.has(Roles.MANUFACTURER) || caller.organizationId() == null) {
            return Optional.empty();
        }
        return idWhere("p.organization_id = :organization", caller.organizationId()).flatMap(id -> find(id, caller));
    }

    /** A profile by its EDRPOU code, if the caller may see it. */
    public Optional<ManufacturerView> findByEdrpou(String edrpou, Caller caller) {
        return idWhere("p.edrpou = :edrpou", edrpou).flatMap(id -> find(id, caller));
    }

    /**
     * How much of what the matcher and ministries look at is filled in, 0..100: name, EDRPOU,
     * oblast, staff, description, capabilities (with capacity units), certifications, the areas
     * and the kinds of transfer sought.
     */
    public static int completeness(ManufacturerView p) {
        boolean[] parts = {
                p.legalName() != null && !p.legalName().isBlank(),
                p.edrpou() != null && !p.edrpou().isBlank(),
                p.oblast() != null && !p.oblast().isBlank(),
                p.employees() != null && p.employees() > 0,
                p.description() != null && !p.description().isBlank(),
                !p.capabilities().isEmpty(),
                !p.capabilities().isEmpty() && p.capabilities().stream().allMatch(c -> c.capacityUnit() != null && !c.capacityUnit().isBlank()),
                p.certifications() != null && !p.certifications().isEmpty(),
                p.seeking() != null && p.seeking().areas() != null && !p.seeking().areas().isEmpty(),
                p.seeking() != null && p.seeking().transferTypes() != null && !p.seeking().transferTypes().isEmpty()};
        int filled = 0;
        for (boolean part : parts) {
            filled += part ? 1 : 0;
        }
        return filled * 100 / parts.length;
    }

    /** The id of the profile whose column matches (a unique column: EDRPOU, organization), if there is one. */
    private Optional<Long> idWhere(String condition, Object value) {
        String name = condition.substring(condition.indexOf(':') + 1);
        return new SqlFilter().where(condition, name, value).select(em, "SELECT p.id", " FROM manufacturer_profile p", "")
                .stream().findFirst().map(r -> ((Number) r[0]).longValue());
    }

    /** Whether the profile exists for the caller: one row read, without its capabilities. */
    public boolean isVisible(long id, Caller caller) {
        return new SqlFilter().where("p.id = :id", "id", id).select(em, "SELECT p.status, p.organization_id", " FROM manufacturer_profile p", "")
                .stream().anyMatch(r -> visibleTo(ProfileStatus.valueOf((String) r[0]), ((Number) r[1]).longValue(), caller));
    }

    /** One profile as the caller may see it, read as a view. */
    public Optional<ManufacturerView> find(long id, Caller caller) {
        List<Object[]> rows = new SqlFilter().where("p.id = :id", "id", id).select(em, ProfileRows.COLUMNS, ProfileRows.FROM, "");
        if (rows.isEmpty() || !visibleTo(ProfileStatus.valueOf((String) rows.get(0)[13]), ((Number) rows.get(0)[1]).longValue(), caller)) {
            return Optional.empty();
        }
        return Optional.of(ProfileRows.views(em, rows).get(0));
    }

    @Transactional
    public ManufacturerView create(ManufacturerView body, Caller caller) {
        Long organizationId = body.organizationId() != null ? body.organizationId() : caller.organizationId();
        if (organizationId == null) {
            throw ProblemException.invalid("organizationId", ViolationMessages::organization_required_manufacturer);
        }
        requireOwner(organizationId, caller);
        Organization organization = Organization.<Organization>findByIdOptional(organizationId)
                .orElseThrow(() -> ProblemException.invalid("organizationId", m -> m.organization_missing(String.valueOf(organizationId))));
        if (organization.kind != OrganizationKind.MANUFACTURER) {
            throw ProblemException.invalid("organizationId",
                    m -> m.organization_not_manufacturer(organization.id, organization.kind.name()));
        }
        ManufacturerProfile.<ManufacturerProfile>find("organization.id", organization.id).firstResultOptional()
                .ifPresent(existing -> {
                    throw ProblemException.conflict("/problems/profile-exists", "Profile exists",
                            m -> m.profile_exists(organization.id, existing.id), Map.of("profileId", existing.id));
                });
        check(body, null, null, organization.clearance);
        ManufacturerProfile profile = new ManufacturerProfile();
        profile.organization = organization;
        apply(profile, body);
        profile.persist();
        ManufacturerView created = toView(profile);
        audit.record(caller, AUDIT_TYPE, profile.id, AuditService.Action.CREATE, null, created, null);
        changes.fire(new EntityChanged(EntityChanged.Type.PROFILE, profile.id, false));
        return created;
    }

    @Transactional
    public Optional<ManufacturerView> update(long id, ManufacturerView body, Caller caller) {
        // Read from rows and written with conditional statements (ProfileRows.update): the entities
        // are not loaded.
        Optional<ProfileRows.Stored> existing = ProfileRows.stored(em, id)
                .filter(s -> visibleTo(s.view().status(), s.view().organizationId(), caller));
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        ProfileRows.Stored stored = existing.get();
        ManufacturerView before = stored.view();
        requireOwner(before.organizationId(), caller);
        ProblemException.requireCurrentVersion(ViolationMessages::stale_profile, body.version(), before.version());
        if (body.organizationId() != null && !body.organizationId().equals(before.organizationId())) {
            throw ProblemException.invalid("organizationId", ViolationMessages::profile_cannot_move);
        }
        check(body, id, before.edrpou(), stored.vetted());
        ManufacturerView after = ProfileRows.applied(before, body, Timestamps.now());
        boolean written = em.unwrap(Session.class).doReturningWork(c -> ProfileRows.update(c, stored, after));
        if (!written) {
            // Another writer committed, or deleted the profile, between the read and the UPDATE.
            throw ProblemException.staleWrite();
        }
        audit.record(caller, AUDIT_TYPE, id, AuditService.Action.UPDATE, before, after, null);
        changes.fire(new EntityChanged(EntityChanged.Type.PROFILE, id, false));
        return Optional.of(after);
    }

    @Transactional
    public boolean delete(long id, Caller caller) {
        Optional<ManufacturerProfile> existing = findEntity(id).filter(p -> visibleTo(p, caller));
        if (existing.isEmpty()) {
            return false;
        }
        requireOwner(existing.get().organization.id, caller);
        // The profile's row is locked before Hibernate deletes its capabilities and then the row, as
        // an update locks the row before it touches the capabilities: the same order, so a delete
        // and an update of one profile wait for each other instead of deadlocking.
        em.createNativeQuery("SELECT id FROM manufacturer_profile WHERE id = :id FOR UPDATE").setParameter("id", id)
                .getResultList();
        audit.record(caller, AUDIT_TYPE, id, AuditService.Action.DELETE, toView(existing.get()), null, null);
        existing.get().delete();
        changes.fire(new EntityChanged(EntityChanged.Type.PROFILE, id, true));
        return true;
    }


    /**
     * Rules that need reference data or other rows; bean validation has already run.
     *
     * @param storedEdrpou the code the profile holds now (null for a new one): the column is
     *                     unique, so while an edit keeps it no other profile can hold it, and
     *                     the look-up is left out
     * @param vetted the clearance an admin vetted for the profile's organization: the profile's
     *               own may be lower (a facility not yet re-cleared), never higher, since the
     *               manufacturer's need-to-know follows it
     */
    private void check(ManufacturerView body, Long selfId, String storedEdrpou, Classification vetted) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (body.clearance() != null && !vetted.covers(body.clearance())) {
            violations.add(new Problem.Violation("clearance", m -> m.above_vetted_clearance(vetted.name())));
        }
        if (!Edrpou.isValid(body.edrpou())) {
            violations.add(new Problem.Violation("edrpou", m -> m.edrpou_check_digit(String.valueOf(body.edrpou()))));
        } else if (!body.edrpou().equals(storedEdrpou)) {
            idWhere("p.edrpou = :edrpou", body.edrpou()).filter(other -> !other.equals(selfId))
                    .ifPresent(other -> violations.add(new Problem.Violation("edrpou", ViolationMessages::edrpou_taken)));
        }
        taxonomy.checkOblast("oblast", body.oblast(), violations);
        for (int i = 0; i < body.capabilities().size(); i++) {
            taxonomy.checkArea("capabilities[" + i + "].area", body.capabilities().get(i).area(), violations);
        }
        taxonomy.checkCertifications("certifications", body.certifications(), violations);
        if (body.seeking() != null) {
            taxonomy.checkAreas("seeking.areas", body.seeking().areas(), violations);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** A new profile's fields and capability rows from the body, normalised as an update's (ProfileRows.normalised). */
    private static void apply(ManufacturerProfile p, ManufacturerView body) {
        ManufacturerView n = ProfileRows.normalised(body);
        p.legalName = n.legalName();
        p.edrpou = n.edrpou();
        p.oblastCode = n.oblast();
        p.employees = n.employees();
        p.description = n.description();
        p.certifications = n.certifications().toArray(String[]::new);
        p.clearance = n.clearance();
        p.seekingAreas = n.seeking().areas().toArray(String[]::new);
        p.seekingTransferTypes = n.seeking().transferTypes().stream().map(Enum::name).toArray(String[]::new);
        p.status = n.status() == null ? ProfileStatus.DRAFT : n.status();
        List<ManufacturerView.Capability> rows = n.capabilities();
        for (int i = 0; i < rows.size(); i++) {
            ManufacturerView.Capability row = rows.get(i);
            ProfileCapability c = new ProfileCapability();
            c.profile = p;
            c.position = i;
            c.areaCode = row.area();
            c.trl = row.trl();
            c.mrl = row.mrl();
            c.monthlyCapacity = row.monthlyCapacity();
            c.capacityUnit = row.capacityUnit();
            c.notes = row.notes();
            p.capabilities.add(c);
        }
    }

    public static ManufacturerView toView(ManufacturerProfile p) {
        return new ManufacturerView(p.id, p.organization.id, p.organization.code, p.organization.country,
                p.legalName, p.edrpou, p.oblastCode, p.employees, p.description,
                p.capabilities.stream().map(c -> new ManufacturerView.Capability(c.areaCode, c.trl, c.mrl,
                        c.monthlyCapacity, c.capacityUnit, c.notes)).toList(),
                Arrays.asList(p.certifications), p.clearance,
                new ManufacturerView.Seeking(Arrays.asList(p.seekingAreas),
                        Arrays.stream(p.seekingTransferTypes).map(TransferType::valueOf).toList()),
                p.status, p.version, p.createdAt, p.updatedAt);
    }
}
