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
        String expected = ">= " + level(needed) + ": requires " + LEVELS.get(offer.requiredClearanceRank())
                + ", classified " + LEVELS.get(offer.classificationRank());
        return new Outcome(facts.profile.clearanceRank() >= needed, expected, level(facts.profile.clearanceRank()));
    }
}
