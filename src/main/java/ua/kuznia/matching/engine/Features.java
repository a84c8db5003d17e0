package ua.kuznia.matching.engine;

/**
 * The soft-rule formulas, in one place so the readable rules (used for explanations) and the
 * columnar scorer (used for ranking) compute bit-identical values: a pair's explained score is
 * exactly the score it was ranked by. The SQL oracle in the tests repeats the same operations in
 * the same order.
 */
final class Features {

    static final int AREA_SPECIFICITY = 0;
    static final int CAPACITY_HEADROOM = 1;
    static final int READINESS_SURPLUS = 2;
    static final int EXTRA_CERTIFICATIONS = 3;
    static final int AREA_PRIORITY = 4;
    static final int SEEKING_FIT = 5;
    static final int LOW_RISK = 6;
    static final int SUPPORT_MODEL = 7;
    static final int COUNT = 8;

    /** The certification worth half of the extra-certifications value on its own. */
    static final String AQAP_2110 = "AQAP-2110";

    /** Neutral value for features the data says nothing about. */
    static final double NEUTRAL = 0.5;

    // StrictMath: Math.log may differ by an ulp between interpreted and compiled code, and the
    // same pair must score the same whichever path computed it.
    private static final double LOG_5 = StrictMath.log(5);

    private Features() {
    }

    /** 1 for a capability in the offer area itself, 1/2 one level deeper, and so on. */
    static double areaSpecificity(int depthGap) {
        return 1.0 / (1 + depthGap);
    }

    /** Monthly capacity the offer needs, or NaN when it states neither a minimum nor a yearly target. */
    static double capacityReference(Double minMonthlyCapacity, Double yearlyTargetVolume) {
        if (minMonthlyCapacity != null && minMonthlyCapacity > 0) {
            return minMonthlyCapacity;
        }
        if (yearlyTargetVolume != null && yearlyTargetVolume > 0) {
            return yearlyTargetVolume / 12.0;
        }
        return Double.NaN;
    }

    /** Logarithmic, so the first multiples of the need count most; 1 from four times the need. */
    static double capacityHeadroom(double maxMonthlyCapacity, double reference) {
        if (Double.isNaN(reference)) {
            return NEUTRAL;
        }
        return Math.min(1.0, StrictMath.log(1 + maxMonthlyCapacity / reference) / LOG_5);
    }

    static double trlProgress(int trl, int minTrl) {
        return minTrl >= 9 ? 1 : (trl - minTrl) / (9.0 - minTrl);
    }

    static double mrlProgress(int mrl, int minMrl) {
        return minMrl >= 10 ? 1 : (mrl - minMrl) / (10.0 - minMrl);
    }

    static double readinessSurplus(double trlProgress, double mrlProgress) {
        return (trlProgress + mrlProgress) / 2;
    }

    /** AQAP 2110 is the certification NATO buyers ask for most, so it alone is worth half. */
    static double extraCertifications(boolean extraHasAqap2110, int otherExtraCount) {
        return 0.5 * (extraHasAqap2110 ? 1 : 0) + 0.5 * Math.min(1.0, otherExtraCount / 3.0);
    }

    static double seekingFit(boolean seeksRelatedArea, boolean seeksTransferType) {
        return 0.5 * (seeksRelatedArea ? 1 : 0) + 0.5 * (seeksTransferType ? 1 : 0);
    }

    static double lowRisk(int riskTier) {
        return (4 - riskTier) / 3.0;
    }

    /** 100 * sum(w_i * f_i) / sum(w_i), summed in feature-index order; 0 when all weights are 0. */
    static double score(double[] weights, double weightSum, double[] features) {
        if (weightSum == 0) {
            return 0;
        }
        double weighted = 0;
        for (int i = 0; i < COUNT; i++) {
            weighted += weights[i] * features[i];
        }
        return 100.0 * weighted / weightSum;
    }
}
