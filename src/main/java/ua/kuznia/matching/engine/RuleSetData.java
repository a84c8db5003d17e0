package ua.kuznia.matching.engine;

import java.util.Map;

/**
 * One version of the coordinators' rule set.
 *
 * @param weights              soft rule id to weight (>= 0); a soft rule left out weighs 0
 * @param minScore             lowest score (0..100) that is still suggested
 * @param topK                 how many suggestions an offer keeps
 * @param areaPriorities       area code to priority in [0, 1]; sub-areas inherit the nearest listed ancestor's
 * @param supportEffectiveness "TRANSFER_TYPE" or "TRANSFER_TYPE|area.code" to effectiveness in [0, 1],
 *                             as learned from the audit of earlier aid
 */
public record RuleSetData(
        int version,
        Map<String, Double> weights,
        double minScore,
        int topK,
        Map<String, Double> areaPriorities,
        Map<String, Double> supportEffectiveness) {

    public RuleSetData {
        weights = Map.copyOf(weights);
        weights.forEach((id, weight) -> {
            if (!RuleCatalog.isSoftRule(id)) {
                // A misspelt id would silently weigh nothing; refusing it surfaces the typo.
                throw new IllegalArgumentException("unknown soft rule id in weights: " + id);
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of " + id + " must be finite and >= 0, was " + weight);
            }
        });
        if (!(minScore >= 0 && minScore <= 100)) {
            throw new IllegalArgumentException("minimum score must be 0..100, was " + minScore);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("top-K must be >= 1, was " + topK);
        }
        areaPriorities = unitValues("area priority", areaPriorities);
        supportEffectiveness = unitValues("support effectiveness", supportEffectiveness);
    }

    private static Map<String, Double> unitValues(String what, Map<String, Double> values) {
        Map<String, Double> copy = Map.copyOf(values);
        copy.forEach((key, value) -> {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(what + " of " + key + " must be in [0, 1], was " + value);
            }
        });
        return copy;
    }
}
