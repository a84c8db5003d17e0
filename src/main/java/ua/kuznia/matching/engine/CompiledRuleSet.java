package ua.kuznia.matching.engine;

import java.util.Arrays;

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
    /** The same values by capability TRL * 11 + MRL (see {@link #readinessByPackedMinimums}), built lazily. */
    private final double[][] readinessRows = new double[10 * 11][];

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

    /**
     * The readiness-surplus contributions of a capability with this TRL and MRL to offers, by
     * the offers' minimums packed as {@code minTrl << 4 | minMrl}; NaN where it falls short. A
     * changed profile's scan reads one row per capability for hundreds of offers.
     */
    double[] readinessByPackedMinimums(int trl, int mrl) {
        double[] row = readinessRows[trl * 11 + mrl];
        if (row == null) {
            row = new double[256];
            Arrays.fill(row, Double.NaN);
            for (int minTrl = 0; minTrl <= 9; minTrl++) {
                for (int minMrl = 0; minMrl <= 10; minMrl++) {
                    row[minTrl << 4 | minMrl] = readinessContributions(minTrl, minMrl)[trl * 11 + mrl];
                }
            }
            readinessRows[trl * 11 + mrl] = row;
        }
        return row;
    }

    /** The area-specificity contribution of a capability this many levels below the offer area. */
    double specificityContribution(int depthGap) {
        return scale * weights[Features.AREA_SPECIFICITY] * Features.areaSpecificity(depthGap);
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
        return data.topK() + baseSlack();
    }

    /**
     * The buffer of a ranking that ran dry, refilled: twice the entries beyond the top K it had,
     * up to four times the first. Under a steady stream of edits the entries behind the top K
     * drift like a random walk, leaving and entering, so a buffer with s spare entries runs dry
     * after about s² such steps; a busy offer would otherwise be rescored again and again, each
     * time costing a profile edit a hundred times its usual work. Only offers that ran dry grow,
     * so the rankings' memory and the full match stay as they were.
     */
    int grownCapacity(int capacity) {
        int slack = Math.max(baseSlack(), capacity - data.topK());
        return data.topK() + Math.min(MAX_SLACK_GROWTH * baseSlack(), 2 * slack);
    }

    private int baseSlack() {
        return Math.max(8, data.topK() / 4);
    }

    /** How many times the first slack a refilled buffer keeps at most. */
    static final int MAX_SLACK_GROWTH = 4;

    /** Score points a rule adds: its share of the weighted sum. */
    double contribution(int featureIndex, double value) {
        return weightSum == 0 ? 0 : 100.0 * weights[featureIndex] * value / weightSum;
    }
}
