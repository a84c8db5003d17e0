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
        int trl = facts.offer.minTrl();
        int mrl = facts.offer.minMrl();
        String actual;
        String actualUk;
        if (!facts.ready.isEmpty()) {
            actual = "met by " + Text.capabilities(facts.ready);
            actualUk = "відповідає: " + Text.capabilitiesUk(facts.ready);
        } else if (!facts.covering.isEmpty()) {
            actual = "not met by " + Text.capabilities(facts.covering);
            actualUk = "не відповідає: " + Text.capabilitiesUk(facts.covering);
        } else {
            actual = "no capability in the offer areas";
            actualUk = "немає спроможності в напрямах пропозиції";
        }
        return new Outcome(!facts.ready.isEmpty(),
                "TRL >= " + trl + " and MRL >= " + mrl + " in an offer area", actual,
                "TRL ≥ " + trl + " і MRL ≥ " + mrl + " у напрямі пропозиції", actualUk);
    }
}
