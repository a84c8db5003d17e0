package ua.kuznia.matching.engine;

/**
 * The monthly output must come from a capability that is also ready, or a large but immature
 * line would pass. Without a minimum the rule asks only for a ready capability, so it then
 * passes exactly when readiness does.
 */
final class CapacityRule implements HardRule {

    @Override
    public String id() {
        return "capacity";
    }

    @Override
    public String descriptionEn() {
        return "A ready capability in an offer area also reaches the offer's minimum monthly capacity, if it sets one.";
    }

    @Override
    public String descriptionUk() {
        return "Готова спроможність у напрямі пропозиції також забезпечує мінімальну місячну потужність,"
                + " якщо пропозиція її встановлює.";
    }

    @Override
    public Outcome evaluate(PairFacts facts) {
        Double minimum = facts.offer.minMonthlyCapacity();
        String expected = minimum == null
                ? "no minimum (any ready capability)"
                : ">= " + Text.number(minimum) + " per month from a ready capability";
        String expectedUk = minimum == null
                ? "без мінімуму (будь-яка готова спроможність)"
                : "≥ " + Text.numberUk(minimum) + " на місяць з готової спроможності";
        String actual;
        String actualUk;
        if (facts.ready.isEmpty()) {
            actual = "no ready capability";
            actualUk = "немає готової спроможності";
        } else {
            double best = facts.ready.stream().mapToDouble(Capability::monthlyCapacity).max().orElseThrow();
            actual = "up to " + Text.number(best) + " per month from a ready capability";
            actualUk = "до " + Text.numberUk(best) + " на місяць з готової спроможності";
        }
        return new Outcome(!facts.qualifying.isEmpty(), expected, actual, expectedUk, actualUk);
    }
}
