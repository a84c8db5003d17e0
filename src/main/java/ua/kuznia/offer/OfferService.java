package ua.kuznia.offer;

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
import java.util.Optional;
import ua.kuznia.common.EntityChanged;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.SqlFilter;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.AuditService;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.Roles;
import ua.kuznia.organization.Organization;
import ua.kuznia.organization.OrganizationKind;
import ua.kuznia.taxonomy.TaxonomyService;

@ApplicationScoped
public class OfferService {

    /** List filters; every one is optional. minTrl keeps offers that ask for at least that TRL. */
    public record Filter(String area, String country, OfferStatus status, Integer minTrl, String text) {
    }

    @Inject
    EntityManager em;

    @Inject
    TaxonomyService taxonomy;

    @Inject
    Event<EntityChanged> changes;

    @Inject
    AuditService audit;

    static final String AUDIT_TYPE = "OFFER";

    /**
     * Need-to-know: an offer classified above the caller's clearance does not exist for it.
     * Within that, staff read all offers, ministries open ones and their own, manufacturers open
     * ones and the closed ones where a match of theirs was acted on: an offer usually closes once
     * its partnerships are decided, and the manufacturer keeps the record of its own, as the
     * ministry does.
     */
    public static SqlFilter visibleTo(Caller caller) {
        List<String> levels = caller.clearedLevels();
        SqlFilter filter = new SqlFilter().where("t.classification IN (:callerLevels)", "callerLevels", levels);
        if (caller.readsEverything()) {
            return filter;
        }
        if (caller.has(Roles.MINISTRY) && caller.organizationId() != null) {
            return filter.where("(t.status = 'OPEN' OR t.organization_id = :callerOrganization)",
                    "callerOrganization", caller.organizationId());
        }
        if (caller.has(Roles.MANUFACTURER) && caller.organizationId() != null) {
            return filter.where("(t.status = 'OPEN' OR t.status = 'CLOSED' AND " + ACTED_ON_BY_PARTNER + ")",
                    "partnerOrganization", caller.organizationId());
        }
        if (caller.has(Roles.MANUFACTURER)) {
            return filter.where("t.status = 'OPEN'");
        }
        return filter.where("false");
    }

    /** A match of offer {@code t} with a profile of organization {@code :partnerOrganization}, acted on by someone. */
    private static final String ACTED_ON_BY_PARTNER = "EXISTS (SELECT 1 FROM match_result pm"
            + " JOIN manufacturer_profile pp ON pp.id = pm.profile_id WHERE pm.offer_id = t.id"
            + " AND pp.organization_id = :partnerOrganization AND pm.status <> 'SUGGESTED')";

    /**
     * The rule of {@link #visibleTo(Caller)} for an offer loaded to be written or explained, decided
     * from the row where the row suffices; only a manufacturer's closed offer (did it partner on
     * it?) asks the rule itself in the database.
     */
    private boolean visibleTo(TransferOffer offer, Caller caller) {
        if (!caller.clearedFor(offer.classification)) {
            return false;
        }
        if (caller.readsEverything()) {
            return true;
        }
        if (caller.has(Roles.MINISTRY) && (offer.status == OfferStatus.OPEN || caller.belongsTo(offer.organization.id))) {
            return true;
        }
        if (!caller.has(Roles.MANUFACTURER)) {
            return false;
        }
        return offer.status == OfferStatus.OPEN || offer.status == OfferStatus.CLOSED
                && visibleTo(caller).where("t.id = :id", "id", offer.id).count(em, " FROM transfer_offer t") > 0;
    }

    /** Only a ministry officer of the owning organization changes an offer. */
    static void requireOwner(Long organizationId, Caller caller) {
        if (!caller.has(Roles.MINISTRY) || !caller.belongsTo(organizationId)) {
            throw ProblemException.forbidden(ViolationMessages::forbidden_offer_owner);
        }
    }

