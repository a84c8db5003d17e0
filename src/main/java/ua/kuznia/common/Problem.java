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
     * {@code place} does the same for a field that is a place in an uploaded file ("line 7, column
     * source"), which a page shows as written rather than next to a form field.
     */
    public record Violation(String field, String message, @JsonIgnore Text text, @JsonIgnore Text place) {

        /** A message that exists in English only. */
        public Violation(String field, String message) {
            this(field, message, null, null);
        }

        public Violation(String field, Text text) {
            this(field, Text.english(text), text, null);
        }

        public Violation(Text place, Text text) {
            this(Text.english(place), Text.english(text), text, place);
        }

        /** The message in a page's language; English where no translation exists. */
        public String messageIn(Locale locale) {
            return text == null ? message : text.in(Text.messages(locale));
        }

        /** The field, or the place in a file, in a page's language. */
        public String fieldIn(Locale locale) {
            return place == null ? field : place.in(Text.messages(locale));
        }

        /** The same message at a place in a file (a CSV line and column, say) instead of its field. */
        public Violation at(Text otherPlace) {
            return new Violation(Text.english(otherPlace), message, text, otherPlace);
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

        /** The text as the API answers with it. */
        static String english(Text text) {
            return text.in(messages(Locale.ENGLISH));
        }
    }

    public final String type;
    public final String title;
    public final int status;
    public final String detail;
    public final String instance;
    public final List<Violation> violations;
    private final Map<String, Object> extensions;
    /** The detail in any language, for the error page; null where it exists in English only. */
    @JsonIgnore
    private final Text detailText;

    public Problem(String type, String title, int status, String detail, String instance,
                   List<Violation> violations, Map<String, Object> extensions) {
        this(type, title, status, detail, null, instance, violations, extensions);
    }

    /** A problem naming no field, whose detail a page shows in its own language. */
    public Problem(String type, String title, int status, Text detail, String instance) {
        this(type, title, status, Text.english(detail), detail, instance, List.of(), Map.of());
    }

    /** {@code detail} is the English text of {@code detailText}, or the only text where that is null. */
    public Problem(String type, String title, int status, String detail, Text detailText, String instance,
                   List<Violation> violations, Map<String, Object> extensions) {
        this.detailText = detailText;
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    /** The detail in a page's language; English where no translation exists. */
    public String detailIn(Locale locale) {
        return detailText == null ? detail : detailText.in(Text.messages(locale));
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
