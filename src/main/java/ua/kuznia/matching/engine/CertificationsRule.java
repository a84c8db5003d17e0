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
        Set<String> held = facts.profile.certifications();
        Set<String> missing = new TreeSet<>(facts.offer.requiredCertifications());
        missing.removeAll(held);
        String actual = "holds " + Text.list(held);
        String actualUk = held.isEmpty() ? "сертифікатів немає" : "має " + Text.listUk(held);
        if (!missing.isEmpty()) {
            actual += "; missing " + Text.list(missing);
            actualUk += "; бракує " + Text.listUk(missing);
        }
        return new Outcome(missing.isEmpty(), Text.list(facts.offer.requiredCertifications()), actual,
                Text.listUk(facts.offer.requiredCertifications()), actualUk);
    }
}
