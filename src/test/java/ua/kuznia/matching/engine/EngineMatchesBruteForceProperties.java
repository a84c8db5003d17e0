package ua.kuznia.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The columnar scorer with its bitmap pre-filter, bound pruning and heap must rank exactly as
 * the readable rules do, score for score, bit for bit: a coordinator's explanation shows the
 * very score the pair was ranked by.
 */
class EngineMatchesBruteForceProperties {

    @Property(tries = 100)
    void rankingsEqualTheReadableRules(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 120) int profileCount,
            @ForAll @IntRange(min = 1, max = 25) int offerCount) {
        RandomDatasets.Dataset data = new RandomDatasets(seed).dataset(profileCount, offerCount, 1);
        MatchEngine engine = load(data);

        Map<Long, List<ScoredMatch>> expected = BruteForce.topK(data.profiles(), data.offers(), data.ruleSet());
        Map<Long, List<ScoredMatch>> perOffer = new HashMap<>();
        for (OfferData offer : data.offers()) {
            if (offer.open()) {
                perOffer.put(offer.id(), engine.topKForOffer(offer.id()));
            } else {
                assertTrue(engine.topKForOffer(offer.id()).isEmpty());
            }
        }
        assertEquals(expected, perOffer);
        assertEquals(expected, load(data).fullMatch(2));
        // Broad offers are bounded by band first: every offer so here.
        assertEquals(expected, load(data, 0).fullMatch(2));
    }

    /** With no minimum and room for everyone, a ranking lists exactly the eligible pairs. */
    @Property(tries = 60)
    void eligibilityEqualsTheHardRules(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 120) int profileCount,
            @ForAll @IntRange(min = 1, max = 25) int offerCount) {
        RandomDatasets.Dataset random = new RandomDatasets(seed).dataset(profileCount, offerCount, 1);
        RuleSetData everyone = new RuleSetData(2, random.ruleSet().weights(), 0, 1000,
                random.ruleSet().areaPriorities(), random.ruleSet().supportEffectiveness());
        RandomDatasets.Dataset data = new RandomDatasets.Dataset(random.profiles(), random.offers(), everyone);
        MatchEngine engine = load(data);

        for (OfferData offer : data.offers()) {
            Map<Long, Double> ranked = new HashMap<>();
            engine.topKForOffer(offer.id()).forEach(match -> ranked.put(match.profileId(), match.score()));
            for (ProfileData profile : data.profiles()) {
                Explanation explanation = engine.explain(offer.id(), profile.id());
                assertEquals(explanation.eligible(), ranked.containsKey(profile.id()),
                        "offer " + offer.id() + ", profile " + profile.id());
                if (explanation.eligible()) {
                    assertEquals(explanation.score(), ranked.get(profile.id()));
                    assertNotNull(explanation.rank());
                }
            }
        }
    }

    static MatchEngine load(RandomDatasets.Dataset data) {
        return load(data, OfferRanker.BANDED_FROM);
    }

    static MatchEngine load(RandomDatasets.Dataset data, int bandedFrom) {
        MatchEngine engine = new MatchEngine(data.ruleSet(), bandedFrom);
        data.profiles().forEach(engine::upsertProfile);
        data.offers().forEach(engine::upsertOffer);
        return engine;
    }
}
