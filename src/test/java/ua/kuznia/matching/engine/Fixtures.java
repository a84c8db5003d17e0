package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders for hand-written cases: everything passes unless a test says otherwise. */
final class Fixtures {

    private Fixtures() {
    }

    static ProfileBuilder profile() {
        return new ProfileBuilder();
    }

    static OfferBuilder offer() {
        return new OfferBuilder();
    }

    static RuleSetBuilder rules() {
        return new RuleSetBuilder();
    }

    static Capability capability(String area, int trl, int mrl, double monthly) {
        return new Capability(area, trl, mrl, monthly);
    }

    static PairFacts facts(ProfileBuilder profile, OfferBuilder offer) {
        return facts(profile, offer, rules());
    }

    static PairFacts facts(ProfileBuilder profile, OfferBuilder offer, RuleSetBuilder rules) {
        return new PairFacts(profile.build(), offer.build(), new CompiledRuleSet(rules.build()));
    }

    static final class ProfileBuilder {
        long id = 1;
        boolean published = true;
        int clearance = 0;
        int riskTier = 1;
        Set<String> certifications = Set.of();
        List<Capability> capabilities = new ArrayList<>(List.of(capability("munitions.artillery-155", 7, 7, 100)));
        Set<String> seekingAreas = Set.of();
        Set<String> seekingTypes = Set.of();

        ProfileBuilder id(long value) {
            id = value;
            return this;
        }

        ProfileBuilder published(boolean value) {
            published = value;
            return this;
        }

        ProfileBuilder clearance(int value) {
            clearance = value;
            return this;
        }

        ProfileBuilder riskTier(int value) {
            riskTier = value;
            return this;
        }

        ProfileBuilder certifications(String... values) {
            certifications = Set.of(values);
            return this;
        }

        ProfileBuilder capabilities(Capability... values) {
            capabilities = new ArrayList<>(List.of(values));
            return this;
        }

        ProfileBuilder seekingAreas(String... values) {
            seekingAreas = Set.of(values);
            return this;
        }

        ProfileBuilder seekingTypes(String... values) {
            seekingTypes = Set.of(values);
            return this;
        }

        ProfileData build() {
            return new ProfileData(id, published, clearance, riskTier, certifications, capabilities, seekingAreas, seekingTypes);
        }
    }

    static final class OfferBuilder {
        long id = 1;
        boolean open = true;
        List<String> areas = List.of("munitions.artillery-155");
        String transferType = "JOINT_VENTURE";
        int minTrl = 5;
        int minMrl = 5;
        Double minMonthly;
        Set<String> required = Set.of();
        int requiredClearance = 0;
        int classification = 0;
        Integer maxRiskTier;
        Double targetVolume;

        OfferBuilder id(long value) {
            id = value;
            return this;
        }

        OfferBuilder open(boolean value) {
            open = value;
            return this;
        }

        OfferBuilder areas(String... values) {
            areas = List.of(values);
            return this;
        }

        OfferBuilder transferType(String value) {
            transferType = value;
            return this;
        }

        OfferBuilder minTrl(int value) {
            minTrl = value;
            return this;
        }

        OfferBuilder minMrl(int value) {
            minMrl = value;
            return this;
        }

        OfferBuilder minMonthly(Double value) {
            minMonthly = value;
            return this;
        }

        OfferBuilder required(String... values) {
            required = Set.of(values);
            return this;
        }

        OfferBuilder requiredClearance(int value) {
            requiredClearance = value;
            return this;
        }

        OfferBuilder classification(int value) {
            classification = value;
            return this;
        }

        OfferBuilder maxRiskTier(Integer value) {
            maxRiskTier = value;
            return this;
        }

        OfferBuilder targetVolume(Double value) {
            targetVolume = value;
            return this;
        }

        OfferData build() {
            return new OfferData(id, open, areas, transferType, minTrl, minMrl, minMonthly, required,
                    requiredClearance, classification, maxRiskTier, targetVolume);
        }
    }

    static final class RuleSetBuilder {
        int version = 1;
        Map<String, Double> weights = new HashMap<>();
        double minScore = 0;
        int topK = 10;
        Map<String, Double> priorities = new HashMap<>();
        Map<String, Double> effectiveness = new HashMap<>();

        RuleSetBuilder() {
            RuleCatalog.softRules().forEach(rule -> weights.put(rule.id(), 1.0));
        }

        RuleSetBuilder version(int value) {
            version = value;
            return this;
        }

        RuleSetBuilder weight(String ruleId, double value) {
            weights.put(ruleId, value);
            return this;
        }

        RuleSetBuilder onlyWeight(String ruleId) {
            weights.replaceAll((id, weight) -> id.equals(ruleId) ? 1.0 : 0.0);
            return this;
        }

        RuleSetBuilder minScore(double value) {
            minScore = value;
            return this;
        }

        RuleSetBuilder topK(int value) {
            topK = value;
            return this;
        }

        RuleSetBuilder priority(String area, double value) {
            priorities.put(area, value);
            return this;
        }

        RuleSetBuilder effectiveness(String key, double value) {
            effectiveness.put(key, value);
            return this;
        }

        RuleSetData build() {
            return new RuleSetData(version, weights, minScore, topK, priorities, effectiveness);
        }
    }
}
