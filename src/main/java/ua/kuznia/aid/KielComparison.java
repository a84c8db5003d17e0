package ua.kuznia.aid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two Kiel releases side by side: total aid by donor in each, and how much it changed. Every
 * figure is a row of {@link KielReports#totals} for one release, the report the single-release
 * page and API show; nothing is summed here, only matched and subtracted.
 */
@ApplicationScoped
public class KielComparison {

    /** Which release one side is, and the file its figures come from. */
    public record Side(String release, String releaseLabel, LocalDate releaseDate, String sourceFile, String sourceSha256) {

        static Side of(KielReports.Report<?> report) {
            return new Side(report.release(), report.releaseLabel(), report.releaseDate(), report.sourceFile(),
                    report.sourceSha256());
        }
    }

    /**
     * One donor in both releases, EUR bn. A donor missing from one release has null there and no
     * difference: the release does not report it, which is not the same as reporting zero.
     */
    public record DonorChange(String donor, String iso, BigDecimal totalA, BigDecimal totalB, BigDecimal difference) {
    }

    public record Comparison(Side a, Side b, String unit, String method, String credit, List<DonorChange> rows) {
    }

    static final String METHOD = "totalA and totalB are the donor's total in GET /api/v1/aid/reports/totals?by=donor"
            + " of releases a and b; difference = totalB - totalA, only where both releases list the donor";

    @Inject
    KielReports kiel;

    /** Donors in release b's order (largest total first), then those only release a lists, in its order. */
    public Comparison totalsByDonor(String a, String b) {
        KielReports.Report<KielReports.DonorTotals> first = kiel.totals(a, KielReports.DonorGrouping.DONOR, null);
        KielReports.Report<KielReports.DonorTotals> second = kiel.totals(b, KielReports.DonorGrouping.DONOR, null);
        Map<String, KielReports.DonorTotals> inA = new LinkedHashMap<>();
        first.rows().forEach(r -> inA.put(key(r), r));
        List<DonorChange> rows = new ArrayList<>();
        for (KielReports.DonorTotals r : second.rows()) {
            KielReports.DonorTotals before = inA.remove(key(r));
            rows.add(new DonorChange(r.donor(), r.iso(), before == null ? null : before.total(), r.total(),
                    before == null || before.total() == null || r.total() == null ? null : r.total().subtract(before.total())));
        }
        inA.values().forEach(r -> rows.add(new DonorChange(r.donor(), r.iso(), r.total(), null, null)));
        return new Comparison(Side.of(first), Side.of(second), second.unit(), METHOD,
                KielReports.CREDIT + ", releases " + first.release() + " and " + second.release(), rows);
    }

    /** The ISO code names a donor across releases even where the tracker renamed it. */
    private static String key(KielReports.DonorTotals row) {
        return row.iso() == null || row.iso().isBlank() ? "name:" + row.donor() : row.iso();
    }
}