    public Page<OfferView> list(PageRequest page, Filter filter, Caller caller) {
        SqlFilter where = visibleTo(caller);
        if (filter.area() != null) {
            List<Problem.Violation> violations = new ArrayList<>();
            taxonomy.checkArea("area", filter.area(), violations);
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            where.where("EXISTS (SELECT 1 FROM unnest(t.areas) a WHERE a = :area OR a LIKE :areaPrefix)", "area", filter.area())
                    .param("areaPrefix", SqlFilter.descendantPattern(filter.area()));
        }
        if (filter.minTrl() != null) {
            where.where("t.min_trl >= :minTrl", "minTrl", filter.minTrl());
        }
        if (filter.status() != null) {
            where.where("t.status = :status", "status", filter.status().name());
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.where("o.country = :country", "country", filter.country().strip().toUpperCase());
        }
        String order = " ORDER BY t.created_at DESC, t.id DESC";
        if (filter.text() != null && !filter.text().isBlank()) {
            where.where("t.search @@ websearch_to_tsquery('simple', :text)", "text", filter.text());
            order = " ORDER BY ts_rank(t.search, websearch_to_tsquery('simple', :text)) DESC, t.id DESC";
        }
        SqlFilter.CountedPage found = where.countedPage(em, OfferRows.COLUMNS, OfferRows.FROM, order, page);
        return new Page<>(found.rows().stream().map(OfferRows::view).toList(), page.page, page.size, found.total());
    }

    /** The offers of the caller's own ministry, newest first. */
    public Page<OfferView> own(PageRequest page, Caller caller) {
        if (!caller.has(Roles.MINISTRY) || caller.organizationId() == null) {
            return new Page<>(List.of(), page.page, page.size, 0);
        }
        SqlFilter where = visibleTo(caller).where("t.organization_id = :own", "own", caller.organizationId());
        SqlFilter.CountedPage found = where.countedPage(em, OfferRows.COLUMNS, OfferRows.FROM,
                " ORDER BY t.created_at DESC, t.id DESC", page);
        return new Page<>(found.rows().stream().map(OfferRows::view).toList(), page.page, page.size, found.total());
    }

    /** One offer with its organization; an equality, not a query with an id list, for the reason given at ProfileService.findEntity. */
    public Optional<TransferOffer> findEntity(long id) {
        return em.createQuery("select t from TransferOffer t join fetch t.organization where t.id = :id", TransferOffer.class)
                .setParameter("id", id).getResultList().stream().findFirst();
    }

    public Optional<TransferOffer> findVisible(long id, Caller caller) {
        return findEntity(id).filter(t -> visibleTo(t, caller));
    }

    /** One offer as the caller may see it, read as a view (as the update reads it too). */
    public Optional<OfferView> find(long id, Caller caller) {
        return visibleTo(caller).where("t.id = :id", "id", id).select(em, OfferRows.COLUMNS, OfferRows.FROM, "").stream()
                .map(OfferRows::view).findFirst();
    }

    @Transactional
    public OfferView create(OfferView body, Caller caller) {
        Long organizationId = body.organizationId() != null ? body.organizationId() : caller.organizationId();
        if (organizationId == null) {
            throw ProblemException.invalid("organizationId", ViolationMessages::organization_required_ministry);
        }
        requireOwner(organizationId, caller);
        Organization organization = Organization.<Organization>findByIdOptional(organizationId)
                .orElseThrow(() -> ProblemException.invalid("organizationId", m -> m.organization_missing(String.valueOf(organizationId))));
        if (organization.kind != OrganizationKind.MINISTRY) {
            throw ProblemException.invalid("organizationId",
                    m -> m.organization_not_ministry(organization.id, organization.kind.name()));
        }
        check(body, caller);
        TransferOffer offer = new TransferOffer();
        offer.organization = organization;
        apply(offer, body);
        offer.persist();
        OfferView created = toView(offer);
        audit.record(caller, AUDIT_TYPE, offer.id, AuditService.Action.CREATE, null, created, null);
        changes.fire(new EntityChanged(EntityChanged.Type.OFFER, offer.id, false));
        return created;
    }

