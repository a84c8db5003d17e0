package ua.kuznia.matching.engine;

import java.util.Set;
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
        String expectedUk = "спроможність у напрямі " + String.join(" або ", facts.offer.areas()) + " чи в піднапрямі";
        String actual;
        String actualUk;
        if (!facts.covering.isEmpty()) {
            Set<String> areas = facts.covering.stream().map(Capability::area).collect(Collectors.toSet());
            actual = "covered by " + Text.list(areas);
            actualUk = "покрито спроможностями в " + Text.listUk(areas);
        } else if (facts.profile.capabilities().isEmpty()) {
            actual = "no capabilities";
            actualUk = "немає спроможностей";
        } else {
            Set<String> areas = facts.profile.capabilities().stream().map(Capability::area).collect(Collectors.toSet());
            actual = "capabilities only in " + Text.list(areas);
            actualUk = "спроможності лише в " + Text.listUk(areas);
        }
        return new Outcome(!facts.covering.isEmpty(), expected, actual, expectedUk, actualUk);
    }
}
