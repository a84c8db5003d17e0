package ua.kuznia.matching.engine;

/**
 * Profiles grouped into bands by what bounds their score from the profile's record (see
 * {@link ProfileIndex#bound}), each term's input cut into a few steps. A band's bound for an offer
 * is the record bound of a profile at the top of every step: no member's bound exceeds it, since
 * every table of the plan grows with what it is looked up by and floating-point addition is
 * monotonic. Ranking a broad offer then reads one int per candidate, and reads the records only of
 * the bands that can reach its ranking.
 *
 * <p>A band is one int: risk tier (bits 0-2); highest TRL step (3-4: up to 6, 7, 8, 9); highest
 * MRL step (5-6: up to 6, 7, 8, 10); AQAP 2110 held (7); certifications held step (8-9: up to 1,
 * 2, any); largest monthly capacity step (10-12: below each of {@link #MONTHLY_STEPS}, or above
 * all); seeks some area (13); the sought transfer types by id mod 16 (16-31, all set when a
 * sought type's id is 32 or more). An offer sees the low 14 bits and whether its own type is
 * sought.
 *
 * <p>Holds one offer's tables at a time: each ranking thread needs its own instance.
 */
final class ScoreBands {

    private static final int[] TRL_STEP_TOPS = {6, 7, 8, 9};
    private static final int[] MRL_STEP_TOPS = {6, 7, 8, 10};
    private static final int[] CERTIFICATION_STEP_TOPS = {1, 2, Integer.MAX_VALUE};
    private static final double[] MONTHLY_STEPS = {50, 100, 200, 400, 800, 1600};

    // The offer's tables by step, filled by prepare.
    private double constant;
    private final double[] readiness = new double[TRL_STEP_TOPS.length * MRL_STEP_TOPS.length];
    private final double[] certifications = new double[2 * CERTIFICATION_STEP_TOPS.length];
    private double[] lowRisk;
    private final double[] headroom = new double[MONTHLY_STEPS.length + 1];
    private double[] seeking;
    private int transferTypeId;

    static int band(int riskTier, int maxTrl, int maxMrl, boolean holdsAqap2110, int certificationCount,
            float largestMonthly, boolean seeksArea, int soughtTypeMask, boolean wideTypes) {
        int trlStep = Math.max(0, Math.min(3, maxTrl - 6));
        int mrlStep = Math.max(0, Math.min(3, maxMrl - 6));
        int certificationStep = certificationCount <= 1 ? 0 : certificationCount == 2 ? 1 : 2;
        int monthlyStep = 0;
        while (monthlyStep < MONTHLY_STEPS.length && largestMonthly >= MONTHLY_STEPS[monthlyStep]) {
            monthlyStep++;
        }
        // Folding ids mod 32 onto ids mod 16 keeps every bit the exact mask has, and may add some:
        // a band bound may only grow.
        int types = wideTypes ? 0xFFFF : (soughtTypeMask | soughtTypeMask >>> 16) & 0xFFFF;
        return riskTier | trlStep << 3 | mrlStep << 5 | (holdsAqap2110 ? 1 << 7 : 0) | certificationStep << 8
                | monthlyStep << 10 | (seeksArea ? 1 << 13 : 0) | types << 16;
    }

    /** Reads the offer's tables at every step top; call before {@link #bound} for that offer. */
    void prepare(OfferPlan offer) {
        constant = offer.constantContribution;
        for (int trl = 0; trl < TRL_STEP_TOPS.length; trl++) {
            for (int mrl = 0; mrl < MRL_STEP_TOPS.length; mrl++) {
                double value = offer.readinessContribution[TRL_STEP_TOPS[trl] * 11 + MRL_STEP_TOPS[mrl]];
                // No value where the step's top misses the offer's minimums: no candidate is there
                // (its levels come from the bitmaps of those minimums), but stay a bound if one were.
                readiness[trl * MRL_STEP_TOPS.length + mrl] = Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
            }
        }
        for (int step = 0; step < CERTIFICATION_STEP_TOPS.length; step++) {
            certifications[step] = offer.extraCertificationsContribution(false, CERTIFICATION_STEP_TOPS[step]);
            certifications[CERTIFICATION_STEP_TOPS.length + step] = offer.extraCertificationsContribution(true, CERTIFICATION_STEP_TOPS[step]);
        }
        lowRisk = offer.lowRiskContribution;
        for (int step = 0; step <= MONTHLY_STEPS.length; step++) {
            headroom[step] = offer.headroomContribution(step < MONTHLY_STEPS.length ? MONTHLY_STEPS[step] : Double.POSITIVE_INFINITY);
        }
        seeking = offer.seekingContribution;
        transferTypeId = offer.transferTypeId;
    }

    /**
     * The bound of the band for the prepared offer: the sum {@link ProfileIndex#bound} makes, in
     * the same order, of the terms at the band's step tops.
     */
    double bound(int band) {
        double readinessTerm = readiness[((band >>> 3) & 3) * MRL_STEP_TOPS.length + ((band >>> 5) & 3)];
        double certificationsTerm = certifications[((band >>> 7) & 1) * CERTIFICATION_STEP_TOPS.length + ((band >>> 8) & 3)];
        double riskTerm = lowRisk[band & 7];
        double headroomTerm = headroom[(band >>> 10) & 7];
        int typeSought = (band >>> (16 + (transferTypeId & 15))) & 1;
        double seekingTerm = seeking[((band >>> 13) & 1) << 1 | typeSought];
        return constant + readinessTerm + certificationsTerm + riskTerm + headroomTerm + seekingTerm + ProfileIndex.BOUND_SLACK;
    }
}
