package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rankings the slow, obvious way: evaluate the readable rules on every pair, sort, cut. */
final class BruteForce {

    private BruteForce() {
    }

    static Map<Long, List<ScoredMatch>> topK(List<ProfileData> profiles, List<OfferData> offers, RuleSetData ruleSet) {
        CompiledRuleSet rules = new CompiledRuleSet(ruleSet);
        Map<Long, List<ScoredMatch>> rankings = new HashMap<>();
        for (OfferData offer : offers) {
            if (!offer.open()) {
                continue;
            }
            List<ScoredMatch> suggested = new ArrayList<>();
            for (ProfileData profile : profiles) {
                PairFacts facts = new PairFacts(profile, offer, rules);
                double score = facts.score();
                if (facts.eligible() && score >= ruleSet.minScore()) {
                    suggested.add(new ScoredMatch(offer.id(), profile.id(), score));
                }
            }
            suggested.sort(Comparator.comparingDouble(ScoredMatch::score).reversed()
                    .thenComparingLong(ScoredMatch::profileId));
            rankings.put(offer.id(), List.copyOf(suggested.subList(0, Math.min(ruleSet.topK(), suggested.size()))));
        }
        return rankings;
    }
}
