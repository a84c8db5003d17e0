package ua.kuznia.matching.engine;

import java.util.Set;
import java.util.TreeSet;

/** Every certification the offer requires must be held; there is no partial credit. */
final class CertificationsRule implements HardRule {

    @Override
    public String id() {
        return "certifications";
    }

    @Override
    public String descriptionEn() {
        return "The manufacturer holds every certification the offer requires.";
    }

    @Override
    public String descriptionUk() {
        return "Виробник має всі сертифікати, яких вимагає пропозиція.";
    }

    @Override
    public Outcome evaluate(PairFacts facts) {
        Set<String> missing = new TreeSet<>(facts.offer.requiredCertifications());
        missing.removeAll(facts.profile.certifications());
        String actual = "holds " + Text.list(facts.profile.certifications());
        if (!missing.isEmpty()) {
            actual += "; missing " + Text.list(missing);
        }
        return new Outcome(missing.isEmpty(), Text.list(facts.offer.requiredCertifications()), actual);
    }
}
