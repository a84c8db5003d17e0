package ua.kuznia.matching.engine;

/** A rule set with its weights laid out in feature order, ready for the scoring loop. */
final class CompiledRuleSet {

    final RuleSetData data;
    final double[] weights = new double[Features.COUNT];
    final double weightSum;
    /** Turns a weighted feature value into score points: 100 / the sum of the weights (0 without weights). */
    final double scale;
    /** Low-risk contributions by risk tier (1–4): the same for every offer and profile. */
    final double[] lowRiskContributions = new double[5];
    /** Seeking-fit contributions by (related area sought ? 2 : 0) + (transfer type sought ? 1 : 0). */
    final double[] seekingContributions = new double[4];
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
        this.scale = sum == 0 ? 0 : 100.0 / sum;
        for (int tier = 1; tier <= 4; tier++) {
            lowRiskContributions[tier] = scale * weights[Features.LOW_RISK] * Features.lowRisk(tier);
        }
        for (int area = 0; area < 2; area++) {
            for (int type = 0; type < 2; type++) {
                seekingContributions[2 * area + type] = scale * weights[Features.SEEKING_FIT] * Features.seekingFit(area == 1, type == 1);
            }
        }
    }

    /** NaN where the highest TRL or MRL misses the minimum. */
    double[] readinessContributions(int minTrl, int minMrl) {
        double[] table = readinessByMinimums[minTrl * 11 + minMrl];
        if (table == null) {
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
