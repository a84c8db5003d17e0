package ua.kuznia.aid;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;
import ua.kuznia.taxonomy.TaxonomyChoices;
import ua.kuznia.taxonomy.TaxonomyLabels;
import ua.kuznia.web.FormErrors;
import ua.kuznia.web.UiContext;

/**
 * The aid audit in the browser: uploads of Kiel exports and aid-record files (refused files list
 * every problem by line and column), one aid record typed into a form, the reports as
 * server-drawn SVG charts each with its data table, two Kiel releases compared side by side, and
 * the effectiveness feed with the coordinator's overrides. Auditors read only.
 */
@Path("/ui/aid")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
public class AidPages {

    static final int TOP = 15;

    /** The Kiel charts of one release; null when no release holds the file. */
    public record KielView(KielReports.Report<KielReports.DonorTotals> donors, BarChart donorChart,
                           KielReports.Report<KielReports.DonorTotals> years, BarChart yearChart,
                           KielReports.Report<KielReports.StocksVsProcurement> stocks, BarChart stocksChart,
                           KielReports.Report<KielReports.HeavyWeapons> weaponsByCategory, BarChart weaponsCategoryChart,
                           KielReports.Report<KielReports.HeavyWeapons> weaponsByDonor, BarChart weaponsDonorChart) {
    }

    public record ModelsView(List<SupportModelReports.ModelStats> models, BarChart deliveryChart,
                             List<SupportModelReports.UnitCost> costs, List<SupportModelReports.YearShare> shares,
                             BarChart shareChart, List<RankingRow> ranking) {
    }

    public record RankingRow(SupportModelReports.Ranking ranking, String areaName) {
    }

    /** A rule-set key with the audit's value and the override as typed. */
    public record OverrideRow(String key, Double audit, String value, String error) {
    }

    /** What an upload left to show: which form, and its problems by location, in the page's language. */
    public record UploadProblems(String form, String detail, List<UploadProblem> violations) {
    }

    /** One problem of a refused file: where it is (a file, line and column) and what is wrong there. */
    public record UploadProblem(String where, String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance aid(boolean canEdit, List<KielImportService.ReleaseView> releases, String release,
                                           KielView kiel, ModelsView models, EffectivenessFeed.Feed feed,
                                           List<OverrideRow> overrides, String extraKey, String extraValue, String note,
                                           Map<String, String> errors, UploadProblems upload, String kielRelease,
                                           String kielImported, Integer recordsImported, Integer applied, Long recorded);

        static native TemplateInstance record(AidRecordForm form, FormErrors errors, List<TaxonomyChoices.Choice> areas,
                                              List<SupportModel> models);

        static native TemplateInstance compare(List<KielImportService.ReleaseView> releases, String a, String b,
                                               KielComparison.Comparison comparison);
    }

    @Inject
    KielImportService imports;

    @Inject
    KielReports kiel;

    @Inject
    SupportModelReports models;

    @Inject
    AidRecordService records;

    @Inject
    EffectivenessFeed feed;

    @Inject
    CallerService callers;

    @Inject
    TaxonomyLabels labels;

    @Inject
    KielComparison comparison;

    @Inject
    UiContext ui;

    @GET
    public TemplateInstance page(@QueryParam("release") String release, @QueryParam("kiel") String kielImported,
                                 @QueryParam("records") Integer recordsImported, @QueryParam("applied") Integer applied,
                                 @QueryParam("recorded") Long recorded) {
        return page(release, null, null, null, null, Map.of(), null, null, kielImported, recordsImported, applied, recorded);
    }

    @GET
    @Path("records/new")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public TemplateInstance newRecord() {
        return recordForm(AidRecordForm.blank(), FormErrors.none());
    }

