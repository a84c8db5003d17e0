package ua.kuznia.matching.engine;

/** Technology and manufacturing readiness must both be met by the same capability in an offer area. */
final class ReadinessRule implements HardRule {

    @Override
    public String id() {
        return "readiness";
    }

    @Override
    public String descriptionEn() {
        return "A capability in an offer area reaches both the minimum technology readiness level (TRL)"
                + " and the minimum manufacturing readiness level (MRL).";
    }

    @Override
    public String descriptionUk() {
        return "Спроможність у напрямі пропозиції досягає водночас мінімального рівня готовності технології (TRL)"
                + " і мінімального рівня готовності виробництва (MRL).";
    }

    @Override
    public Outcome evaluate(PairFacts facts) {
        String expected = "TRL >= " + facts.offer.minTrl() + " and MRL >= " + facts.offer.minMrl() + " in an offer area";
        String actual;
        if (!facts.ready.isEmpty()) {
            actual = "met by " + Text.capabilities(facts.ready);
        } else if (!facts.covering.isEmpty()) {
            actual = "not met by " + Text.capabilities(facts.covering);
        } else {
            actual = "no capability in the offer areas";
        }
        return new Outcome(!facts.ready.isEmpty(), expected, actual);
    }
}
