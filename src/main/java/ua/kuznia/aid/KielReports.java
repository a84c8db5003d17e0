package ua.kuznia.aid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import ua.kuznia.common.Missing;
import ua.kuznia.common.ProblemException;

/**
 * Reports over one imported Kiel release: each sums the release's rows of one file, exactly
 * (numeric in PostgreSQL), and names the file and its SHA-256 so every figure can be checked
 * against its source. Without a release the latest one holding that file is used.
 */
@ApplicationScoped
public class KielReports {

    public static final String CREDIT = "Source: Kiel Institute for the World Economy, Ukraine Support Tracker";

    /** The envelope of every Kiel report: which release and file the rows come from. */
    public record Report<T>(String release, String releaseLabel, LocalDate releaseDate, String sourceFile,
                            String sourceSha256, String unit, String credit, List<T> rows) {
    }

    /** data_explorer.csv summed by donor, by year or by both (the unused key is null). EUR bn. */
    public record DonorTotals(String donor, String iso, Integer year, int sourceRows, BigDecimal total,
                              BigDecimal financial, BigDecimal humanitarian, BigDecimal military,
                              BigDecimal commitments) {
    }

    /** procurement_trends.csv summed by year, EUR bn; stockpileShare = stockpile / (stockpile + procurement). */
    public record StocksVsProcurement(int year, int sourceRows, BigDecimal stockpile, BigDecimal procurement,
                                      BigDecimal unspecified, BigDecimal natoPurl, Double stockpileShare) {
    }

    /** weapons.csv by category, by donor or by both; monetaryValueEur in EUR. */
    public record HeavyWeapons(String category, String donor, int sourceRows, long numberOfWeapons,
                               BigDecimal monetaryValueEur) {
    }

    /** total_allocations.csv summed by year, EUR bn. */
    public record Allocations(int year, int sourceRows, BigDecimal totalAllocations, BigDecimal military,
                              BigDecimal financial, BigDecimal humanitarian) {
    }

    public enum DonorGrouping {
        DONOR, YEAR, DONOR_YEAR
    }

    public enum WeaponsGrouping {
        CATEGORY, DONOR, DONOR_CATEGORY
    }

    private record Source(String release, String label, LocalDate date, String fileName, String sha256) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public Report<DonorTotals> totals(String release, DonorGrouping by, Integer year) {
        Source source = source(KielFile.DATA_EXPLORER, release);
        String keys = switch (by) {
            case DONOR -> "country, iso";
            case YEAR -> "year";
            case DONOR_YEAR -> "country, iso, year";
        };
        String order = switch (by) {
            case DONOR -> "sum(total) DESC, country";
            case YEAR -> "year";
            case DONOR_YEAR -> "country, year";
        };
        String yearFilter = year == null ? "" : " AND year = :year";
        List<Object[]> rows = query("SELECT " + keys + ", count(*), sum(total), sum(financial), sum(humanitarian),"
                + " sum(military), sum(commitments) FROM aid_kiel_donor_month WHERE release = :release" + yearFilter
                + " GROUP BY " + keys + " ORDER BY " + order, source, year);
        int k = by == DonorGrouping.YEAR ? 1 : by == DonorGrouping.DONOR ? 2 : 3;
        return report(source, "EUR bn", rows, r -> new DonorTotals(
                by == DonorGrouping.YEAR ? null : (String) r[0], by == DonorGrouping.YEAR ? null : (String) r[1],
                by == DonorGrouping.DONOR ? null : ((Number) r[k - 1]).intValue(), ((Number) r[k]).intValue(),
                decimal(r[k + 1]), decimal(r[k + 2]), decimal(r[k + 3]), decimal(r[k + 4]), decimal(r[k + 5])));
    }

