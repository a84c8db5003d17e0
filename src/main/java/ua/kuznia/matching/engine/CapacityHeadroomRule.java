package ua.kuznia.matching.engine;

/**
 * Spare capacity beyond the offer's need makes a partnership robust to strikes and ramp-up
 * delays, with diminishing returns; a yearly target is turned into a monthly need.
 */
final class CapacityHeadroomRule implements SoftRule {

    @Override
    public String id() {
        return "capacity-headroom";
    }

    @Override
    public String descriptionEn() {
        return "The best monthly capacity of a qualifying capability relative to the offer's need"
                + " (its minimum monthly capacity, otherwise its yearly target volume / 12), on a logarithmic scale"
                + " reaching 1 at four times the need; 0.5 when the offer states no need.";
    }

    @Override
    public String descriptionUk() {
        return "Найбільша місячна потужність придатної спроможності відносно потреби пропозиції"
                + " (її мінімальної місячної потужності, інакше річного цільового обсягу / 12) за логарифмічною шкалою,"
                + " що сягає 1 при вчетверо більшій потужності; 0,5, якщо пропозиція не вказує потреби.";
    }

    @Override
    public int featureIndex() {
        return Features.CAPACITY_HEADROOM;
    }

    @Override
    public Value evaluate(PairFacts facts) {
        OfferData offer = facts.offer;
        double reference = Features.capacityReference(offer.minMonthlyCapacity(), offer.targetVolume());
        double best = facts.qualifying.stream().mapToDouble(Capability::monthlyCapacity).max().orElse(0);
        double value = Features.capacityHeadroom(best, reference);
        if (Double.isNaN(reference)) {
            return new Value(value, "the offer states no minimum monthly capacity or target volume",
                    "пропозиція не вказує ні мінімальної місячної потужності, ні цільового обсягу");
        }
        boolean byMinimum = offer.minMonthlyCapacity() != null && offer.minMonthlyCapacity() > 0;
        String need = byMinimum
                ? "minimum monthly capacity"
                : "yearly target " + Text.number(offer.targetVolume()) + " / 12";
        String needUk = byMinimum
                ? "мінімальна місячна потужність"
                : "річний цільовий обсяг " + Text.numberUk(offer.targetVolume()) + " / 12";
        return new Value(value,
                "best " + Text.number(best) + " per month against a need of " + Text.number(reference)
                        + " per month (" + need + ")",
                "найбільше " + Text.numberUk(best) + " на місяць за потреби " + Text.numberUk(reference)
                        + " на місяць (" + needUk + ")");
    }
}
