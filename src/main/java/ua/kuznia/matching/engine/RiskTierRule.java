package ua.kuznia.matching.engine;

/** Some donors will not place production within reach of strikes or the front line. */
final class RiskTierRule implements HardRule {

    @Override
    public String id() {
        return "risk-tier";
    }

    @Override
    public String descriptionEn() {
        return "The risk tier of the manufacturer's oblast does not exceed the offer's maximum, if it sets one.";
    }

    @Override
    public String descriptionUk() {
        return "Рівень ризику області, де розташований виробник, не перевищує максимально допустимого"
                + " для пропозиції, якщо його встановлено.";
    }

    @Override
    public Outcome evaluate(PairFacts facts) {
        Integer maximum = facts.offer.maxRiskTier();
        int tier = facts.profile.riskTier();
        return new Outcome(maximum == null || tier <= maximum,
                maximum == null ? "any tier (no maximum)" : "tier <= " + maximum,
                "tier " + tier,
                maximum == null ? "будь-який рівень ризику (без обмеження)" : "рівень ризику ≤ " + maximum,
                "рівень ризику " + tier);
    }
}
