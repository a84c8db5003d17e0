package ua.kuznia.web;

import java.util.List;
import java.util.Locale;

/** The languages of the web application and how a request picks one. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("en", "uk");
    public static final Locale DEFAULT = Locale.ENGLISH;

    private Languages() {
    }

    /** A supported language code, or null. */
    public static String supported(String code) {
        if (code == null) {
            return null;
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(normalized) ? normalized : null;
    }

    /**
     * The remembered choice wins; otherwise the first supported language of Accept-Language in the
     * browser's order of preference; otherwise English.
     */
    public static Locale resolve(String remembered, String acceptLanguage) {
        String chosen = supported(remembered);
        if (chosen != null) {
            return Locale.forLanguageTag(chosen);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String language = range.getRange().split("-")[0];
                    if (supported(language) != null) {
                        return Locale.forLanguageTag(language);
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header is the browser's problem, not a reason to refuse the page.
            }
        }
        return DEFAULT;
    }
}
