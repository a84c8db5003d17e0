package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One (offer, profile) pair with the profile's capabilities sorted into the nested sets the rules
 * talk about: covering (in an offer area) ⊇ ready (also meets the minimum TRL and MRL) ⊇
 * qualifying (also meets the minimum monthly capacity, if any).
 */
final class PairFacts {

    final ProfileData profile;
    final OfferData offer;
    final CompiledRuleSet rules;
    final List<Capability> covering = new ArrayList<>();
    final List<Capability> ready = new ArrayList<>();
    final List<Capability> qualifying = new ArrayList<>();

    PairFacts(ProfileData profile, OfferData offer, CompiledRuleSet rules) {
        this.profile = profile;
        this.offer = offer;
        this.rules = rules;
        for (Capability capability : profile.capabilities()) {
            if (depthGap(capability) < 0) {
                continue;
            }
            covering.add(capability);
            if (capability.trl() < offer.minTrl() || capability.mrl() < offer.minMrl()) {
                continue;
            }
            ready.add(capability);
            if (offer.minMonthlyCapacity() == null || capability.monthlyCapacity() >= offer.minMonthlyCapacity()) {
                qualifying.add(capability);
            }
        }
    }

    /** Levels between the capability's area and the deepest offer area containing it, or -1 if none does. */
    int depthGap(Capability capability) {
        String area = deepestOfferAreaContaining(capability);
        return area == null ? -1 : AreaCodes.depth(capability.area()) - AreaCodes.depth(area);
    }

    String deepestOfferAreaContaining(Capability capability) {
        String deepest = null;
        for (String area : offer.areas()) {
            if (AreaCodes.isWithin(capability.area(), area)
                    && (deepest == null || AreaCodes.depth(area) > AreaCodes.depth(deepest))) {
                deepest = area;
            }
        }
        return deepest;
    }

    boolean eligible() {
        for (HardRule rule : RuleCatalog.HARD_RULES) {
            if (!rule.evaluate(this).passed()) {
                return false;
            }
        }
        return true;
    }

    double[] features() {
        double[] features = new double[Features.COUNT];
        for (SoftRule rule : RuleCatalog.SOFT_RULES) {
            features[rule.featureIndex()] = rule.evaluate(this).value();
        }
        return features;
    }

    double score() {
        return Features.score(rules.weights, rules.weightSum, features());
    }
}
