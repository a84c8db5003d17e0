package ua.kuznia.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.SqlFilter;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.Roles;
import ua.kuznia.matching.engine.Explanation;
import ua.kuznia.offer.OfferService;
import ua.kuznia.offer.OfferView;
import ua.kuznia.offer.TransferOffer;
import ua.kuznia.profile.ManufacturerProfile;
import ua.kuznia.profile.ProfileService;

/**
 * Persisted matches and live explanations, seen through the same need-to-know rules as offers
 * and profiles: a caller never learns of an offer above its clearance, a manufacturer sees only
 * its own matches, a ministry only those of its own offers.
 */
@ApplicationScoped
public class MatchQueryService {

    public record MatchView(long id, long offerId, String offerTitle, long manufacturerId, String manufacturerName,
                            double score, Integer rank, int ruleSetVersion, String status, String staleRule,
                            Instant updatedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    OfferService offers;

    @Inject
    ProfileService profiles;

    @Inject
    MatchingService matching;

    public Page<MatchView> forOffer(long offerId, PageRequest page, Caller caller) {
        OfferView offer = offers.find(offerId, caller).orElseThrow(() -> ProblemException.notFound(Missing.OFFER, offerId));
        SqlFilter where = visibleTo(caller).where("m.offer_id = :offerId", "offerId", offerId);
        if (caller.has(Roles.MINISTRY) && !caller.readsEverything() && !caller.belongsTo(offer.organizationId())) {
            throw ProblemException.forbidden(ViolationMessages::forbidden_candidates);
        }
        return page(where, page);
    }

    public Page<MatchView> forManufacturer(long profileId, PageRequest page, Caller caller) {
        if (!profiles.isVisible(profileId, caller)) {
            throw ProblemException.notFound(Missing.PROFILE, profileId);
        }
        return page(visibleTo(caller).where("m.profile_id = :profileId", "profileId", profileId), page);
    }

    public Explanation explain(long offerId, long profileId, Caller caller) {
        TransferOffer offer = offers.findVisible(offerId, caller).orElseThrow(() -> ProblemException.notFound(Missing.OFFER, offerId));
        ManufacturerProfile profile = profiles.findEntity(profileId).filter(p -> ProfileService.visibleTo(p, caller))
                .orElseThrow(() -> ProblemException.notFound(Missing.PROFILE, profileId));
        if (!caller.readsEverything() && caller.has(Roles.MINISTRY) && !caller.belongsTo(offer.organization.id)) {
            throw ProblemException.forbidden(ViolationMessages::forbidden_explanations);
        }
        try {
            return matching.engine().explain(offer.id, profile.id);
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound(m -> m.pair_missing(offerId, profileId));
        }
    }

    /** The stored match of a pair, if the matcher keeps one; callers check visibility themselves. */
    public Long matchId(long offerId, long profileId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM match_result WHERE offer_id = :offer AND profile_id = :profile")
                .setParameter("offer", offerId).setParameter("profile", profileId).getResultList();
        return ids.isEmpty() ? null : ids.get(0).longValue();
    }

    /**
     * The one rule of which matches a caller sees, whatever asks: the lists here, the review queue,
     * the single read and the match pages. A match exists for a caller only while the caller may
     * see both its offer and its profile, and only for the caller's side of it: staff read every
     * match, a manufacturer those of its own profiles, a ministry those of its own offers. So a
     * match of a closed offer stays, read-only, with staff, the offer's ministry and, if someone
     * acted on it, the manufacturer (see {@link OfferService#visibleTo(Caller)}); a draft offer's
     * leaves the manufacturer, who no longer sees the offer; a match of an unpublished profile
     * stays with staff and the manufacturer, and leaves the ministry. Over
     * {@code match_result m}, {@code transfer_offer t} and {@code manufacturer_profile p}.
     */
    public static SqlFilter visibleTo(Caller caller) {
        SqlFilter filter = OfferService.visibleTo(caller).and(ProfileService.visibleTo(caller));
        if (caller.readsEverything()) {
            return filter;
        }
        if (caller.has(Roles.MANUFACTURER)) {
            return filter.where("p.organization_id = :scopeOrganization", "scopeOrganization", caller.organizationId());
        }
        if (caller.has(Roles.MINISTRY)) {
            return filter.where("t.organization_id = :scopeOrganization", "scopeOrganization", caller.organizationId());
        }
        return filter.where("false");
    }

    private Page<MatchView> page(SqlFilter where, PageRequest page) {
        String from = " FROM match_result m JOIN transfer_offer t ON t.id = m.offer_id"
                + " JOIN manufacturer_profile p ON p.id = m.profile_id";
        SqlFilter.CountedPage found = where.countedPage(em, "SELECT m.id, m.offer_id, t.title, m.profile_id, p.legal_name,"
                + " m.score, m.rank, m.ruleset_version, m.status, m.stale_rule, m.updated_at", from,
                " ORDER BY m.score DESC, m.profile_id, m.offer_id", page);
        return new Page<>(found.rows().stream().map(r -> new MatchView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], ((Number) r[3]).longValue(), (String) r[4], ((Number) r[5]).doubleValue(),
                r[6] == null ? null : ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), (String) r[8], (String) r[9],
                r[10] instanceof OffsetDateTime t ? t.toInstant() : (Instant) r[10])).toList(), page.page, page.size, found.total());
    }
}
