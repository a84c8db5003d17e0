package ua.kuznia.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details. {@code violations} carries field-level errors; extension members
 * (e.g. the allowed transitions of a workflow conflict) are written at the top level, as the
 * RFC prescribes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(String field, String message) {
    }

    public final String type;
    public final String title;
    public final int status;
    public final String detail;
    public final String instance;
    public final List<Violation> violations;
    private final Map<String, Object> extensions;

    public Problem(String type, String title, int status, String detail, String instance,
                   List<Violation> violations, Map<String, Object> extensions) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
