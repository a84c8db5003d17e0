package ua.kuznia.matching;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;
import ua.kuznia.matching.engine.Rule;
import ua.kuznia.matching.engine.RuleCatalog;
import ua.kuznia.taxonomy.TaxonomyLabels;
import ua.kuznia.web.FormErrors;
import ua.kuznia.web.UiContext;

/**
 * The rule-set editor: a proposal is previewed with the matcher (how many suggestions appear,
 * disappear and move) and only saved, as a new version with a full re-match, once confirmed.
 */
@Path("/ui/ruleset")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
public class RuleSetPages {

    public record WeightField(String rule, String description, String value, String error) {
    }

    public record PriorityField(String area, String name, int depth, String value, String error) {
    }

    /** The form as typed, so that refused values are shown back as they were entered. */
    public record Form(String version, List<WeightField> weights, String minScore, String topK,
                       List<PriorityField> priorities, String note) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(RuleSetService.RuleSetView current, Form form, boolean canEdit,
                                            Map<String, String> errors, MatchingService.Preview preview, String problem,
                                            Integer savedVersion, Long savedJob);
    }

    @Inject
    RuleSetService ruleSets;

    @Inject
    MatchingService matching;

    @Inject
    CallerService callers;

    @Inject
    TaxonomyLabels labels;

    @Inject
    UiContext ui;

    @GET
    public TemplateInstance edit(@QueryParam("saved") Integer saved, @QueryParam("job") Long job) {
        RuleSetService.RuleSetView current = ruleSets.current();
        return ui.page(Templates.edit(current, formOf(current), canEdit(), Map.of(), null, null, saved, job));
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response preview(@RestForm String version, @RestForm("weightRule") List<String> weightRules,
                            @RestForm("weightValue") List<String> weightValues, @RestForm String minScore,
                            @RestForm String topK, @RestForm("priorityArea") List<String> priorityAreas,
                            @RestForm("priorityValue") List<String> priorityValues, @RestForm String note) {
        RuleSetService.RuleSetView current = ruleSets.current();
        Form form = typed(version, weightRules, weightValues, minScore, topK, priorityAreas, priorityValues, note);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            RuleSetService.RuleSetView proposed = parse(form, errors);
            MatchingService.Preview preview = matching.preview(ruleSets.validate(proposed, current));
            return Response.ok(ui.page(Templates.edit(current, form, true, Map.of(), preview, null, null, null))).build();
        } catch (ProblemException e) {
            return refused(current, form, errors, e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response save(@RestForm String version, @RestForm("weightRule") List<String> weightRules,
                         @RestForm("weightValue") List<String> weightValues, @RestForm String minScore,
                         @RestForm String topK, @RestForm("priorityArea") List<String> priorityAreas,
                         @RestForm("priorityValue") List<String> priorityValues, @RestForm String note) {
        Caller caller = callers.current();
        Form form = typed(version, weightRules, weightValues, minScore, topK, priorityAreas, priorityValues, note);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            RuleSetService.RuleSetView saved = ruleSets.save(parse(form, errors), caller);
            long job = matching.startFullMatch("rule set " + saved.version(), caller);
            return Response.seeOther(URI.create("/ui/ruleset?saved=" + saved.version() + "&job=" + job)).build();
        } catch (ProblemException e) {
            return refused(ruleSets.current(), form, errors, e);
        }
    }

    private Response refused(RuleSetService.RuleSetView current, Form form, Map<String, String> errors, ProblemException e) {
        if (e.status() == 409) {
            return Response.status(409).entity(ui.page(Templates.edit(current, form, true, Map.of(), null, e.detailIn(ui.locale()),
                    null, null))).build();
        }
        if (e.status() != 400) {
            throw e;
        }
        errors.putAll(FormErrors.byField(e.violations(), ui.locale()));
        Form marked = new Form(form.version(),
                form.weights().stream().map(w -> new WeightField(w.rule(), w.description(), w.value(),
                        errors.get("weights." + w.rule()))).toList(), form.minScore(), form.topK(),
                form.priorities().stream().map(p -> new PriorityField(p.area(), p.name(), p.depth(), p.value(),
                        errors.get("areaPriorities." + p.area()))).toList(), form.note());
        return Response.status(422).entity(ui.page(Templates.edit(current, marked, true, errors, null, null, null, null))).build();
    }

    /**
     * The typed form as a rule set; numbers that do not parse are refused here with the field
     * names the service uses, every other rule is the service's.
     */
    private RuleSetService.RuleSetView parse(Form form, Map<String, String> errors) {
        List<Problem.Violation> violations = new ArrayList<>();
        Map<String, Double> weights = new TreeMap<>();
        for (WeightField w : form.weights()) {
            Double value = number("weights." + w.rule(), w.value(), true, violations);
            if (value != null) {
                weights.put(w.rule(), value);
            }
        }
        Map<String, Double> priorities = new TreeMap<>();
        for (PriorityField p : form.priorities()) {
            Double value = number("areaPriorities." + p.area(), p.value(), false, violations);
            if (value != null) {
                priorities.put(p.area(), value);
            }
        }
        Double minScore = number("minScore", form.minScore(), true, violations);
        Double topK = number("topK", form.topK(), true, violations);
        if (topK != null && topK != Math.rint(topK)) {
            violations.add(new Problem.Violation("topK", ViolationMessages::whole_number));
        }
        Double version = number("version", form.version(), true, violations);
        RuleSetService.RuleSetView proposed = new RuleSetService.RuleSetView(version == null ? null : version.intValue(),
                weights, minScore, topK == null ? null : topK.intValue(), priorities, null,
                form.note() == null || form.note().isBlank() ? null : form.note().strip(), null, null);
        if (!violations.isEmpty()) {
            // Also the service's rules for what did parse, so one answer marks every field.
            try {
                ruleSets.validate(proposed, ruleSets.current());
            } catch (ProblemException e) {
                violations.addAll(e.toProblem(null).violations);
            }
            throw ProblemException.invalid(violations);
        }
        return proposed;
    }

    private static Double number(String field, String text, boolean required, List<Problem.Violation> violations) {
        if (text == null || text.isBlank()) {
            if (required) {
                violations.add(new Problem.Violation(field, ViolationMessages::required));
            }
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip().replace(',', '.'));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Problem.Violation(field, ViolationMessages::number));
        return null;
    }

    private Form typed(String version, List<String> weightRules, List<String> weightValues, String minScore, String topK,
                       List<String> priorityAreas, List<String> priorityValues, String note) {
        Map<String, String> weights = pairs(weightRules, weightValues);
        Map<String, String> priorities = pairs(priorityAreas, priorityValues);
        List<WeightField> weightFields = new ArrayList<>();
        for (Rule rule : RuleCatalog.softRules()) {
            weightFields.add(new WeightField(rule.id(), description(rule), weights.getOrDefault(rule.id(), ""), null));
        }
        List<PriorityField> priorityFields = labels.areas(ui.locale()).stream()
                .map(a -> new PriorityField(a.code(), a.label(), a.depth(), priorities.getOrDefault(a.code(), ""), null)).toList();
        return new Form(version, weightFields, minScore, topK, priorityFields, note);
    }

    private static Map<String, String> pairs(List<String> keys, List<String> values) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (keys != null && values != null) {
            for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                pairs.put(keys.get(i), values.get(i));
            }
        }
        return pairs;
    }

    private Form formOf(RuleSetService.RuleSetView current) {
        List<WeightField> weights = RuleCatalog.softRules().stream().map(rule -> new WeightField(rule.id(), description(rule),
                text(current.weights().get(rule.id())), null)).toList();
        List<PriorityField> priorities = labels.areas(ui.locale()).stream().map(a -> new PriorityField(a.code(), a.label(),
                a.depth(), text(current.areaPriorities().get(a.code())), null)).toList();
        return new Form(String.valueOf(current.version()), weights, text(current.minScore()),
                String.valueOf(current.topK()), priorities, "");
    }

    private String description(Rule rule) {
        return "uk".equals(ui.lang()) ? rule.descriptionUk() : rule.descriptionEn();
    }

    private static String text(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%s", value);
    }

    private boolean canEdit() {
        Caller caller = callers.current();
        return caller.has(Roles.COORDINATOR) || caller.has(Roles.ADMIN);
    }
}
