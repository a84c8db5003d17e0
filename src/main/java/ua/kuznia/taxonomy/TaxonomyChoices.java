package ua.kuznia.taxonomy;

import io.quarkus.arc.Arc;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The choices of every picker on the pages, named in the page's language. */
public final class TaxonomyChoices {

    /** One entry of a picker: the code the form posts and the name the user reads. */
    public record Choice(String code, String name) {
    }

    private TaxonomyChoices() {
    }

    static TaxonomyService.Snapshot taxonomy() {
        return Arc.container().instance(TaxonomyService.class).get().snapshot();
    }

    static boolean ukrainian(Object locale) {
        return locale instanceof Locale l && "uk".equals(l.getLanguage());
    }

    /** Areas in the taxonomy's order; sub-areas are indented under their parent by a dash. */
    public static List<Choice> areas(Locale locale) {
        TaxonomyService service = Arc.container().instance(TaxonomyService.class).get();
        return service.areasInOrder().stream()
                .map(a -> new Choice(a.code, (a.parentCode == null ? "" : "— ") + (ukrainian(locale) ? a.nameUk : a.nameEn)))
                .toList();
    }

    public static List<Choice> certifications(Locale locale) {
        return choices(taxonomy().certifications().values().stream().toList(), c -> c.code,
                c -> ukrainian(locale) ? c.nameUk : c.nameEn);
    }

    public static List<Choice> oblasts(Locale locale) {
        // In the alphabet of the language shown: by code point, "І" (U+0406) would sort before "В".
        java.text.Collator alphabet = java.text.Collator.getInstance(ukrainian(locale) ? Locale.forLanguageTag("uk") : Locale.ENGLISH);
        return choices(taxonomy().oblasts().values().stream()
                        .sorted((a, b) -> alphabet.compare(ukrainian(locale) ? a.nameUk : a.nameEn, ukrainian(locale) ? b.nameUk : b.nameEn))
                        .toList(), o -> o.code, o -> ukrainian(locale) ? o.nameUk : o.nameEn);
    }

    public static List<Choice> levels(Locale locale) {
        return choices(taxonomy().classificationLevels(), l -> l.code, l -> ukrainian(locale) ? l.nameUk : l.nameEn);
    }

    public static List<Choice> transferTypes(Locale locale) {
        return choices(taxonomy().transferTypes(), t -> t.code, t -> ukrainian(locale) ? t.nameUk : t.nameEn);
    }

    private static <T> List<Choice> choices(List<T> rows, Function<T, String> code, Function<T, String> name) {
        return rows.stream().map(r -> new Choice(code.apply(r), name.apply(r))).toList();
    }
}
