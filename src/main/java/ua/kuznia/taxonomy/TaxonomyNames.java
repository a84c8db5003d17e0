package ua.kuznia.taxonomy;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/**
 * Codes shown to people by their name in the page's language ({@code {code.areaName}} in a
 * template). An unknown code is shown as it is rather than
 * hidden, so nothing silently disappears from a page.
 */
@TemplateExtension
public final class TaxonomyNames {

    private TaxonomyNames() {
    }

    public static String areaName(String code, @TemplateAttribute("locale") Object locale) {
        CapabilityArea area = code == null ? null : TaxonomyChoices.taxonomy().areas().get(code);
        return area == null ? String.valueOf(code) : TaxonomyChoices.ukrainian(locale) ? area.nameUk : area.nameEn;
    }

    public static String certificationName(String code, @TemplateAttribute("locale") Object locale) {
        Certification c = code == null ? null : TaxonomyChoices.taxonomy().certifications().get(code);
        return c == null ? String.valueOf(code) : TaxonomyChoices.ukrainian(locale) ? c.nameUk : c.nameEn;
    }

    public static String oblastName(String code, @TemplateAttribute("locale") Object locale) {
        Oblast o = code == null ? null : TaxonomyChoices.taxonomy().oblasts().get(code);
        return o == null ? String.valueOf(code) : TaxonomyChoices.ukrainian(locale) ? o.nameUk : o.nameEn;
    }

    public static String levelName(Classification level, @TemplateAttribute("locale") Object locale) {
        if (level == null) {
            return "";
        }
        return TaxonomyChoices.taxonomy().classificationLevels().stream().filter(l -> l.code.equals(level.name())).findFirst()
                .map(l -> TaxonomyChoices.ukrainian(locale) ? l.nameUk : l.nameEn).orElse(level.name());
    }

    public static String transferName(TransferType type, @TemplateAttribute("locale") Object locale) {
        if (type == null) {
            return "";
        }
        return TaxonomyChoices.taxonomy().transferTypes().stream().filter(t -> t.code.equals(type.name())).findFirst()
                .map(t -> TaxonomyChoices.ukrainian(locale) ? t.nameUk : t.nameEn).orElse(type.name());
    }
}
