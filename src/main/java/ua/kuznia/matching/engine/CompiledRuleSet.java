package ua.kuznia.matching.engine;

/** A rule set with its weights laid out in feature order, ready for the scoring loop. */
final class CompiledRuleSet {

    final RuleSetData data;
    final double[] weights = new double[Features.COUNT];
    final double weightSum;

    CompiledRuleSet(RuleSetData data) {
        this.data = data;
        double sum = 0;
        for (SoftRule rule : RuleCatalog.SOFT_RULES) {
            double weight = data.weights().getOrDefault(rule.id(), 0.0);
            weights[rule.featureIndex()] = weight;
            sum += weight;
        }
        this.weightSum = sum;
    }

    double minScore() {
        return data.minScore();
    }

    int topK() {
        return data.topK();
    }

    /**
     * How many ranked entries an offer keeps beyond its top K, so that when a suggested profile
     * drops out the next one is already known and the offer need not be rescored.
     */
    int bufferCapacity() {
        return data.topK() + Math.max(8, data.topK() / 4);
    }

    /** Score points a rule adds: its share of the weighted sum. */
    double contribution(int featureIndex, double value) {
        return weightSum == 0 ? 0 : 100.0 * weights[featureIndex] * value / weightSum;
    }
}
