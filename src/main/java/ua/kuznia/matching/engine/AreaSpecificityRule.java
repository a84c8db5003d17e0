package ua.kuznia.matching.engine;

/** A maker of exactly what the offer names is a better partner than a maker of something nearby in the tree. */
final class AreaSpecificityRule implements SoftRule {

    @Override
    public String id() {
        return "area-specificity";
    }

    @Override
    public String descriptionEn() {
        return "How precisely the best qualifying capability matches an offer area:"
                + " 1 for the area itself, 1/2 for one level below it, 1/3 for two levels, and so on.";
    }

    @Override
    public String descriptionUk() {
        return "Наскільки точно найкраща придатна спроможність відповідає напряму пропозиції:"
                + " 1 — той самий напрям, 1/2 — на рівень нижче, 1/3 — на два рівні нижче і так далі.";
    }

    @Override
    public int featureIndex() {
        return Features.AREA_SPECIFICITY;
    }

    @Override
    public Value evaluate(PairFacts facts) {
        Capability best = null;
        int bestGap = Integer.MAX_VALUE;
        for (Capability capability : facts.qualifying) {
            int gap = facts.depthGap(capability);
            if (gap < bestGap) {
                best = capability;
                bestGap = gap;
            }
        }
        if (best == null) {
            return new Value(0, "no qualifying capability", "немає придатної спроможності");
        }
        String offerArea = facts.deepestOfferAreaContaining(best);
        return new Value(Features.areaSpecificity(bestGap),
                best.area() + " in offer area " + offerArea + ", " + bestGap + " level(s) below",
                best.area() + " у напрямі пропозиції " + offerArea + ", різниця рівнів: " + bestGap);
    }
}
