package ua.kuznia.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/**
 * {@link Formats} for figures that may be missing, as {@code {fmt:num(x)}}: Qute applies an
 * extension method such as {@code {x.num}} only to a value that is there, and stops the page at
 * a null one, while an aggregate (a median of no deliveries, a column a release does not have)
 * is legitimately empty. A missing figure is written as nothing.
 */
@TemplateExtension(namespace = "fmt")
public final class NullableFormats {

    private NullableFormats() {
    }

    public static String num(Number value, @TemplateAttribute("locale") Object locale) {
        return Formats.num(value, locale);
    }

    /** A machine-readable decimal (no exponent), for data attributes; nothing when missing. */
    public static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