    @Transactional
    public Report<StocksVsProcurement> stocksVsProcurement(String release) {
        Source source = source(KielFile.PROCUREMENT_TRENDS, release);
        List<Object[]> rows = query("SELECT year, count(*), sum(stockpile), sum(procurement), sum(unspecified),"
                + " sum(nato_purl) FROM aid_kiel_procurement_month WHERE release = :release GROUP BY year ORDER BY year",
                source, null);
        return report(source, "EUR bn", rows, r -> {
            BigDecimal stockpile = decimal(r[2]);
            BigDecimal procurement = decimal(r[3]);
            BigDecimal both = stockpile.add(procurement);
            return new StocksVsProcurement(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), stockpile, procurement,
                    decimal(r[4]), decimal(r[5]),
                    both.signum() == 0 ? null : Effectiveness.round(stockpile.divide(both, MathContext.DECIMAL64).doubleValue()));
        });
    }

    @Transactional
    public Report<HeavyWeapons> heavyWeapons(String release, WeaponsGrouping by) {
        Source source = source(KielFile.WEAPONS, release);
        String keys = switch (by) {
            case CATEGORY -> "category";
            case DONOR -> "donor";
            case DONOR_CATEGORY -> "donor, category";
        };
        String order = by == WeaponsGrouping.DONOR_CATEGORY ? "donor, category" : "sum(number_of_weapons) DESC, " + keys;
        List<Object[]> rows = query("SELECT " + keys + ", count(*), sum(number_of_weapons), sum(monetary_value_eur)"
                + " FROM aid_kiel_weapons WHERE release = :release GROUP BY " + keys + " ORDER BY " + order, source, null);
        int k = by == WeaponsGrouping.DONOR_CATEGORY ? 2 : 1;
        return report(source, "pieces; monetaryValueEur in EUR", rows, r -> new HeavyWeapons(
                by == WeaponsGrouping.DONOR ? null : (String) r[k - 1],
                by == WeaponsGrouping.CATEGORY ? null : (String) r[0],
                ((Number) r[k]).intValue(), ((Number) r[k + 1]).longValue(), decimal(r[k + 2])));
    }

    @Transactional
    public Report<Allocations> allocations(String release) {
        Source source = source(KielFile.TOTAL_ALLOCATIONS, release);
        List<Object[]> rows = query("SELECT year, count(*), sum(total_allocations), sum(military), sum(financial),"
                + " sum(humanitarian) FROM aid_kiel_allocation_month WHERE release = :release GROUP BY year ORDER BY year",
                source, null);
        return report(source, "EUR bn", rows, r -> new Allocations(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                decimal(r[2]), decimal(r[3]), decimal(r[4]), decimal(r[5])));
    }

    private Source source(KielFile kind, String release) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("SELECT r.release, r.label, r.release_date, i.file_name, i.sha256"
                        + " FROM aid_import i JOIN aid_release r ON r.release = i.release"
                        + " WHERE i.file_kind = :kind AND (CAST(:release AS text) IS NULL OR r.release = :release)"
                        + " ORDER BY r.release_date DESC NULLS LAST, i.imported_at DESC LIMIT 1")
                .setParameter("kind", kind.name()).setParameter("release", release).getResultList();
        if (found.isEmpty()) {
            throw release == null
                    ? ProblemException.notFound(m -> m.kiel_data_missing(kind.fileName))
                    : ProblemException.notFound(Missing.KIEL_RELEASE, release + " with " + kind.fileName);
        }
        Object[] row = found.get(0);
        return new Source((String) row[0], (String) row[1], toDate(row[2]), (String) row[3], (String) row[4]);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> query(String sql, Source source, Integer year) {
        var query = em.createNativeQuery(sql).setParameter("release", source.release());
        if (year != null) {
            query.setParameter("year", year);
        }
        return query.getResultList();
    }

    private static <T> Report<T> report(Source source, String unit, List<Object[]> rows, Function<Object[], T> row) {
        return new Report<>(source.release(), source.label(), source.date(), source.fileName(), source.sha256(), unit,
                CREDIT + ", release " + source.release(), rows.stream().map(row).toList());
    }

    /**
     * A sum as PostgreSQL computed it; zero without its scale, so JSON shows 0 rather than 0E-15.
     * Null stays null: the column is missing from that release.
     */
    private static BigDecimal decimal(Object value) {
        BigDecimal d = (BigDecimal) value;
        return d == null || d.signum() != 0 ? d : BigDecimal.ZERO;
    }
}
