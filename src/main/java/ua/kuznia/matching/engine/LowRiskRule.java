package ua.kuznia.matching.engine;

/** Production further from strikes and the front line is more likely to deliver on time. */
final class LowRiskRule implements SoftRule {

    @Override
    public String id() {
        return "low-risk";
    }

    @Override
    public String descriptionEn() {
        return "Lower exposure of the manufacturer's oblast to strikes and the front line: 1 for risk tier 1, 0 for tier 4.";
    }

    @Override
    public String descriptionUk() {
        return "Менша загроза ударів і віддаленість від лінії фронту для області виробника:"
                + " 1 — рівень ризику 1, 0 — рівень ризику 4.";
    }

    @Override
    public int featureIndex() {
        return Features.LOW_RISK;
    }

    @Override
    public Value evaluate(PairFacts facts) {
        int tier = facts.profile.riskTier();
        return new Value(Features.lowRisk(tier), "oblast risk tier " + tier, "рівень ризику області " + tier);
    }
}
