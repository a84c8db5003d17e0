package ua.kuznia.matching.engine;

/** A feature in [0, 1] that raises or lowers an eligible pair's score, by its weight in the rule set. */
interface SoftRule extends Rule {

    /** Position of this rule's value in the feature vector; fixes the summation order of the score. */
    int featureIndex();

    Value evaluate(PairFacts facts);

    /**
     * @param basis   the compared values, for the explanation
     * @param basisUk {@code basis} in Ukrainian
     */
    record Value(double value, String basis, String basisUk) {
    }
}
