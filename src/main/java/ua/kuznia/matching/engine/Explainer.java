package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.List;

/** Evaluates every rule on one pair, the readable way, for people to check a suggestion. */
final class Explainer {

    private Explainer() {
    }

    /** @param rank 1-based position in the offer's current top K, or null when not in it */
    static Explanation explain(ProfileData profile, OfferData offer, CompiledRuleSet rules, Integer rank) {
        PairFacts facts = new PairFacts(profile, offer, rules);
        List<Explanation.HardResult> hard = new ArrayList<>();
        List<Explanation.Reason> whyNot = new ArrayList<>();
        boolean eligible = true;
        for (HardRule rule : RuleCatalog.HARD_RULES) {
            HardRule.Outcome outcome = rule.evaluate(facts);
            hard.add(new Explanation.HardResult(rule.id(), outcome.passed(), outcome.expected(), outcome.actual(),
                    outcome.expectedUk(), outcome.actualUk(), rule.descriptionEn(), rule.descriptionUk()));
            if (!outcome.passed()) {
                eligible = false;
                whyNot.add(new Explanation.Reason(rule.id(),
                        "Not met: " + rule.descriptionEn() + " Expected " + outcome.expected() + "; actual " + outcome.actual() + ".",
                        "Не виконано: " + rule.descriptionUk() + " Вимога пропозиції: " + outcome.expectedUk()
                                + "; у профілі: " + outcome.actualUk() + "."));
            }
        }
        List<Explanation.SoftResult> soft = new ArrayList<>();
        double[] features = new double[Features.COUNT];
        for (SoftRule rule : RuleCatalog.SOFT_RULES) {
            SoftRule.Value value = rule.evaluate(facts);
            int index = rule.featureIndex();
            features[index] = value.value();
            soft.add(new Explanation.SoftResult(rule.id(), value.value(), rules.weights[index],
                    rules.contribution(index, value.value()), value.basis(), value.basisUk(), rule.descriptionEn(),
                    rule.descriptionUk()));
        }
        double score = Features.score(rules.weights, rules.weightSum, features);
        boolean suggested = eligible && score >= rules.minScore();
        if (eligible && !suggested) {
            whyNot.add(new Explanation.Reason(Explanation.Reason.BELOW_MIN_SCORE,
                    "Score " + Text.number(score) + " is below the rule set's minimum of " + Text.number(rules.minScore()) + ".",
                    "Оцінка " + Text.numberUk(score) + " нижча за мінімальну оцінку " + Text.numberUk(rules.minScore())
                            + ", встановлену набором правил."));
        }
        if (suggested && rank == null) {
            whyNot.add(new Explanation.Reason(Explanation.Reason.OUTSIDE_TOP_K,
                    "Meets every rule, but the offer keeps only its top " + rules.topK() + " and that many rank higher.",
                    "Відповідає всім правилам, але пропозиція зберігає лише " + rules.topK()
                            + " найкращих, і стільки виробників мають вищий рейтинг."));
        }
        return new Explanation(offer.id(), profile.id(), rules.data.version(), eligible, suggested, score, rank,
                hard, soft, whyNot);
    }
}
