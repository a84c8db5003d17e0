package ua.kuznia.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Numbers and dates written the way the page's language writes them: "1,234.5" and "27 Nov 2026"
 * in English, "1 234,5" and "27 лист. 2026 р." in Ukrainian. Times are shown in UTC, the
 * platform's reference time for ministries in different time zones.
 */
@TemplateExtension
public final class Formats {

    private Formats() {
    }

    static Locale localeOf(Object attribute) {
        return attribute instanceof Locale locale ? locale : Languages.DEFAULT;
    }

    public static String num(Number value, @TemplateAttribute("locale") Object locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(localeOf(locale));
        format.setMaximumFractionDigits(value instanceof BigDecimal || value instanceof Double || value instanceof Float ? 2 : 0);
        return format.format(value);
    }

    public static String date(LocalDate value, @TemplateAttribute("locale") Object locale) {
        return value == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(localeOf(locale)).format(value);
    }

    public static String date(Instant value, @TemplateAttribute("locale") Object locale) {
        return value == null ? "" : date(value.atOffset(ZoneOffset.UTC).toLocalDate(), locale);
    }

    public static String dateTime(Instant value, @TemplateAttribute("locale") Object locale) {
        return value == null ? "" : dateTime(value.atOffset(ZoneOffset.UTC), locale);
    }

    public static String dateTime(OffsetDateTime value, @TemplateAttribute("locale") Object locale) {
        if (value == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(localeOf(locale)).format(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + " UTC";
    }
}
