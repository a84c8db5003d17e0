package ua.kuznia.matching.engine;

/** A partner already past the offer's minimums needs less time and money to deliver. */
final class ReadinessSurplusRule implements SoftRule {

    @Override
    public String id() {
        return "readiness-surplus";
    }

    @Override
    public String descriptionEn() {
        return "How far the best qualifying capability exceeds the offer's minimum TRL and MRL,"
                + " averaged over both: 0 at the minimums, 1 at TRL 9 and MRL 10.";
    }

    @Override
    public String descriptionUk() {
        return "Наскільки найкраща придатна спроможність перевищує мінімальні TRL і MRL пропозиції,"
                + " у середньому за обома: 0 — на рівні мінімумів, 1 — TRL 9 і MRL 10.";
    }

    @Override
    public int featureIndex() {
        return Features.READINESS_SURPLUS;
    }

    @Override
    public Value evaluate(PairFacts facts) {
        OfferData offer = facts.offer;
        Capability best = null;
        double bestValue = 0;
        for (Capability capability : facts.qualifying) {
            double value = Features.readinessSurplus(
                    Features.trlProgress(capability.trl(), offer.minTrl()),
                    Features.mrlProgress(capability.mrl(), offer.minMrl()));
            if (best == null || value > bestValue) {
                best = capability;
                bestValue = value;
            }
        }
        if (best == null) {
            return new Value(0, "no qualifying capability", "немає придатної спроможності");
        }
        return new Value(bestValue,
                best.area() + " at TRL " + best.trl() + " / MRL " + best.mrl()
                        + " against minimum TRL " + offer.minTrl() + " / MRL " + offer.minMrl(),
                best.area() + ": TRL " + best.trl() + " / MRL " + best.mrl()
                        + " за мінімуму TRL " + offer.minTrl() + " / MRL " + offer.minMrl());
    }
}
