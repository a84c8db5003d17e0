package ua.kuznia.matching.engine;

import java.util.HashSet;
import java.util.Set;

/** Certifications beyond the required ones show a quality system that other allied buyers will accept too. */
final class ExtraCertificationsRule implements SoftRule {

    @Override
    public String id() {
        return "extra-certifications";
    }

    @Override
    public String descriptionEn() {
        return "Certifications held beyond those the offer requires: half for NATO AQAP 2110,"
                + " half for other certifications (full at three).";
    }

    @Override
    public String descriptionUk() {
        return "Сертифікати понад ті, яких вимагає пропозиція: половина — за NATO AQAP 2110,"
                + " половина — за інші сертифікати (повністю — від трьох).";
    }

    @Override
    public int featureIndex() {
        return Features.EXTRA_CERTIFICATIONS;
    }

    @Override
    public Value evaluate(PairFacts facts) {
        Set<String> extra = new HashSet<>(facts.profile.certifications());
        extra.removeAll(facts.offer.requiredCertifications());
        boolean aqap = extra.contains(Features.AQAP_2110);
        double value = Features.extraCertifications(aqap, extra.size() - (aqap ? 1 : 0));
        return new Value(value,
                extra.isEmpty() ? "no certifications beyond those required" : "beyond those required: " + Text.list(extra),
                extra.isEmpty() ? "немає сертифікатів понад обов'язкові" : "понад обов'язкові: " + Text.listUk(extra));
    }
}
