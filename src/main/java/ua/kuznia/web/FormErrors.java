package ua.kuznia.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ua.kuznia.common.BeanViolations;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ProblemMappers;

/**
 * What was wrong with a submitted form, field by field, under the same field names the API uses
 * ("capabilities[0].trl"), so each message can be shown next to its field, in the page's language;
 * the form's summary lists those the page has no field for ({@link #summary}).
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(List.of(), null, Languages.DEFAULT);

    private final List<Problem.Violation> violations;
    private final String detail;
    private final Locale locale;

    private FormErrors(List<Problem.Violation> violations, String detail, Locale locale) {
        this.violations = List.copyOf(violations);
        this.detail = detail;
        this.locale = locale;
    }

    public static FormErrors none() {
        return NONE;
    }

    public static FormErrors of(ProblemException problem, Locale locale) {
        return new FormErrors(problem.violations(), problem.violations().isEmpty() ? problem.detailIn(locale) : null, locale);
    }

    public static FormErrors of(List<Problem.Violation> violations, Locale locale) {
        return new FormErrors(violations, null, locale);
    }

    /**
     * The messages by field in the page's language, several for one field joined, for pages that
     * look errors up by field name.
     */
    public static Map<String, String> byField(List<Problem.Violation> violations, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.merge(v.field(), v.messageIn(locale), (a, b) -> a + "; " + b));
        return errors;
    }

    /**
     * Runs the same bean-validation constraints the API applies to a request body (the API
     * validates before the service is called, so a page must too) and fails like the API. The
     * messages are in the page's language, which need not be the one the browser asks for first.
     */
    public static <T> void validate(ValidatorFactory validators, Locale locale, T body, List<Problem.Violation> earlier) {
        Set<ConstraintViolation<T>> found = validators.usingContext()
                .messageInterpolator(BeanViolations.inLocale(validators.getMessageInterpolator(), locale)).getValidator().validate(body);
        List<Problem.Violation> all = new ArrayList<>(earlier);
        found.stream().map(v -> new Problem.Violation(ProblemMappers.fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field)).forEach(all::add);
        if (!all.isEmpty()) {
            throw ProblemException.invalid(all);
        }
    }

    public boolean any() {
        return !violations.isEmpty() || detail != null;
    }

    public List<Problem.Violation> all() {
        return violations;
    }

    /** The field itself or one of its list entries ("certifications" covers "certifications[2]"). */
    public boolean has(String field) {
        return violations.stream().anyMatch(v -> covers(field, v.field()));
    }

    public String get(String field) {
        return violations.stream().filter(v -> covers(field, v.field())).map(v -> v.messageIn(locale)).distinct()
                .collect(Collectors.joining("; "));
    }

    /** A field of one row of a list: {@code hasAt('capabilities', 2, 'trl')}. */
    public boolean hasAt(String list, Object index, String field) {
        return has(list + "[" + index + "]." + field);
    }

    public String getAt(String list, Object index, String field) {
        return get(list + "[" + index + "]." + field);
    }

    /**
     * What the form's error summary shows, given the fields the page shows messages next to (as
     * {@link #has} takes them; "[]" stands for every row of a list, "capabilities[].trl"). A
     * violation of any other field (a hidden one such as the version, a whole list, a field the
     * form does not render) is listed there, as nothing else on the page would show it.
     */
    public Summary summary(String... shown) {
        Map<Boolean, List<Problem.Violation>> placed = violations.stream()
                .collect(Collectors.partitioningBy(v -> Stream.of(shown).anyMatch(field -> places(field, v.field()))));
        return new Summary(any(), !placed.get(true).isEmpty(), detail, placed.get(false).stream()
                .map(v -> new Elsewhere(v.field(), v.messageIn(locale))).distinct().toList());
    }

    /**
     * @param marked    whether a message stands next to some field, for the summary to point to
     * @param detail    a problem that names no field (a stale version, a conflict)
     * @param elsewhere the violations no field on the page shows
     */
    public record Summary(boolean any, boolean marked, String detail, List<Elsewhere> elsewhere) {
    }

    /** A violation under the API's name of its field, with the message in the page's language. */
    public record Elsewhere(String field, String message) {
    }

    /** The id of the element holding a field's message, for aria-describedby. */
    public String id(String field) {
        return "error-" + field.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static boolean places(String shown, String violated) {
        return covers(shown, violated) || shown.contains("[]") && shown.equals(violated.replaceAll("\\[\\d+]", "[]"));
    }

    private static boolean covers(String field, String violated) {
        return violated.equals(field) || violated.startsWith(field + "[") && violated.substring(field.length()).matches("\\[\\d+]");
    }
}
