package ua.kuznia.aid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.SqlFilter;
import ua.kuznia.taxonomy.CapabilityArea;
import ua.kuznia.taxonomy.TaxonomyService;
import ua.kuznia.taxonomy.TransferType;

/**
 * The audit's answers from aid records: per support model how much of what was committed was
 * delivered and how fast, what a unit cost, how the mix changed over the years, and which model
 * worked best in each capability area. All figures are aggregated in PostgreSQL from the rows
 * the filters select, so they reconcile with GET /api/v1/aid/records under the same filters.
 */
@ApplicationScoped
public class SupportModelReports {

    /** Filters shared by the reports; each optional. area includes its descendants; year is the commitment year. */
    public record Filter(String donor, String area, Integer year) {
    }

    public record ModelStats(SupportModel model, List<TransferType> transferTypes, long records,
                             BigDecimal committedValueEur, BigDecimal deliveredValueEur, Double deliveryRatio,
                             Double medianLeadDays, long recordsWithDelivery, double speedScore, Double effectiveness) {
    }

    public record UnitCost(SupportModel model, String area, String unit, long records, BigDecimal deliveredValueEur,
                           BigDecimal deliveredQuantity, BigDecimal eurPerUnit) {
    }

    public record YearShare(int year, SupportModel model, long records, BigDecimal committedValueEur, Double share) {
    }

    /** One support model in one area (the area's records include those of its sub-areas); rank 1 worked best. */
    public record Ranking(String area, Integer rank, SupportModel model, List<TransferType> transferTypes, long records,
                          BigDecimal committedValueEur, BigDecimal deliveredValueEur, Double deliveryRatio,
                          Double medianLeadDays, long recordsWithDelivery, double speedScore, Double effectiveness) {
    }

