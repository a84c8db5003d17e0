package ua.kuznia.matching.engine;

/** A rule set with its weights laid out in feature order, ready for the scoring loop. */
final class CompiledRuleSet {

    final RuleSetData data;
    final double[] weights = new double[Features.COUNT];
    final double weightSum;
    /**
     * Readiness-surplus contributions by highest TRL * 11 + highest MRL, one table per pair of
     * offer minimums, shared by the offers' plans (built lazily; plans are built one at a time
     * under the engine's write lock).
     */
    private final double[][] readinessByMinimums = new double[10 * 11][];

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

    /** NaN where the highest TRL or MRL misses the minimum. */
    double[] readinessContributions(int minTrl, int minMrl) {
        double[] table = readinessByMinimums[minTrl * 11 + minMrl];
        if (table == null) {
            double scale = weightSum == 0 ? 0 : 100.0 / weightSum;
            table = new double[10 * 11];
            for (int trl = 0; trl <= 9; trl++) {
                for (int mrl = 0; mrl <= 10; mrl++) {
                    table[trl * 11 + mrl] = trl < minTrl || mrl < minMrl ? Double.NaN
                            : scale * weights[Features.READINESS_SURPLUS]
                                    * Features.readinessSurplus(Features.trlProgress(trl, minTrl), Features.mrlProgress(mrl, minMrl));
                }
            }
            readinessByMinimums[minTrl * 11 + minMrl] = table;
        }
        return table;
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