    /** One aid record typed in; checked and stored by the service behind POST /api/v1/aid/records. */
    @POST
    @Path("records/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response createRecord(@RestForm String donorCountry, @RestForm String asOfDate, @RestForm String supportModel,
                                 @RestForm String area, @RestForm String commitmentDate, @RestForm String committedValueEur,
                                 @RestForm String deliveredValueEur, @RestForm String committedQuantity,
                                 @RestForm String deliveredQuantity, @RestForm String quantityUnit,
                                 @RestForm String firstDeliveryDate, @RestForm String lastDeliveryDate,
                                 @RestForm String source, @RestForm String notes) {
        AidRecordForm form = new AidRecordForm(donorCountry, asOfDate, supportModel, area, commitmentDate, committedValueEur,
                deliveredValueEur, committedQuantity, deliveredQuantity, quantityUnit, firstDeliveryDate, lastDeliveryDate,
                source, notes);
        try {
            List<Problem.Violation> unreadable = new ArrayList<>();
            AidRecordView created = records.create(form.toView(unreadable), unreadable, callers.current());
            return Response.seeOther(URI.create("/ui/aid?recorded=" + created.id() + "#record-saved")).build();
        } catch (ProblemException problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(422).entity(recordForm(form, FormErrors.of(problem, ui.locale()))).build();
        }
    }