    /** The aggregate columns every statistic below is computed from, in this order. */
    private static final String STATS = "count(*), sum(r.committed_value_eur), sum(r.delivered_value_eur),"
            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY r.first_delivery_date - r.commitment_date),"
            + " count(r.first_delivery_date)";

    @Inject
    EntityManager em;

    @Inject
    TaxonomyService taxonomy;

    public List<ModelStats> byModel(Filter filter) {
        SqlFilter where = where(filter);
        List<ModelStats> rows = new ArrayList<>();
        for (Object[] row : rows(where, "SELECT r.support_model, " + STATS + " FROM aid_record r" + where.clause()
                + " GROUP BY r.support_model")) {
            SupportModel model = SupportModel.valueOf((String) row[0]);
            Stats s = Stats.of(row, 1);
            rows.add(new ModelStats(model, model.transferTypes(), s.records, s.committed, s.delivered, s.deliveryRatio(),
                    s.medianLeadDays, s.withDelivery, s.speedScore(), s.effectiveness()));
        }
        rows.sort(Comparator.comparing(ModelStats::model));
        return rows;
    }

    public List<UnitCost> costPerUnit(Filter filter) {
        SqlFilter where = where(filter).where("r.delivered_quantity > 0");
        List<UnitCost> rows = new ArrayList<>();
        for (Object[] row : rows(where, "SELECT r.support_model, r.area_code, r.quantity_unit, count(*),"
                + " sum(r.delivered_value_eur), sum(r.delivered_quantity) FROM aid_record r" + where.clause()
                + " GROUP BY r.support_model, r.area_code, r.quantity_unit"
                + " ORDER BY r.support_model, r.area_code, r.quantity_unit")) {
            BigDecimal value = (BigDecimal) row[4];
            BigDecimal quantity = (BigDecimal) row[5];
            rows.add(new UnitCost(SupportModel.valueOf((String) row[0]), (String) row[1], (String) row[2],
                    ((Number) row[3]).longValue(), value, quantity, value.divide(quantity, 2, RoundingMode.HALF_UP)));
        }
        return rows;
    }

    /** Each model's share of the value committed in a year (by commitment date). */
    public List<YearShare> shareByYear(Filter filter) {
        SqlFilter where = where(filter);
        List<Object[]> grouped = rows(where, "SELECT CAST(extract(year FROM r.commitment_date) AS integer) AS y,"
                + " r.support_model, count(*), sum(r.committed_value_eur) FROM aid_record r" + where.clause()
                + " GROUP BY y, r.support_model ORDER BY y, r.support_model");
        Map<Integer, BigDecimal> yearTotals = new HashMap<>();
        for (Object[] row : grouped) {
            yearTotals.merge(((Number) row[0]).intValue(), (BigDecimal) row[3], BigDecimal::add);
        }
        List<YearShare> rows = new ArrayList<>();
        for (Object[] row : grouped) {
            int year = ((Number) row[0]).intValue();
            BigDecimal value = (BigDecimal) row[3];
            BigDecimal total = yearTotals.get(year);
            rows.add(new YearShare(year, SupportModel.valueOf((String) row[1]), ((Number) row[2]).longValue(), value,
                    total.signum() == 0 ? null : Effectiveness.round(value.divide(total, MathContext.DECIMAL64).doubleValue())));
        }
        return rows;
    }

    /**
     * "What worked best": every support model in every area that has records, ranked by
     * effectiveness within the area (models without a score last, unranked). An area counts the
     * records of its sub-areas, so "munitions" answers for all ammunition.
     */
    public List<Ranking> ranking(Filter filter) {
        SqlFilter where = where(new Filter(filter.donor(), null, filter.year()));
        if (filter.area() != null) {
            checkArea(filter.area());
            where.where("(a.code = :rankArea OR a.code LIKE :rankAreaPrefix)", "rankArea", filter.area())
                    .param("rankAreaPrefix", SqlFilter.descendantPattern(filter.area()));
        }
        String sql = "SELECT a.code, r.support_model, " + STATS + " FROM aid_record r"
                + " JOIN capability_area a ON r.area_code = a.code OR r.area_code LIKE a.code || '.%'"
                + where.clause() + " GROUP BY a.code, r.support_model";
        Map<String, Integer> order = new HashMap<>();
        List<CapabilityArea> areas = taxonomy.areasInOrder();
        for (int i = 0; i < areas.size(); i++) {
            order.put(areas.get(i).code, i);
        }
        List<Ranking> unranked = new ArrayList<>();
        for (Object[] row : rows(where, sql)) {
            SupportModel model = SupportModel.valueOf((String) row[1]);
            Stats s = Stats.of(row, 2);
            unranked.add(new Ranking((String) row[0], null, model, model.transferTypes(), s.records, s.committed,
                    s.delivered, s.deliveryRatio(), s.medianLeadDays, s.withDelivery, s.speedScore(), s.effectiveness()));
        }
        unranked.sort(Comparator.<Ranking>comparingInt(r -> order.getOrDefault(r.area(), Integer.MAX_VALUE))
                .thenComparing(Ranking::effectiveness, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Ranking::model));
        List<Ranking> ranked = new ArrayList<>();
        String area = null;
        int rank = 0;
        for (Ranking r : unranked) {
            rank = r.area().equals(area) ? rank + 1 : 1;
            area = r.area();
            ranked.add(new Ranking(r.area(), r.effectiveness() == null ? null : rank, r.model(), r.transferTypes(),
                    r.records(), r.committedValueEur(), r.deliveredValueEur(), r.deliveryRatio(), r.medianLeadDays(),
                    r.recordsWithDelivery(), r.speedScore(), r.effectiveness()));
        }
        return ranked;
    }

    private SqlFilter where(Filter filter) {
        SqlFilter where = new SqlFilter();
        if (filter.donor() != null && !filter.donor().isBlank()) {
            where.where("r.donor_country = :donor", "donor", filter.donor().strip().toUpperCase(Locale.ROOT));
        }
        if (filter.area() != null) {
            checkArea(filter.area());
            where.where("(r.area_code = :area OR r.area_code LIKE :areaPrefix)", "area", filter.area())
                    .param("areaPrefix", SqlFilter.descendantPattern(filter.area()));
        }
        if (filter.year() != null) {
            where.where("r.commitment_date >= make_date(:year, 1, 1) AND r.commitment_date < make_date(:year + 1, 1, 1)",
                    "year", filter.year());
        }
        return where;
    }

    private void checkArea(String area) {
        List<Problem.Violation> violations = new ArrayList<>();
        taxonomy.checkArea("area", area, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(SqlFilter where, String sql) {
        return where.bind(em.createNativeQuery(sql)).getResultList();
    }

    /** The aggregate columns of {@link #STATS}, read from a result row starting at {@code from}. */
    private record Stats(long records, BigDecimal committed, BigDecimal delivered, Double medianLeadDays, long withDelivery) {

        static Stats of(Object[] row, int from) {
            return new Stats(((Number) row[from]).longValue(), (BigDecimal) row[from + 1], (BigDecimal) row[from + 2],
                    row[from + 3] == null ? null : ((Number) row[from + 3]).doubleValue(),
                    ((Number) row[from + 4]).longValue());
        }

        Double deliveryRatio() {
            return Effectiveness.deliveryRatio(committed, delivered);
        }

        double speedScore() {
            return Effectiveness.speedScore(medianLeadDays);
        }

        Double effectiveness() {
            return Effectiveness.score(deliveryRatio(), speedScore());
        }
    }
}