    @Transactional
    public Optional<OfferView> update(long id, OfferView body, Caller caller) {
        // Read as the read endpoints read it, under the same need-to-know rule, and written with one
        // conditional UPDATE (OfferRows.update): the entity is not loaded.
        Optional<OfferView> existing = find(id, caller);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        OfferView before = existing.get();
        requireOwner(before.organizationId(), caller);
        ProblemException.requireCurrentVersion(ViolationMessages::stale_offer, body.version(), before.version());
        if (body.organizationId() != null && !body.organizationId().equals(before.organizationId())) {
            throw ProblemException.invalid("organizationId", ViolationMessages::offer_cannot_move);
        }
        check(body, caller);
        OfferView after = OfferRows.applied(before, body, Timestamps.now());
        boolean written = em.unwrap(Session.class).doReturningWork(c -> OfferRows.update(c, after));
        if (!written) {
            // Another writer committed, or deleted the offer, between the read and the UPDATE.
            throw ProblemException.staleWrite();
        }
        audit.record(caller, AUDIT_TYPE, id, AuditService.Action.UPDATE, before, after, null);
        changes.fire(new EntityChanged(EntityChanged.Type.OFFER, id, false));
        return Optional.of(after);
    }

    @Transactional
    public boolean delete(long id, Caller caller) {
        Optional<TransferOffer> existing = findVisible(id, caller);
        if (existing.isEmpty()) {
            return false;
        }
        requireOwner(existing.get().organization.id, caller);
        audit.record(caller, AUDIT_TYPE, id, AuditService.Action.DELETE, toView(existing.get()), null, null);
        existing.get().delete();
        changes.fire(new EntityChanged(EntityChanged.Type.OFFER, id, true));
        return true;
    }

    private void check(OfferView body, Caller caller) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!caller.clearedFor(body.classification())) {
            violations.add(new Problem.Violation("classification", m -> m.above_clearance(String.valueOf(caller.clearance()))));
        }
        taxonomy.checkAreas("areas", body.areas(), violations);
        taxonomy.checkCertifications("requiredCertifications", body.requiredCertifications(), violations);
        if (body.opensAt() != null && body.closesAt() != null && body.closesAt().isBefore(body.opensAt())) {
            violations.add(new Problem.Violation("closesAt", ViolationMessages::closes_before_opens));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** A new offer's fields from the body, normalised as an update normalises them (OfferRows.normalised). */
    private static void apply(TransferOffer t, OfferView body) {
        OfferView n = OfferRows.normalised(body);
        t.title = n.title();
        t.description = n.description();
        t.areas = n.areas().toArray(String[]::new);
        t.transferType = n.transferType();
        t.minTrl = n.minTrl();
        t.minMrl = n.minMrl();
        t.minMonthlyCapacity = n.minMonthlyCapacity();
        t.requiredCertifications = n.requiredCertifications().toArray(String[]::new);
        t.requiredClearance = n.requiredClearance();
        t.classification = n.classification();
        t.maxRiskTier = n.maxRiskTier();
        t.budgetEur = n.budgetEur();
        t.fundingInstrument = n.fundingInstrument();
        t.targetVolume = n.targetVolume();
        t.targetVolumeUnit = n.targetVolumeUnit();
        t.localizationTargetPercent = n.localizationTargetPercent();
        t.exportMlCodes = n.exportControl().mlCodes().toArray(String[]::new);
        t.exportLicenceRequired = n.exportControl().licenceRequired();
        t.opensAt = n.opensAt();
        t.closesAt = n.closesAt();
        t.status = n.status() == null ? OfferStatus.DRAFT : n.status();
    }

    public static OfferView toView(TransferOffer t) {
        return new OfferView(t.id, t.organization.id, t.organization.name, t.organization.country, t.title, t.description,
                Arrays.asList(t.areas), t.transferType, t.minTrl, t.minMrl, t.minMonthlyCapacity,
                Arrays.asList(t.requiredCertifications), t.requiredClearance, t.classification, t.maxRiskTier,
                t.budgetEur, t.fundingInstrument, t.targetVolume, t.targetVolumeUnit, t.localizationTargetPercent,
                new OfferView.ExportControl(Arrays.asList(t.exportMlCodes), t.exportLicenceRequired),
                t.opensAt, t.closesAt, t.status, t.version, t.createdAt, t.updatedAt);
    }
}
