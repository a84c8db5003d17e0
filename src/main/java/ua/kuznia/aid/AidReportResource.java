package ua.kuznia.aid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.kuznia.common.CsvWriter;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.Roles;

/**
 * The audit reports, as JSON (rows with their source) or as CSV (the rows) when the client asks
 * for text/csv or passes format=csv, which a browser link can do.
 */
@Path("/api/v1/aid/reports")
@Produces({MediaType.APPLICATION_JSON, AidReportResource.TEXT_CSV})
@RolesAllowed({Roles.AUDITOR, Roles.COORDINATOR, Roles.ADMIN})
@Tag(name = "Aid audit")
public class AidReportResource {

    static final String TEXT_CSV = "text/csv";
    private static final MediaType CSV = MediaType.valueOf(TEXT_CSV);

    /** Rows computed from aid records, with the method behind derived figures. */
    public record RecordsReport<T>(String source, String method, List<T> rows) {
    }

    private static final String RECORDS_SOURCE = "aid records (GET /api/v1/aid/records with the same filters)";

    @Inject
    KielReports kiel;

    @Inject
    SupportModelReports models;

    @Inject
    KielComparison comparison;

    @Inject
    HttpHeaders headers;

    @GET
    @Path("/totals")
    @Operation(summary = "Kiel data_explorer: total, financial, humanitarian and military aid (EUR bn) by donor, year or both")
    public Response totals(@Parameter(description = "Kiel release; default the latest") @QueryParam("release") String release,
                           @Parameter(description = "donor (default), year or donor-year") @QueryParam("by") String by,
                           @Parameter(description = "Only this year") @QueryParam("year") @Min(1990) @Max(2100) Integer year,
                           @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        KielReports.Report<KielReports.DonorTotals> report = kiel.totals(release,
                grouping("by", by, KielReports.DonorGrouping.class, KielReports.DonorGrouping.DONOR), year);
        return render(report, report.rows(), KielReports.DonorTotals.class, format, "kiel-" + report.release() + "-totals");
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Kiel data_explorer: total aid (EUR bn) by donor in two releases side by side, with the change")
    public Response compare(@Parameter(description = "The earlier release") @QueryParam("a") String a,
                            @Parameter(description = "The later release") @QueryParam("b") String b,
                            @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        List<Problem.Violation> missing = new ArrayList<>();
        if (a == null || a.isBlank()) {
            missing.add(new Problem.Violation("a", ViolationMessages::required));
        }
        if (b == null || b.isBlank()) {
            missing.add(new Problem.Violation("b", ViolationMessages::required));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        KielComparison.Comparison report = comparison.totalsByDonor(a.strip(), b.strip());
        return render(report, report.rows(), KielComparison.DonorChange.class, format,
                "kiel-" + report.a().release() + "-vs-" + report.b().release() + "-totals");
    }

    @GET
    @Path("/stocks-vs-procurement")
    @Operation(summary = "Kiel procurement_trends: military aid from stocks versus procurement from industry per year (EUR bn)")
    public Response stocksVsProcurement(@QueryParam("release") String release, @QueryParam("format") String format) {
        KielReports.Report<KielReports.StocksVsProcurement> report = kiel.stocksVsProcurement(release);
        return render(report, report.rows(), KielReports.StocksVsProcurement.class, format,
                "kiel-" + report.release() + "-stocks-vs-procurement");
    }

    @GET
    @Path("/heavy-weapons")
    @Operation(summary = "Kiel weapons: heavy weapons pledged by category, donor or both (pieces and EUR)")
    public Response heavyWeapons(@QueryParam("release") String release,
                                 @Parameter(description = "category (default), donor or donor-category") @QueryParam("by") String by,
                                 @QueryParam("format") String format) {
        KielReports.Report<KielReports.HeavyWeapons> report = kiel.heavyWeapons(release,
                grouping("by", by, KielReports.WeaponsGrouping.class, KielReports.WeaponsGrouping.CATEGORY));
        return render(report, report.rows(), KielReports.HeavyWeapons.class, format, "kiel-" + report.release() + "-heavy-weapons");
    }

    @GET
    @Path("/allocations")
    @Operation(summary = "Kiel total_allocations: allocated aid per year (EUR bn)")
    public Response allocations(@QueryParam("release") String release, @QueryParam("format") String format) {
        KielReports.Report<KielReports.Allocations> report = kiel.allocations(release);
        return render(report, report.rows(), KielReports.Allocations.class, format, "kiel-" + report.release() + "-allocations");
    }

    @GET
    @Path("/support-models")
    @Operation(summary = "Per support model: committed and delivered value, delivery ratio, median lead time, effectiveness")
    public Response supportModels(@QueryParam("donor") String donor, @QueryParam("area") String area,
                                  @QueryParam("year") @Min(1990) @Max(2100) Integer year, @QueryParam("format") String format) {
        List<SupportModelReports.ModelStats> rows = models.byModel(new SupportModelReports.Filter(donor, area, year));
        return render(new RecordsReport<>(RECORDS_SOURCE, Effectiveness.FORMULA, rows), rows,
                SupportModelReports.ModelStats.class, format, "support-models");
    }

    @GET
    @Path("/support-models/cost-per-unit")
    @Operation(summary = "Delivered value per delivered unit, by support model, area and unit (records with a delivered quantity)")
    public Response costPerUnit(@QueryParam("donor") String donor, @QueryParam("area") String area,
                                @QueryParam("year") @Min(1990) @Max(2100) Integer year, @QueryParam("format") String format) {
        List<SupportModelReports.UnitCost> rows = models.costPerUnit(new SupportModelReports.Filter(donor, area, year));
        return render(new RecordsReport<>(RECORDS_SOURCE, "eurPerUnit = sum of delivered value / sum of delivered quantity,"
                + " rounded to cents", rows), rows, SupportModelReports.UnitCost.class, format, "support-models-cost-per-unit");
    }

    @GET
    @Path("/support-models/share-by-year")
    @Operation(summary = "Each support model's share of the value committed per year")
    public Response shareByYear(@QueryParam("donor") String donor, @QueryParam("area") String area,
                                @QueryParam("format") String format) {
        List<SupportModelReports.YearShare> rows = models.shareByYear(new SupportModelReports.Filter(donor, area, null));
        return render(new RecordsReport<>(RECORDS_SOURCE, "share = committed value of the model in the year / committed"
                + " value of all models in the year (by commitment date)", rows), rows,
                SupportModelReports.YearShare.class, format, "support-models-share-by-year");
    }

    @GET
    @Path("/what-worked-best")
    @Operation(summary = "Support models ranked by effectiveness within each capability area (an area includes its sub-areas)")
    public Response whatWorkedBest(@QueryParam("donor") String donor,
                                   @Parameter(description = "Only this area and its sub-areas") @QueryParam("area") String area,
                                   @QueryParam("year") @Min(1990) @Max(2100) Integer year, @QueryParam("format") String format) {
        List<SupportModelReports.Ranking> rows = models.ranking(new SupportModelReports.Filter(donor, area, year));
        return render(new RecordsReport<>(RECORDS_SOURCE, Effectiveness.FORMULA, rows), rows,
                SupportModelReports.Ranking.class, format, "what-worked-best");
    }

    private Response render(Object report, List<? extends Record> rows, Class<? extends Record> type, String format,
                            String name) {
        if (!wantsCsv(format)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(CsvWriter.write(rows, type), CSV.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    private boolean wantsCsv(String format) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalid("format", ViolationMessages::format_json_or_csv);
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }

    /** Groupings are written in lower case with dashes (donor-year); the enum has DONOR_YEAR. */
    static <E extends Enum<E>> E grouping(String field, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "unknown value '" + value + "'; allowed values: "
                        + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining(", "))));
    }
}
