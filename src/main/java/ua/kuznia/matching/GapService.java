package ua.kuznia.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import ua.kuznia.identity.Caller;

/**
 * Where supply, demand and partnerships stand per capability area, so coordinators see which
 * priorities have no partner yet. An area counts everything in its sub-areas too; offers (and so
 * their matches) above the caller's clearance are left out of the counts.
 */
@ApplicationScoped
public class GapService {

    /** A rule-set priority at or above this marks an area as one of the priorities. */
    public static final double PRIORITY_THRESHOLD = 0.5;

    /**
     * @param ukrainianCapacity sum of the monthly capacities that published profiles declare in the
     *                          area (as declared: units differ between capabilities)
     * @param suggestedPartnerships matches still open: suggested, with interest, or under review
     * @param noPartnerYet      a priority area without any approved partnership
     */
    public record AreaGap(String area, String parentArea, String nameEn, String nameUk, Double priority,
                          boolean priorityArea, long manufacturers, double ukrainianCapacity, long openOffers,
                          long suggestedPartnerships, long approvedPartnerships, boolean noPartnerYet) {
    }

    private static final String UNDER = "(%1$s = a.code OR %1$s LIKE a.code || '.%%')";

    private static final String SQL = "SELECT a.code, a.parent_code, a.name_en, a.name_uk,"
            + " (SELECT count(DISTINCT p.id) FROM profile_capability c JOIN manufacturer_profile p ON p.id = c.profile_id"
            + "   WHERE p.status = 'PUBLISHED' AND " + UNDER.formatted("c.area_code") + "),"
            + " (SELECT coalesce(sum(c.monthly_capacity), 0) FROM profile_capability c"
            + "   JOIN manufacturer_profile p ON p.id = c.profile_id"
            + "   WHERE p.status = 'PUBLISHED' AND " + UNDER.formatted("c.area_code") + "),"
            + " (SELECT count(*) FROM transfer_offer t WHERE t.status = 'OPEN' AND t.classification IN (:levels)"
            + "   AND EXISTS (SELECT 1 FROM unnest(t.areas) AS x(code) WHERE " + UNDER.formatted("x.code") + ")),"
            + " (SELECT count(*) FROM match_result m JOIN transfer_offer t ON t.id = m.offer_id"
            + "   WHERE m.status IN ('SUGGESTED', 'MANUFACTURER_INTEREST', 'MINISTRY_INTEREST', 'MUTUAL_INTEREST', 'UNDER_REVIEW')"
            + "   AND t.classification IN (:levels)"
            + "   AND EXISTS (SELECT 1 FROM unnest(t.areas) AS x(code) WHERE " + UNDER.formatted("x.code") + ")),"
            + " (SELECT count(*) FROM match_result m JOIN transfer_offer t ON t.id = m.offer_id"
            + "   WHERE m.status = 'APPROVED' AND t.classification IN (:levels)"
            + "   AND EXISTS (SELECT 1 FROM unnest(t.areas) AS x(code) WHERE " + UNDER.formatted("x.code") + "))"
            + " FROM capability_area a ORDER BY a.sort_order, a.code";

    @Inject
    EntityManager em;

    @Inject
    RuleSetService ruleSets;

    /** Every capability area in taxonomy order, with the current rule set's priority. */
    @Transactional
    public List<AreaGap> gaps(Caller caller) {
        Map<String, Double> priorities = ruleSets.current().areaPriorities();
        List<String> levels = caller.clearedLevels();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL).setParameter("levels", levels).getResultList();
        return rows.stream().map(r -> {
            String code = (String) r[0];
            Double priority = priorities.get(code);
            boolean priorityArea = priority != null && priority >= PRIORITY_THRESHOLD;
            long approved = ((Number) r[8]).longValue();
            return new AreaGap(code, (String) r[1], (String) r[2], (String) r[3], priority, priorityArea,
                    ((Number) r[4]).longValue(), ((Number) r[5]).doubleValue(), ((Number) r[6]).longValue(),
                    ((Number) r[7]).longValue(), approved, priorityArea && approved == 0);
        }).toList();
    }
}
