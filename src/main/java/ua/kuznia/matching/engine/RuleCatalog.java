package ua.kuznia.matching.engine;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every rule the matcher applies, in the order explanations list them. */
public final class RuleCatalog {

    static final List<HardRule> HARD_RULES = List.of(
            new StatusRule(),
            new AreaCoverageRule(),
            new ReadinessRule(),
            new CapacityRule(),
            new CertificationsRule(),
            new ClearanceRule(),
            new RiskTierRule());

    /** In feature-index order, which is also the order the score sums them in. */
    static final List<SoftRule> SOFT_RULES = List.of(
            new AreaSpecificityRule(),
            new CapacityHeadroomRule(),
            new ReadinessSurplusRule(),
            new ExtraCertificationsRule(),
            new AreaPriorityRule(),
            new SeekingFitRule(),
            new LowRiskRule(),
            new SupportModelRule());

    private static final Set<String> SOFT_RULE_IDS =
            SOFT_RULES.stream().map(Rule::id).collect(Collectors.toUnmodifiableSet());

    static {
        for (int i = 0; i < SOFT_RULES.size(); i++) {
            if (SOFT_RULES.get(i).featureIndex() != i) {
                throw new ExceptionInInitializerError("soft rule " + SOFT_RULES.get(i).id() + " is out of feature order");
            }
        }
    }

    private RuleCatalog() {
    }

    public static List<Rule> hardRules() {
        return List.copyOf(HARD_RULES);
    }

    public static List<Rule> softRules() {
        return List.copyOf(SOFT_RULES);
    }

    public static boolean isSoftRule(String id) {
        return SOFT_RULE_IDS.contains(id);
    }
}
