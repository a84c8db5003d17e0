package ua.kuznia.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.kuznia.matching.engine.Fixtures.capability;
import static ua.kuznia.matching.engine.Fixtures.offer;
import static ua.kuznia.matching.engine.Fixtures.profile;
import static ua.kuznia.matching.engine.Fixtures.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class MatchEngineTest {

    private final MatchEngine engine = new MatchEngine(rules().topK(2).build());

    @Test
    void unknownAndClosedOffersHaveNoSuggestions() {
        engine.upsertProfile(profile().build());
        engine.upsertOffer(offer().id(7).open(false).build());
        assertEquals(List.of(), engine.topKForOffer(7));
        assertEquals(List.of(), engine.topKForOffer(99));
        assertEquals(List.of(), engine.matchesForProfile(99));
    }

    @Test
    void aProfileTheIndexCannotHoldIsRefusedAndLeavesTheOneBeforeItAsItWas() {
        ProfileData before = profile().id(1).build();
        engine.upsertProfile(before);
        engine.upsertOffer(offer().id(1).build());
        assertEquals(List.of(1L), engine.topKForOffer(1).stream().map(ScoredMatch::profileId).toList());
        Capability[] tooMany = new Capability[4096];
        Arrays.fill(tooMany, capability("munitions.artillery-155", 7, 7, 100));
        assertThrows(IllegalArgumentException.class,
                () -> engine.upsertProfile(profile().id(1).published(false).capabilities(tooMany).build()));
        assertTrue(engine.holds(before));
        // Unpublished for real now: it leaves the ranking it was in.
        engine.upsertProfile(profile().id(1).published(false).build());
        assertEquals(List.of(), engine.topKForOffer(1));
    }

    @Test
    void explainingAnUnknownPairFails() {
        engine.upsertProfile(profile().id(1).build());
        engine.upsertOffer(offer().id(1).build());
        assertThrows(NoSuchElementException.class, () -> engine.explain(2, 1));
        assertThrows(NoSuchElementException.class, () -> engine.explain(1, 2));
    }

    @Test
    void tiesRankByProfileIdAndTopKCuts() {
        for (long id : new long[] {5, 3, 9}) {
            engine.upsertProfile(profile().id(id).build());
        }
        engine.upsertOffer(offer().id(1).build());
        List<ScoredMatch> top = engine.topKForOffer(1);
        assertEquals(List.of(3L, 5L), top.stream().map(ScoredMatch::profileId).collect(Collectors.toList()));
        assertEquals(top.get(0).score(), top.get(1).score());
    }

    @Test
    void explainsEveryFailedHardRule() {
        engine.upsertProfile(profile().id(1).clearance(1).riskTier(4).build());
        engine.upsertOffer(offer().id(1).requiredClearance(2).maxRiskTier(3).build());
        Explanation explanation = engine.explain(1, 1);
        assertFalse(explanation.eligible());
        assertFalse(explanation.suggested());
        assertNull(explanation.rank());
        assertEquals(List.of("clearance", "risk-tier"),
                explanation.whyNot().stream().map(Explanation.Reason::code).collect(Collectors.toList()));
        assertTrue(explanation.whyNot().get(1).messageUk().endsWith(" Вимога пропозиції: рівень ризику ≤ 3; у профілі: рівень ризику 4."),
                explanation.whyNot().get(1).messageUk());
        Explanation.HardResult riskTier = explanation.hardRules().stream().filter(h -> h.ruleId().equals("risk-tier")).findFirst()
                .orElseThrow();
        assertEquals("рівень ризику ≤ 3", riskTier.expectedUk());
        assertEquals("рівень ризику 4", riskTier.actualUk());
        assertEquals(RuleCatalog.hardRules().size(), explanation.hardRules().size());
        assertEquals(RuleCatalog.softRules().size(), explanation.softRules().size());
        assertTrue(explanation.score() > 0, "an ineligible pair still shows the score it would have");
    }

    @Test
    void explainsAnEvenClosedOffer() {
        engine.upsertProfile(profile().id(1).build());
        engine.upsertOffer(offer().id(1).open(false).build());
        assertEquals(List.of("status"),
                engine.explain(1, 1).whyNot().stream().map(Explanation.Reason::code).collect(Collectors.toList()));
    }

    @Test
    void explainsAScoreBelowTheMinimum() {
        MatchEngine strict = new MatchEngine(rules().minScore(100).build());
        strict.upsertProfile(profile().id(1).riskTier(4).build());
        strict.upsertOffer(offer().id(1).build());
        Explanation explanation = strict.explain(1, 1);
        assertTrue(explanation.eligible());
        assertFalse(explanation.suggested());
        Explanation.Reason reason = explanation.whyNot().get(0);
        assertEquals(Explanation.Reason.BELOW_MIN_SCORE, reason.code());
        assertTrue(reason.messageUk().contains("нижча за мінімальну оцінку 100"), reason.messageUk());
    }

    @Test
    void explainsRankAndBeingOutsideTheTopK() {
        for (long id = 1; id <= 3; id++) {
            engine.upsertProfile(profile().id(id).riskTier((int) id).build());
        }
        engine.upsertOffer(offer().id(1).build());
        Explanation best = engine.explain(1, 1);
        assertEquals(1, best.rank());
        assertEquals(List.of(), best.whyNot());
        assertEquals(engine.topKForOffer(1).get(0).score(), best.score());
        Explanation third = engine.explain(1, 3);
        assertTrue(third.suggested());
        assertNull(third.rank());
        assertEquals(Explanation.Reason.OUTSIDE_TOP_K, third.whyNot().get(0).code());
    }

    @Test
    void contributionsAddUpToTheScore() {
        engine.upsertProfile(profile().id(1).certifications("AQAP-2110").seekingTypes("JOINT_VENTURE").build());
        engine.upsertOffer(offer().id(1).minMonthly(40.0).build());
        Explanation explanation = engine.explain(1, 1);
        double sum = explanation.softRules().stream().mapToDouble(Explanation.SoftResult::contribution).sum();
        assertEquals(explanation.score(), sum, 1e-9);
    }

    @Test
    void rankingsAreComputedWhenFirstAskedForThenKeptCurrent() {
        engine.upsertOffer(offer().id(1).build());
        assertEquals(List.of(), engine.upsertProfile(profile().id(1).build()), "no ranking computed yet");
        assertEquals(1, engine.topKForOffer(1).size());
        List<TopKChange> changes = engine.upsertProfile(profile().id(2).build());
        assertEquals(1, changes.size());
        assertEquals(engine.topKForOffer(1), changes.get(0).topK());
        assertEquals(List.of(new ScoredMatch(1, 2, changes.get(0).topK().get(1).score())), engine.matchesForProfile(2));
        assertEquals(List.of(), engine.upsertProfile(profile().id(3).capabilities(capability("radar", 9, 10, 1)).build()));
        List<TopKChange> removal = engine.removeProfile(1);
        assertEquals(List.of(new TopKChange(1, engine.topKForOffer(1))), removal);
        assertEquals(List.of(2L), engine.topKForOffer(1).stream().map(ScoredMatch::profileId).collect(Collectors.toList()));
    }

    @Test
    void aFreedSlotTakenByAnotherProfileDoesNotInheritItsRankings() {
        engine.upsertProfile(profile().id(1).build());
        engine.upsertOffer(offer().id(1).areas("munitions.artillery-155").build());
        engine.upsertOffer(offer().id(2).areas("radar").build());
        engine.fullMatch(1);
        engine.removeProfile(1);
        List<TopKChange> changes = engine.upsertProfile(profile().id(2).capabilities(capability("radar", 7, 7, 1)).build());
        assertEquals(List.of(2L), changes.stream().map(TopKChange::offerId).collect(Collectors.toList()));
        assertEquals(List.of(), engine.topKForOffer(1));
        assertEquals(List.of(), engine.matchesForProfile(1));
        assertEquals(1, engine.matchesForProfile(2).size());
    }

    /**
     * A changed profile finds its offers through certification bit masks that cover the first
     * 64 certifications; offers requiring a later one are checked certification by certification.
     */
    @Test
    void aChangedProfileMeetsRequirementsBeyondTheSixtyFourthCertificationExactly() {
        String[] many = new String[70];
        for (int i = 0; i < many.length; i++) {
            many[i] = "CERT-" + i;
        }
        engine.upsertProfile(profile().id(1).certifications(many).build());
        engine.upsertOffer(offer().id(1).required("CERT-69").build());
        engine.upsertOffer(offer().id(2).required("CERT-3", "CERT-68").build());
        engine.fullMatch(1);

        List<TopKChange> lacking = engine.upsertProfile(profile().id(2).certifications("CERT-3", "CERT-69").build());
        assertEquals(List.of(1L), lacking.stream().map(TopKChange::offerId).collect(Collectors.toList()),
                "holds CERT-69 but not CERT-68");
        List<TopKChange> holding = engine.upsertProfile(profile().id(3).certifications("CERT-3", "CERT-68").build());
        assertEquals(List.of(2L), holding.stream().map(TopKChange::offerId).collect(Collectors.toList()));
        assertEquals(List.of(1L, 2L), engine.topKForOffer(1).stream().map(ScoredMatch::profileId).collect(Collectors.toList()));
        assertEquals(List.of(1L, 3L), engine.topKForOffer(2).stream().map(ScoredMatch::profileId).collect(Collectors.toList()));
    }

    @Test
    void aNewRuleSetReranksEverything() {
        engine.upsertProfile(profile().id(1).riskTier(3).seekingTypes("JOINT_VENTURE").build());
        engine.upsertProfile(profile().id(2).riskTier(1).build());
        engine.upsertOffer(offer().id(1).build());
        assertEquals(2L, engine.topKForOffer(1).get(0).profileId());
        engine.setRuleSet(rules().version(2).topK(2).onlyWeight("seeking-fit").build());
        Map<Long, List<ScoredMatch>> all = engine.fullMatch(2);
        assertEquals(1L, all.get(1L).get(0).profileId());
        assertEquals(2, engine.explain(1, 1).ruleSetVersion());
        assertEquals(2, engine.ruleSet().version());
    }

    @Test
    void removedOffersAreForgotten() {
        engine.upsertProfile(profile().id(1).build());
        engine.upsertOffer(offer().id(1).build());
        engine.fullMatch(1);
        assertTrue(engine.removeOffer(1));
        assertFalse(engine.removeOffer(1));
        assertEquals(List.of(), engine.matchesForProfile(1));
        assertEquals(Map.of(), engine.fullMatch(1));
        assertEquals(0, engine.offerCount());
        assertEquals(1, engine.profileCount());
    }

    /**
     * K = 2 keeps 8 spare entries at first. The offer's 200 profiles tie, so they rank by id, and
     * leaving in that order drains the buffer: the first rescoring comes after 9 leave, and it
     * refills with 16 spare entries, so the next comes only after 17 more; then 32, the most
     * (four times the first), each time after 33 more, until fewer than a buffer remain.
     */
    @Test
    void aRankingThatRanDryIsRefilledWithMoreSpareEntries() {
        for (long id = 1; id <= 200; id++) {
            engine.upsertProfile(profile().id(id).build());
        }
        engine.upsertOffer(offer().id(1).build());
        engine.fullMatch(1);
        List<Integer> rescoredAfter = new java.util.ArrayList<>();
        for (int left = 1; left < 200; left++) {
            long scoredBefore = engine.pairsScored();
            engine.removeProfile(left);
            if (engine.pairsScored() > scoredBefore) {
                rescoredAfter.add(left);
            }
            assertEquals(List.of(left + 1L, left + 2L).subList(0, Math.min(2, 200 - left)),
                    engine.topKForOffer(1).stream().map(ScoredMatch::profileId).collect(Collectors.toList()));
        }
        assertEquals(List.of(9, 26, 59, 92, 125, 158, 191), rescoredAfter, "removals after which the offer was rescored");
    }

    /**
     * The index keeps a level's bitmap only once an offer asks for it, and fills it from the
     * profiles as they are when the offer is first ranked: profiles indexed before the offer, and
     * edits made between the offer's arrival and its ranking, all count.
     */
    @Test
    void anOfferAskingForANewLevelSeesProfilesIndexedAndEditedBeforeIt() {
        MatchEngine wide = new MatchEngine(rules().topK(5).build());
        wide.upsertProfile(profile().id(1).capabilities(capability("munitions.artillery-155", 5, 7, 100)).build());
        wide.upsertProfile(profile().id(2).capabilities(capability("munitions.artillery-155", 7, 7, 100)).build());
        wide.upsertProfile(profile().id(3).capabilities(capability("munitions.artillery-155", 9, 7, 100)).build());
        wide.upsertOffer(offer().id(1).areas("munitions").minTrl(6).build());
        wide.upsertProfile(profile().id(1).capabilities(capability("munitions.artillery-155", 8, 7, 100)).build());
        wide.upsertProfile(profile().id(2).capabilities(capability("munitions.artillery-155", 3, 7, 100)).build());
        wide.upsertProfile(profile().id(4).capabilities(capability("munitions.artillery-155", 6, 7, 100)).build());
        assertEquals(List.of(1L, 3L, 4L), sortedIds(wide.topKForOffer(1)));
        wide.upsertProfile(profile().id(3).capabilities(capability("munitions.artillery-155", 5, 7, 100)).build());
        wide.upsertOffer(offer().id(2).areas("munitions").minTrl(6).build());
        assertEquals(List.of(1L, 4L), sortedIds(wide.topKForOffer(2)), "a level already kept stays current");
    }

    private static List<Long> sortedIds(List<ScoredMatch> top) {
        return top.stream().map(ScoredMatch::profileId).sorted().collect(Collectors.toList());
    }

    @Test
    void countsThePairsItScores() {
        engine.upsertProfile(profile().id(1).build());
        engine.upsertProfile(profile().id(2).capabilities(capability("radar", 9, 10, 1)).build());
        engine.upsertOffer(offer().id(1).build());
        engine.fullMatch(1);
        assertEquals(1, engine.pairsScored(), "the area bitmap leaves only the covering profile");
    }

    @Test
    void everyRuleIsDescribedInEnglishAndUkrainian() {
        List<Rule> all = new java.util.ArrayList<>(RuleCatalog.hardRules());
        all.addAll(RuleCatalog.softRules());
        assertEquals(List.of("status", "area-coverage", "readiness", "capacity", "certifications", "clearance", "risk-tier",
                        "area-specificity", "capacity-headroom", "readiness-surplus", "extra-certifications", "area-priority",
                        "seeking-fit", "low-risk", "support-model"),
                all.stream().map(Rule::id).collect(Collectors.toList()));
        for (Rule rule : all) {
            assertTrue(rule.descriptionEn().endsWith("."), rule.id());
            assertTrue(rule.descriptionUk().chars().filter(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC)
                    .count() > 20, rule.id());
        }
    }

    @Test
    void ruleSetsRejectUnknownRulesAndOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> rules().weight("area-specifity", 1).build());
        assertThrows(IllegalArgumentException.class, () -> rules().weight("low-risk", -1).build());
        assertThrows(IllegalArgumentException.class, () -> rules().minScore(101).build());
        assertThrows(IllegalArgumentException.class, () -> rules().topK(0).build());
        assertThrows(IllegalArgumentException.class, () -> rules().priority("munitions", 1.5).build());
        assertThrows(IllegalArgumentException.class, () -> rules().effectiveness("TRAINING", -0.1).build());
    }
}