    /** Total aid by donor in two Kiel releases side by side; without a choice, the two latest releases. */
    @GET
    @Path("compare")
    public TemplateInstance compare(@QueryParam("a") String a, @QueryParam("b") String b) {
        List<KielImportService.ReleaseView> releases = imports.releases();
        String second = b == null || b.isBlank() ? (releases.isEmpty() ? null : releases.get(0).release()) : b.strip();
        String first = a == null || a.isBlank() ? (releases.size() < 2 ? second : releases.get(1).release()) : a.strip();
        KielComparison.Comparison compared = null;
        if (first != null && second != null) {
            try {
                compared = comparison.totalsByDonor(first, second);
            } catch (ProblemException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        return ui.page(Templates.compare(releases, first, second, compared));
    }

    private TemplateInstance recordForm(AidRecordForm form, FormErrors errors) {
        Locale locale = ui.locale();
        return ui.page(Templates.record(form, errors, TaxonomyChoices.areas(locale), List.of(SupportModel.values())));
    }

    @POST
    @Path("kiel")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response importKiel(@RestForm("file") List<FileUpload> files, @RestForm("release") String release) {
        List<FileUpload> chosen = files == null ? List.of() : files.stream().filter(f -> f.size() > 0).toList();
        try {
            KielImportService.ImportSummary summary = imports.importFiles(chosen.stream().map(Uploads::read).toList(), release,
                    callers.current());
            return Response.seeOther(URI.create("/ui/aid?kiel=" + URLEncoder.encode(summary.release(), StandardCharsets.UTF_8)))
                    .build();
        } catch (ProblemException e) {
            return refusedUpload("kiel", e, release);
        }
    }

    @POST
    @Path("records")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response importRecords(@RestForm("file") FileUpload file) {
        try {
            if (file == null || file.size() == 0) {
                throw ProblemException.invalid(List.of(new Problem.Violation(ViolationMessages::place_file,
                        ViolationMessages::choose_csv)));
            }
            KielImportService.IncomingFile incoming = Uploads.read(file);
            AidRecordService.ImportResult result = records.importCsv(incoming.fileName(), incoming.bytes(), callers.current());
            return Response.seeOther(URI.create("/ui/aid?records=" + result.imported())).build();
        } catch (ProblemException e) {
            return refusedUpload("records", e, null);
        }
    }

    @POST
    @Path("effectiveness")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response applyEffectiveness(@RestForm("overrideKey") List<String> keys,
                                       @RestForm("overrideValue") List<String> values, @RestForm String extraKey,
                                       @RestForm String extraValue, @RestForm String note) {
        Map<String, String> typed = new LinkedHashMap<>();
        if (keys != null && values != null) {
            for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                typed.put(keys.get(i), values.get(i));
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Double> overrides = new TreeMap<>();
        ViolationMessages texts = Problem.Text.messages(ui.locale());
        typed.forEach((key, value) -> parse(key, value, "supportEffectiveness." + key, overrides, errors, texts));
        if (extraKey != null && !extraKey.isBlank()) {
            parse(extraKey.strip(), extraValue, "extraValue", overrides, errors, texts);
        } else if (extraValue != null && !extraValue.isBlank()) {
            errors.put("extraKey", texts.required_with_value());
        }
        if (errors.isEmpty()) {
            try {
                EffectivenessFeed.Applied done = feed.apply(overrides, note, callers.current());
                return Response.seeOther(URI.create("/ui/aid?applied=" + done.ruleSet().version() + "#effectiveness")).build();
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                for (Problem.Violation v : e.toProblem(null).violations) {
                    String field = extraKey != null && v.field().equals("supportEffectiveness." + extraKey.strip())
                            && !typed.containsKey(extraKey.strip()) ? "extraKey" : v.field();
                    errors.merge(field, v.messageIn(ui.locale()), (a, b) -> a + "; " + b);
                }
            }
        }
        return Response.status(422)
                .entity(page(null, typed, extraKey, extraValue, note, errors, null, null, null, null, null, null)).build();
    }

    private static void parse(String key, String value, String field, Map<String, Double> overrides,
                              Map<String, String> errors, ViolationMessages texts) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            double parsed = Double.parseDouble(value.strip().replace(',', '.'));
            if (!(parsed >= 0 && parsed <= 1)) {
                // Also "NaN" and "Infinity", which parse.
                errors.put(field, texts.number_between(0, 1));
                return;
            }
            overrides.put(key, parsed);
        } catch (NumberFormatException e) {
            errors.put(field, texts.number_between(0, 1));
        }
    }

    /**
     * Lists every problem of a refused file; the Kiel form comes back with its release as typed, so
     * only the files (which no browser refills) need choosing again.
     */
    private Response refusedUpload(String form, ProblemException e, String kielRelease) {
        if (e.status() != 400 && e.status() != 409) {
            throw e;
        }
        Locale locale = ui.locale();
        UploadProblems problems = new UploadProblems(form, e.detailIn(locale), e.violations().stream()
                .map(v -> new UploadProblem(v.fieldIn(locale), v.messageIn(locale))).toList());
        return Response.status(e.status() == 409 ? 409 : 422)
                .entity(page(null, null, null, null, null, Map.of(), problems, kielRelease, null, null, null, null)).build();
    }

    private TemplateInstance page(String release, Map<String, String> typedOverrides, String extraKey, String extraValue,
                                  String note, Map<String, String> errors, UploadProblems upload, String kielRelease,
                                  String kielImported, Integer recordsImported, Integer applied, Long recorded) {
        Caller caller = callers.current();
        boolean canEdit = caller.has(Roles.COORDINATOR) || caller.has(Roles.ADMIN);
        Locale locale = ui.locale();
        List<KielImportService.ReleaseView> releases = imports.releases();
        String chosen = release == null || release.isBlank() ? null : release.strip();
        EffectivenessFeed.Feed effectiveness = feed.feed();
        List<OverrideRow> overrides = new ArrayList<>();
        effectiveness.supportEffectiveness().forEach((key, value) -> overrides.add(new OverrideRow(key, value,
                typedOverrides == null ? "" : typedOverrides.getOrDefault(key, ""), errors.get("supportEffectiveness." + key))));
        return ui.page(Templates.aid(canEdit, releases, chosen, kielView(chosen, locale), modelsView(locale), effectiveness,
                overrides, extraKey, extraValue, note, errors, upload, kielRelease, kielImported, recordsImported, applied,
                recorded));
    }

    private KielView kielView(String release, Locale locale) {
        try {
            var donors = kiel.totals(release, KielReports.DonorGrouping.DONOR, null);
            var years = kiel.totals(release, KielReports.DonorGrouping.YEAR, null);
            var stocks = kiel.stocksVsProcurement(release);
            var byCategory = kiel.heavyWeapons(release, KielReports.WeaponsGrouping.CATEGORY);
            var byDonor = kiel.heavyWeapons(release, KielReports.WeaponsGrouping.DONOR);
            List<KielReports.DonorTotals> topDonors = donors.rows().stream().limit(TOP).toList();
            List<KielReports.HeavyWeapons> topWeaponDonors = byDonor.rows().stream().limit(TOP).toList();
            return new KielView(
                    new KielReports.Report<>(donors.release(), donors.releaseLabel(), donors.releaseDate(), donors.sourceFile(),
                            donors.sourceSha256(), donors.unit(), donors.credit(), topDonors),
                    BarChart.of("chart-donors", List.of(), topDonors.stream()
                            .map(d -> new BarChart.Category(d.donor(), List.of(d.total()))).toList(), locale, 2),
                    years,
                    BarChart.of("chart-years", List.of(messages(locale).col_financial(), messages(locale).col_humanitarian(),
                            messages(locale).col_military()), years.rows().stream().map(y -> new BarChart.Category(
                            String.valueOf(y.year()), List.of(nz(y.financial()), nz(y.humanitarian()), nz(y.military()))))
                            .toList(), locale, 2),
                    stocks,
                    BarChart.of("chart-stocks", List.of(messages(locale).col_stockpile(), messages(locale).col_procurement()),
                            stocks.rows().stream().map(s -> new BarChart.Category(String.valueOf(s.year()),
                                    List.of(nz(s.stockpile()), nz(s.procurement())))).toList(), locale, 2),
                    byCategory,
                    BarChart.of("chart-weapons-category", List.of(), byCategory.rows().stream().map(w -> new BarChart.Category(
                            w.category(), List.of(BigDecimal.valueOf(w.numberOfWeapons())))).toList(), locale, 0),
                    new KielReports.Report<>(byDonor.release(), byDonor.releaseLabel(), byDonor.releaseDate(),
                            byDonor.sourceFile(), byDonor.sourceSha256(), byDonor.unit(), byDonor.credit(), topWeaponDonors),
                    BarChart.of("chart-weapons-donor", List.of(), topWeaponDonors.stream().map(w -> new BarChart.Category(
                            w.donor(), List.of(BigDecimal.valueOf(w.numberOfWeapons())))).toList(), locale, 0));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private ModelsView modelsView(Locale locale) {
        SupportModelReports.Filter all = new SupportModelReports.Filter(null, null, null);
        List<SupportModelReports.ModelStats> stats = models.byModel(all);
        List<SupportModelReports.YearShare> shares = models.shareByYear(all);
        Map<Integer, List<SupportModelReports.YearShare>> byYear = new TreeMap<>();
        shares.forEach(s -> byYear.computeIfAbsent(s.year(), y -> new ArrayList<>()).add(s));
        List<String> series = new ArrayList<>();
        for (SupportModel model : SupportModel.values()) {
            series.add(modelName(model, locale));
        }
        List<BarChart.Category> shareCategories = new ArrayList<>();
        byYear.forEach((year, rows) -> {
            List<BigDecimal> values = new ArrayList<>();
            for (SupportModel model : SupportModel.values()) {
                values.add(rows.stream().filter(r -> r.model() == model).findFirst().map(r -> BarChart.decimal(r.share()))
                        .orElse(null));
            }
            shareCategories.add(new BarChart.Category(String.valueOf(year), values));
        });
        List<RankingRow> ranking = models.ranking(all).stream()
                .map(r -> new RankingRow(r, labels.area(r.area(), locale))).toList();
        return new ModelsView(stats,
                BarChart.of("chart-delivery", List.of(), stats.stream().map(s -> new BarChart.Category(modelName(s.model(), locale),
                        List.of(nz(BarChart.decimal(s.deliveryRatio()))))).toList(), locale, 4),
                models.costPerUnit(all), shares, BarChart.of("chart-share", series, shareCategories, locale, 4), ranking);
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The page's texts in Java, for the legends and labels drawn inside the charts. */
    private static AidMessages messages(Locale locale) {
        return MessageBundles.get(AidMessages.class, Localized.Literal.of(locale.getLanguage()));
    }

    private static String modelName(SupportModel model, Locale locale) {
        return messages(locale).model(model);
    }
}
