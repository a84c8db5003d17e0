package ua.kuznia.common;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A failure the caller can act on. Services throw it; {@link ProblemMappers} turns it into
 * {@code application/problem+json} without a stack trace.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions;
    /** The detail in any language; null for a detail that exists in English only. */
    private final Problem.Text detailText;

    public ProblemException(int status, String type, String title, String detail,
                            List<Problem.Violation> violations, Map<String, Object> extensions) {
        this(status, type, title, detail, null, violations, extensions);
    }

    /** A problem whose detail a page can show in its own language; the API gets the English text. */
    public ProblemException(int status, String type, String title, Problem.Text detail,
                            List<Problem.Violation> violations, Map<String, Object> extensions) {
        this(status, type, title, Problem.Text.english(detail), detail, violations, extensions);
    }

    private ProblemException(int status, String type, String title, String detail, Problem.Text detailText,
                             List<Problem.Violation> violations, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detailText = detailText;
        this.violations = violations == null ? List.of() : violations;
        this.extensions = extensions == null ? Map.of() : extensions;
    }

    /** The stale-version message of one kind of resource, such as {@code ViolationMessages::stale_offer}. */
    @FunctionalInterface
    public interface StaleText {
        String in(ViolationMessages messages, long sent, long current);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "/problems/not-found", "Not found",
                what + " " + id + " does not exist", List.of(), Map.of());
    }

    public static ProblemException notFound(Missing what, Object id) {
        String shown = String.valueOf(id);
        return notFound(m -> m.not_found(what.in(m), shown));
    }

    public static ProblemException notFound(Problem.Text detail) {
        return new ProblemException(404, "/problems/not-found", "Not found", detail, List.of(), Map.of());
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(400, "/problems/validation", "Invalid request",
                violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid",
                violations, Map.of());
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException invalid(String field, Problem.Text text) {
        return invalid(List.of(new Problem.Violation(field, text)));
    }

    public static ProblemException conflict(String type, String title, String detail, Map<String, Object> extensions) {
        return new ProblemException(409, type, title, detail, List.of(), extensions);
    }

    public static ProblemException conflict(String type, String title, Problem.Text detail, Map<String, Object> extensions) {
        return new ProblemException(409, type, title, detail, List.of(), extensions);
    }

    public static ProblemException staleVersion(StaleText what, long expected, long actual) {
        return conflict("/problems/stale-version", "Stale version", m -> what.in(m, expected, actual),
                Map.of("currentVersion", actual));
    }

    /** A write that lost a race with another writer of the same row after its version was checked. */
    public static ProblemException staleWrite() {
        return conflict("/problems/stale-version", "Stale version", ViolationMessages::stale_write, Map.of());
    }

    /** Optimistic locking on update: the client must send the version it read, and it must be current. */
    public static void requireCurrentVersion(StaleText what, Long sent, long current) {
        if (sent == null) {
            throw invalid("version", ViolationMessages::version_required);
        }
        if (sent != current) {
            throw staleVersion(what, sent, current);
        }
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "/problems/forbidden", "Forbidden", detail, List.of(), Map.of());
    }

    public static ProblemException forbidden(Problem.Text detail) {
        return new ProblemException(403, "/problems/forbidden", "Forbidden", detail, List.of(), Map.of());
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), detailText, instance, violations, extensions);
    }

    /** The detail in a page's language; English where no translation exists. */
    public String detailIn(Locale locale) {
        return detailText == null ? getMessage() : detailText.in(Problem.Text.messages(locale));
    }

    public int status() {
        return status;
    }

    /** The field-level violations, for pages that show each next to its field. */
    public List<Problem.Violation> violations() {
        return violations;
    }
}
