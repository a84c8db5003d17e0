package ua.kuznia.matching.engine;

import java.util.List;

/**
 * Need-to-know: a facility cleared to a level may see material at that level or below, so it
 * must be cleared both for what the offer asks and for the offer's own classification.
 */
final class ClearanceRule implements HardRule {

    private static final List<String> LEVELS = List.of(
            "NATO UNCLASSIFIED", "NATO RESTRICTED", "NATO CONFIDENTIAL", "NATO SECRET", "COSMIC TOP SECRET");

    static String level(int rank) {
        return LEVELS.get(rank) + " (rank " + rank + ")";
    }

    /** NATO's classification markings are not translated. */
    static String levelUk(int rank) {
        return LEVELS.get(rank) + " (ранг " + rank + ")";
    }

    @Override
    public String id() {
        return "clearance";
    }

    @Override
    public String descriptionEn() {
        return "The manufacturer's security clearance is at least the clearance the offer requires"
                + " and at least the offer's classification.";
    }

    @Override
    public String descriptionUk() {
        return "Рівень допуску виробника не нижчий за допуск, якого вимагає пропозиція,"
                + " і не нижчий за гриф секретності самої пропозиції.";
    }

    @Override
    public Outcome evaluate(PairFacts facts) {
        OfferData offer = facts.offer;
        int needed = offer.neededClearanceRank();
        String requires = LEVELS.get(offer.requiredClearanceRank());
        String classified = LEVELS.get(offer.classificationRank());
        int held = facts.profile.clearanceRank();
        return new Outcome(held >= needed,
                ">= " + level(needed) + ": requires " + requires + ", classified " + classified, level(held),
                "≥ " + levelUk(needed) + ": пропозиція вимагає " + requires + ", має гриф " + classified, levelUk(held));
    }
}
