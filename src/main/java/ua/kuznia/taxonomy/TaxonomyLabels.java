package ua.kuznia.taxonomy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/** Names of taxonomy codes in the page's language, for pages that show codes to people. */
@ApplicationScoped
public class TaxonomyLabels {

    /** An area as a choice in a form: indented by its depth below the top-level areas. */
    public record AreaOption(String code, String label, int depth) {
    }

    @Inject
    TaxonomyService taxonomy;

    public String area(String code, Locale locale) {
        CapabilityArea area = code == null ? null : taxonomy.snapshot().areas().get(code);
        if (area == null) {
            return code;
        }
        return "uk".equals(locale.getLanguage()) ? area.nameUk : area.nameEn;
    }

    public List<AreaOption> areas(Locale locale) {
        return taxonomy.areasInOrder().stream()
                .map(a -> new AreaOption(a.code, area(a.code, locale), a.code.split("\\.").length - 1)).toList();
    }

    public String transferType(String code, Locale locale) {
        return taxonomy.snapshot().transferTypes().stream().filter(t -> t.code.equals(code)).findFirst()
                .map(t -> "uk".equals(locale.getLanguage()) ? t.nameUk : t.nameEn).orElse(code);
    }
}
