package ua.kuznia.matching.engine;

import java.util.stream.Collectors;

/**
 * A capability counts for an offer area when it is in that area or below it: a maker of
 * 155-mm rounds serves an offer on munitions, but a general munitions capability does not
 * prove it can make 155-mm rounds.
 */
final class AreaCoverageRule implements HardRule {

    @Override
    public String id() {
        return "area-coverage";
    }

    @Override
    public String descriptionEn() {
        return "At least one of the manufacturer's capabilities lies in an offer area or in one of its sub-areas.";
    }

    @Override
    public String descriptionUk() {
        return "Принаймні одна спроможність виробника належить до напряму пропозиції або до одного з його піднапрямів.";
    }

    @Override
    public Outcome evaluate(PairFacts facts) {
        String expected = "a capability in " + String.join(" or ", facts.offer.areas()) + ", or below";
        String actual;
        if (!facts.covering.isEmpty()) {
            actual = "covered by " + Text.list(facts.covering.stream().map(Capability::area).collect(Collectors.toSet()));
        } else if (facts.profile.capabilities().isEmpty()) {
            actual = "no capabilities";
        } else {
            actual = "capabilities only in "
                    + Text.list(facts.profile.capabilities().stream().map(Capability::area).collect(Collectors.toSet()));
        }
        return new Outcome(!facts.covering.isEmpty(), expected, actual);
    }
}
