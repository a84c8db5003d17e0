package ua.kuznia.matching.engine;

import java.util.List;

/**
 * Why a profile is, or is not, suggested for an offer, rule by rule.
 *
 * <p>Soft values are computed for every pair, eligible or not, over the capabilities that
 * qualify for the offer (in an offer area, ready, with enough capacity); with no qualifying
 * capability the capability-based values are 0 (capacity headroom stays 0.5 when the offer
 * states no need). So an ineligible pair shows the score it would have if its failed hard rules
 * were fixed, which tells a coordinator how close it is.
 *
 * @param score    0..100 under the rule set {@code ruleSetVersion}
 * @param eligible every hard rule passed
 * @param suggested eligible and the score reaches the rule set's minimum
 * @param rank     1-based position in the offer's current top K, or null when not in it
 * @param whyNot   empty when the pair is in the top K; otherwise each reason it is not
 */
public record Explanation(
        long offerId,
        long profileId,
        int ruleSetVersion,
        boolean eligible,
        boolean suggested,
        double score,
        Integer rank,
        List<HardResult> hardRules,
        List<SoftResult> softRules,
        List<Reason> whyNot) {

    public Explanation {
        hardRules = List.copyOf(hardRules);
        softRules = List.copyOf(softRules);
        whyNot = List.copyOf(whyNot);
    }

    /**
     * The English values keep the names without a language suffix: API clients and the stored
     * explanations read them by those names.
     *
     * @param expected   what the offer asks, readable by people
     * @param actual     what the profile has, readable by people
     * @param expectedUk {@code expected} in Ukrainian
     * @param actualUk   {@code actual} in Ukrainian
     */
    public record HardResult(
            String ruleId, boolean passed, String expected, String actual, String expectedUk, String actualUk,
            String descriptionEn, String descriptionUk) {
    }

    /**
     * @param value        the rule's value in [0, 1]
     * @param contribution score points the rule adds: 100 * weight * value / sum of weights
     * @param basis        the compared values the value came from
     * @param basisUk      {@code basis} in Ukrainian
     */
    public record SoftResult(
            String ruleId, double value, double weight, double contribution, String basis, String basisUk,
            String descriptionEn, String descriptionUk) {
    }

    /** @param code a failed hard rule id, or {@value #BELOW_MIN_SCORE} or {@value #OUTSIDE_TOP_K} */
    public record Reason(String code, String messageEn, String messageUk) {
        public static final String BELOW_MIN_SCORE = "min-score";
        public static final String OUTSIDE_TOP_K = "top-k";
    }
}
