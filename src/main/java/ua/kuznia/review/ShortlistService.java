package ua.kuznia.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ua.kuznia.common.Missing;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.AuditService;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.Roles;
import ua.kuznia.offer.OfferService;
import ua.kuznia.offer.TransferOffer;
import ua.kuznia.profile.ManufacturerProfile;
import ua.kuznia.profile.ProfileService;

/**
 * A ministry's shortlist of candidates for its own offer. Only the ministry that posted the offer
 * changes it; coordinators and auditors read it. A candidate must be a profile the ministry may
 * see (a published one), so the list never names a profile its owner has not published.
 */
@ApplicationScoped
public class ShortlistService {

    public record Entry(long profileId, String legalName, String edrpou, String addedBy, Instant addedAt) {
    }

    static final String AUDIT_TYPE = "SHORTLIST";

    @Inject
    EntityManager em;

    @Inject
    OfferService offers;

    @Inject
    ProfileService profiles;

    @Inject
    AuditService audit;

    public List<Entry> list(long offerId, Caller caller) {
        readable(offerId, caller);
        // A candidate unpublished since it was added leaves the ministry's list (and comes back if
        // published again): the ministry may no longer see it. Staff read every profile.
        String published = caller.readsEverything() ? "" : " AND p.status = 'PUBLISHED'";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.profile_id, p.legal_name, p.edrpou, s.added_by, s.added_at"
                        + " FROM offer_shortlist s JOIN manufacturer_profile p ON p.id = s.profile_id"
                        + " WHERE s.offer_id = :offer" + published + " ORDER BY s.added_at, s.profile_id")
                .setParameter("offer", offerId).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                r[4] instanceof OffsetDateTime t ? t.toInstant() : (Instant) r[4])).toList();
    }

    public Set<Long> profileIds(long offerId, Caller caller) {
        return list(offerId, caller).stream().map(Entry::profileId).collect(Collectors.toSet());
    }

    /** Marks a candidate; marking one already on the list changes nothing. */
    @Transactional
    public void add(long offerId, long profileId, Caller caller) {
        owned(offerId, caller);
        ManufacturerProfile profile = profiles.findEntity(profileId).filter(p -> ProfileService.visibleTo(p, caller))
                .orElseThrow(() -> ProblemException.notFound(Missing.PROFILE, profileId));
        int inserted = em.createNativeQuery("INSERT INTO offer_shortlist (offer_id, profile_id, added_by)"
                        + " VALUES (:offer, :profile, :by) ON CONFLICT DO NOTHING")
                .setParameter("offer", offerId).setParameter("profile", profile.id).setParameter("by", caller.username())
                .executeUpdate();
        if (inserted > 0) {
            audit.record(caller, AUDIT_TYPE, offerId, AuditService.Action.UPDATE, null, change(profileId, true), null);
        }
    }

    @Transactional
    public void remove(long offerId, long profileId, Caller caller) {
        owned(offerId, caller);
        int removed = em.createNativeQuery("DELETE FROM offer_shortlist WHERE offer_id = :offer AND profile_id = :profile")
                .setParameter("offer", offerId).setParameter("profile", profileId).executeUpdate();
        if (removed > 0) {
            audit.record(caller, AUDIT_TYPE, offerId, AuditService.Action.UPDATE, change(profileId, true), change(profileId, false), null);
        }
    }

    private static Map<String, Object> change(long profileId, boolean listed) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("profile" + profileId, listed);
        return state;
    }

    private TransferOffer readable(long offerId, Caller caller) {
        TransferOffer offer = offers.findVisible(offerId, caller).orElseThrow(() -> ProblemException.notFound(Missing.OFFER, offerId));
        if (!caller.readsEverything() && !(caller.has(Roles.MINISTRY) && caller.belongsTo(offer.organization.id))) {
            throw ProblemException.forbidden(ViolationMessages::forbidden_shortlist_read);
        }
        return offer;
    }

    private TransferOffer owned(long offerId, Caller caller) {
        TransferOffer offer = readable(offerId, caller);
        if (!caller.has(Roles.MINISTRY) || !caller.belongsTo(offer.organization.id)) {
            throw ProblemException.forbidden(ViolationMessages::forbidden_shortlist_change);
        }
        return offer;
    }
}
