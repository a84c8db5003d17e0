package ua.kuznia.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import ua.kuznia.common.CsvWriter;
import ua.kuznia.common.Enums;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;
import ua.kuznia.matching.MatchStatus;
import ua.kuznia.taxonomy.TaxonomyLabels;
import ua.kuznia.web.FormErrors;
import ua.kuznia.web.UiContext;

/**
 * The coordinators' review pages: the queue with filters, bulk decisions and CSV export of a
 * shortlist, and one match with the decision form. Auditors read the queue and export it.
 */
@Path("/ui/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
public class ReviewPages {

    static final int PAGE_SIZE = 25;
    /** A CSV of a filtered view holds at most this many rows (the API pages beyond it). */
    static final int EXPORT_LIMIT = 200;
    /** The decisions a coordinator takes; interest, decline and withdraw belong to the two sides. */
    static final List<ReviewAction> DECISIONS = List.of(ReviewAction.START_REVIEW, ReviewAction.APPROVE,
            ReviewAction.REJECT, ReviewAction.HOLD);

    /** The filter form as typed, so a refused value is shown back next to its field. */
    public record Filters(String status, String area, String country, String minScore) {

        String query(int page) {
            StringBuilder q = new StringBuilder();
            append(q, "status", status);
            append(q, "area", area);
            append(q, "country", country);
            append(q, "minScore", minScore);
            if (page > 0) {
                append(q, "page", String.valueOf(page));
            }
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append(q.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /** One match as the shortlist CSV has it. */
    public record ShortlistRow(long matchId, String status, boolean onHold, double score, Integer rank, long offerId,
                               String offerTitle, String offerCountry, String offerAreas, long manufacturerId,
                               String manufacturerName, String reviewNote, String decidedBy, String decidedAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Filters filters, Page<ReviewService.MatchDetail> matches, MatchStatus[] statuses,
                                             List<TaxonomyLabels.AreaOption> areas, List<ReviewAction> decisions,
                                             boolean canDecide, String previousPage, String nextPage, long pageNumber, long pageCount,
                                             String exportLink,
                                             Map<String, String> errors, String bulkAction, String bulkNote, List<Long> selected,
                                             ReviewService.MatchDetail done);

        static native TemplateInstance match(ReviewService.MatchDetail match, List<ReviewAction> decisions, boolean canDecide,
                                             String chosen, String note, Map<String, String> errors, String problem);

        static native TemplateInstance bulk(ReviewAction action, List<ReviewService.Outcome> outcomes, long succeeded,
                                            Locale locale);
    }

    @Inject
    ReviewService reviews;

    @Inject
    CallerService callers;

    @Inject
    TaxonomyLabels labels;

    @Inject
    UiContext ui;

    @GET
    public Response queue(@QueryParam("status") String status, @QueryParam("area") String area,
                          @QueryParam("country") String country, @QueryParam("minScore") String minScore,
                          @QueryParam("page") Integer page, @QueryParam("done") Long done) {
        Filters filters = new Filters(status, area, country, minScore);
        ReviewService.MatchDetail decided = done == null ? null : reviews.find(done, callers.current()).orElse(null);
        return render(filters, page == null ? 0 : Math.max(0, page), null, null, List.of(), Map.of(), decided, 200);
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response bulk(@RestForm("ids") List<Long> ids, @RestForm String action, @RestForm String note,
                         @RestForm String status, @RestForm String area, @RestForm String country,
                         @RestForm String minScore) {
        Filters filters = new Filters(status, area, country, minScore);
        Map<String, String> errors = new LinkedHashMap<>();
        ReviewAction decision = null;
        try {
            decision = Enums.parse("action", action, ReviewAction.class);
        } catch (ProblemException e) {
            errors.putAll(fieldErrors(e, ui.locale()));
        }
        if (decision == null || !DECISIONS.contains(decision)) {
            errors.putIfAbsent("action", Problem.Text.messages(ui.locale()).choose_decision());
        }
        if (errors.isEmpty()) {
            try {
                List<ReviewService.Outcome> outcomes = reviews.actOnEach(ids, decision, note, callers.current());
                long succeeded = outcomes.stream().filter(ReviewService.Outcome::succeeded).count();
                return Response.ok(ui.page(Templates.bulk(decision, outcomes, succeeded, ui.locale()))).build();
            } catch (ProblemException e) {
                errors.putAll(fieldErrors(e, ui.locale()));
            }
        }
        return render(filters, 0, action, note, ids == null ? List.of() : ids, errors, null, 422);
    }

    /** The selected matches as CSV; the page's filters are not needed, the selection is the shortlist. */
    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/csv")
    public Response exportSelected(@RestForm("ids") List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.invalid("ids", ViolationMessages::select_match_to_export);
        }
        return csv(reviews.findAll(ids, callers.current()));
    }

    /** The filtered queue as CSV (up to {@value #EXPORT_LIMIT} rows), for a link that needs no form. */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response exportView(@QueryParam("status") String status, @QueryParam("area") String area,
                               @QueryParam("country") String country, @QueryParam("minScore") String minScore) {
        List<Problem.Violation> violations = new java.util.ArrayList<>();
        ReviewService.QueueFilter filter = filter(new Filters(status, area, country, minScore), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Page<ReviewService.MatchDetail> page = reviews.queue(new PageRequest(0, EXPORT_LIMIT), filter, callers.current());
        return csv(page.items());
    }

    @GET
    @Path("{id}")
    public TemplateInstance match(@PathParam("id") long id) {
        ReviewService.MatchDetail match = reviews.find(id, callers.current())
                .orElseThrow(() -> ProblemException.notFound(Missing.MATCH, id));
        return ui.page(Templates.match(match, decisionsFor(match), canDecide(), null, null, Map.of(), null));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response decide(@PathParam("id") long id, @RestForm String decision, @RestForm String note,
                           @RestForm Long version) {
        Caller caller = callers.current();
        ReviewService.MatchDetail match = reviews.find(id, caller).orElseThrow(() -> ProblemException.notFound(Missing.MATCH, id));
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            ReviewAction action = Enums.parse("decision", decision, ReviewAction.class);
            if (action == null || !DECISIONS.contains(action)) {
                throw ProblemException.invalid("decision", ViolationMessages::choose_decision);
            }
            reviews.act(id, action, note, version, caller);
            return Response.seeOther(URI.create("/ui/review?done=" + id)).build();
        } catch (ProblemException e) {
            if (e.status() == 409) {
                // Show the match as it is now, with the reason the decision was not applied.
                ReviewService.MatchDetail now = reviews.find(id, caller).orElse(match);
                return Response.status(409).entity(ui.page(Templates.match(now, decisionsFor(now), true, decision, note,
                        Map.of(), e.detailIn(ui.locale())))).build();
            }
            if (e.status() != 400) {
                throw e;
            }
            errors.putAll(fieldErrors(e, ui.locale()));
            // The workflow names a missing note "reason" for a rejection; the form has one note field.
            if (errors.containsKey("reason")) {
                errors.put("note", errors.remove("reason"));
            }
        }
        return Response.status(422).entity(ui.page(Templates.match(match, decisionsFor(match), true, decision, note, errors,
                null))).build();
    }

    private Response render(Filters filters, int page, String bulkAction, String bulkNote, List<Long> selected,
                            Map<String, String> errors, ReviewService.MatchDetail done, int status) {
        Map<String, String> allErrors = new LinkedHashMap<>(errors);
        List<Problem.Violation> violations = new java.util.ArrayList<>();
        ReviewService.QueueFilter filter = filter(filters, violations);
        Page<ReviewService.MatchDetail> matches = new Page<>(List.of(), page, PAGE_SIZE, 0);
        try {
            matches = reviews.queue(new PageRequest(page, PAGE_SIZE), filter, callers.current());
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            violations.addAll(e.toProblem(null).violations);
        }
        if (!violations.isEmpty()) {
            FormErrors.byField(violations, ui.locale()).forEach((field, message) -> allErrors.merge(field, message, (a, b) -> a + "; " + b));
            matches = new Page<>(List.of(), page, PAGE_SIZE, 0);
            status = 422;
        }
        long pages = (matches.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        String previous = page > 0 ? "/ui/review" + filters.query(page - 1) : null;
        String next = page + 1 < pages ? "/ui/review" + filters.query(page + 1) : null;
        TemplateInstance html = Templates.queue(filters, matches, MatchStatus.values(), labels.areas(ui.locale()),
                DECISIONS, canDecide(), previous, next, page + 1L, Math.max(1, pages), "/ui/review/export" + filters.query(0), allErrors,
                bulkAction, bulkNote, selected, done);
        return Response.status(status).entity(ui.page(html)).build();
    }

    /**
     * Parses the typed filters, collecting what does not parse; the service checks the values
     * and names the field of each problem, so all of them can be shown at once.
     */
    private static ReviewService.QueueFilter filter(Filters filters, List<Problem.Violation> violations) {
        MatchStatus status = null;
        try {
            status = Enums.parse("status", filters.status(), MatchStatus.class);
        } catch (ProblemException e) {
            violations.addAll(e.toProblem(null).violations);
        }
        Double minScore = null;
        if (filters.minScore() != null && !filters.minScore().isBlank()) {
            try {
                minScore = Double.valueOf(filters.minScore().strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                violations.add(new Problem.Violation("minScore", m -> m.number_between(0, 100)));
            }
        }
        return new ReviewService.QueueFilter(status, minScore, blankToNull(filters.area()), blankToNull(filters.country()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private boolean canDecide() {
        Caller caller = callers.current();
        return caller.has(Roles.COORDINATOR) || caller.has(Roles.ADMIN);
    }

    private List<ReviewAction> decisionsFor(ReviewService.MatchDetail match) {
        return match.allowedActions().stream().filter(DECISIONS::contains).toList();
    }

    static Map<String, String> fieldErrors(ProblemException e, Locale locale) {
        Map<String, String> errors = FormErrors.byField(e.violations(), locale);
        if (errors.isEmpty()) {
            errors.put("form", e.detailIn(locale));
        }
        return errors;
    }

    private Response csv(List<ReviewService.MatchDetail> matches) {
        List<ShortlistRow> rows = matches.stream().map(m -> new ShortlistRow(m.id(), m.status().name(), m.onHold(), m.score(),
                m.rank(), m.offerId(), m.offerTitle(), m.offerCountry(), String.join(";", m.offerAreas()),
                m.manufacturerId(), m.manufacturerName(), m.reviewNote(), m.decidedBy(),
                m.decidedAt() == null ? null : m.decidedAt().toString())).toList();
        return Response.ok(CsvWriter.write(rows, ShortlistRow.class, false), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"kuznia-shortlist.csv\"").build();
    }
}
