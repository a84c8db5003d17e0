package ua.kuznia.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /**
     * A field-level error. {@code message} is the English text the API answers with; {@code text},
     * where present, renders the same message in a page's language (a form shows the error next to
     * its field in the language of the page, while API clients rely on the English wording).
     */
    public record Violation(String field, String message, @JsonIgnore Text text) {

        /** A message that exists in English only. */
        public Violation(String field, String message) {
            this(field, message, null);
        }

        public Violation(String field, Text text) {
            this(field, text.in(Text.messages(Locale.ENGLISH)), text);
        }

        /** The message in a page's language; English where no translation exists. */
        public String messageIn(Locale locale) {
            return text == null ? message : text.in(Text.messages(locale));
        }

        /** The same message under another name of the field (a CSV line and column, say). */
        public Violation at(String otherField) {
            return new Violation(otherField, message, text);
        }
    }

    /**
     * A violation's message as a call of one {@link ViolationMessages} method, so that it can be
     * rendered in any language after the service that found it has returned.
     */
    @FunctionalInterface
    public interface Text {
        String in(ViolationMessages messages);

        /** The messages in a language, for texts a page composes itself. */
        static ViolationMessages messages(Locale locale) {
            return MessageBundles.get(ViolationMessages.class, Localized.Literal.of(locale.getLanguage()));
        }
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
