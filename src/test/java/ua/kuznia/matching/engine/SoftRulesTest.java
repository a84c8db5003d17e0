package ua.kuznia.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ua.kuznia.matching.engine.Fixtures.capability;
import static ua.kuznia.matching.engine.Fixtures.facts;
import static ua.kuznia.matching.engine.Fixtures.offer;
import static ua.kuznia.matching.engine.Fixtures.profile;
import static ua.kuznia.matching.engine.Fixtures.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import ua.kuznia.matching.engine.Fixtures.OfferBuilder;
import ua.kuznia.matching.engine.Fixtures.ProfileBuilder;
import ua.kuznia.matching.engine.Fixtures.RuleSetBuilder;

class SoftRulesTest {

    private static final double EXACT = 0;

    private static double value(SoftRule rule, ProfileBuilder profile, OfferBuilder offer) {
        return rule.evaluate(facts(profile, offer)).value();
    }

    private static double value(SoftRule rule, ProfileBuilder profile, OfferBuilder offer, RuleSetBuilder rules) {
        return rule.evaluate(facts(profile, offer, rules)).value();
    }

    private static String basisUk(SoftRule rule, ProfileBuilder profile, OfferBuilder offer) {
        return rule.evaluate(facts(profile, offer)).basisUk();
    }

    private static String basisUk(SoftRule rule, ProfileBuilder profile, OfferBuilder offer, RuleSetBuilder rules) {
        return rule.evaluate(facts(profile, offer, rules)).basisUk();
    }

    @Nested
    class Score {
        @Test
        void isTheWeightedMeanOfTheValuesTimes100() {
            PairFacts facts = facts(profile().riskTier(1), offer(), rules().onlyWeight("low-risk").weight("seeking-fit", 3));
            assertEquals(100.0 * (1 * 1.0 + 3 * 0.0) / 4, facts.score(), EXACT);
        }

        @Test
        void isZeroWhenAllWeightsAreZero() {
            RuleSetBuilder noWeights = rules();
            RuleCatalog.softRules().forEach(rule -> noWeights.weight(rule.id(), 0));
            assertEquals(0, facts(profile(), offer(), noWeights).score(), EXACT);
        }
    }

    @Nested
    class AreaSpecificity {
        private final SoftRule rule = new AreaSpecificityRule();

        @Test
        void oneForTheOfferAreaItself() {
            assertEquals(1, value(rule, profile(), offer().areas("munitions.artillery-155")), EXACT);
        }

        @Test
        void halfOneLevelBelowAndAThirdTwoLevelsBelow() {
            assertEquals(0.5, value(rule, profile(), offer().areas("munitions")), EXACT);
            assertEquals(1.0 / 3, value(rule, profile().capabilities(capability("munitions.artillery-155.fuzes", 7, 7, 1)),
                    offer().areas("munitions")), EXACT);
        }

        @Test
        void takesTheClosestOfferAreaAndTheBestCapability() {
            assertEquals(1, value(rule, profile(), offer().areas("munitions", "munitions.artillery-155")), EXACT);
            assertEquals(1, value(rule, profile().capabilities(
                    capability("munitions.artillery-155", 7, 7, 1), capability("munitions", 7, 7, 1)),
                    offer().areas("munitions")), EXACT);
        }

        @Test
        void countsOnlyQualifyingCapabilities() {
            SoftRule.Value value = rule.evaluate(facts(profile().capabilities(
                            capability("munitions", 2, 7, 1), capability("munitions.mortar", 7, 7, 1)),
                    offer().areas("munitions").minTrl(5)));
            assertEquals(0.5, value.value(), EXACT);
            assertEquals("munitions.mortar in offer area munitions, 1 level(s) below", value.basis());
            assertEquals("munitions.mortar у напрямі пропозиції munitions, різниця рівнів: 1", value.basisUk());
        }

        @Test
        void zeroWithoutQualifyingCapability() {
            assertEquals(0, value(rule, profile().capabilities(capability("radar", 9, 10, 1)), offer()), EXACT);
            assertEquals("немає придатної спроможності", basisUk(rule, profile().capabilities(capability("radar", 9, 10, 1)), offer()));
        }
    }

    @Nested
    class CapacityHeadroom {
        private final SoftRule rule = new CapacityHeadroomRule();

        @Test
        void neutralWhenTheOfferStatesNoNeed() {
            assertEquals(0.5, value(rule, profile(), offer().minMonthly(null).targetVolume(null)), EXACT);
            assertEquals(0.5, value(rule, profile(), offer().minMonthly(0.0).targetVolume(0.0)), EXACT);
            assertEquals("пропозиція не вказує ні мінімальної місячної потужності, ні цільового обсягу",
                    basisUk(rule, profile(), offer().minMonthly(null).targetVolume(null)));
        }

        @Test
        void logarithmicInCapacityOverTheMinimum() {
            ProfileBuilder hundred = profile().capabilities(capability("munitions.artillery-155", 7, 7, 100));
            assertEquals(Math.log(2) / Math.log(5), value(rule, hundred, offer().minMonthly(100.0)), 1e-15);
            assertEquals(Math.log(1.5) / Math.log(5), value(rule, hundred, offer().minMonthly(null).targetVolume(2400.0)), 1e-15);
        }

        @Test
        void fullAtFourTimesTheNeedAndCapped() {
            assertEquals(1, value(rule, profile().capabilities(capability("munitions.artillery-155", 7, 7, 400)),
                    offer().minMonthly(100.0)), EXACT);
            assertEquals(1, value(rule, profile().capabilities(capability("munitions.artillery-155", 7, 7, 4000)),
                    offer().minMonthly(100.0)), EXACT);
        }

        @Test
        void zeroMinimumFallsBackToTheYearlyTarget() {
            SoftRule.Value value = rule.evaluate(facts(profile().capabilities(capability("munitions.artillery-155", 7, 7, 100)),
                    offer().minMonthly(0.0).targetVolume(1200.0)));
            assertEquals(Math.log(2) / Math.log(5), value.value(), 1e-15);
            assertEquals("best 100 per month against a need of 100 per month (yearly target 1200 / 12)", value.basis());
            assertEquals("найбільше 100 на місяць за потреби 100 на місяць (річний цільовий обсяг 1200 / 12)", value.basisUk());
        }

        @Test
        void ukrainianBasisWritesADecimalComma() {
            assertEquals("найбільше 100 на місяць за потреби 12,5 на місяць (мінімальна місячна потужність)",
                    basisUk(rule, profile().capabilities(capability("munitions.artillery-155", 7, 7, 100)), offer().minMonthly(12.5)));
        }

        @Test
        void takesTheLargestQualifyingCapacity() {
            assertEquals(1, value(rule, profile().capabilities(
                    capability("munitions.artillery-155", 7, 7, 50), capability("munitions.artillery-155", 7, 7, 800)),
                    offer().minMonthly(50.0)), EXACT);
            assertEquals(0, value(rule, profile().capabilities(capability("munitions.artillery-155", 7, 7, 0)),
                    offer().targetVolume(1200.0)), EXACT);
        }
    }

    @Nested
    class ReadinessSurplus {
        private final SoftRule rule = new ReadinessSurplusRule();

        @Test
        void zeroAtTheMinimums() {
            assertEquals(0, value(rule, profile().capabilities(capability("munitions.artillery-155", 5, 6, 1)),
                    offer().minTrl(5).minMrl(6)), EXACT);
        }

        @Test
        void oneAtTrl9AndMrl10() {
            assertEquals(1, value(rule, profile().capabilities(capability("munitions.artillery-155", 9, 10, 1)),
                    offer().minTrl(5).minMrl(6)), EXACT);
        }

        @Test
        void averagesTheProgressOfTrlAndMrl() {
            // TRL 7 of 5..9 is halfway, MRL 6 of 6..10 is none of the way.
            assertEquals(0.25, value(rule, profile().capabilities(capability("munitions.artillery-155", 7, 6, 1)),
                    offer().minTrl(5).minMrl(6)), EXACT);
            assertEquals("munitions.artillery-155: TRL 7 / MRL 6 за мінімуму TRL 5 / MRL 6",
                    basisUk(rule, profile().capabilities(capability("munitions.artillery-155", 7, 6, 1)), offer().minTrl(5).minMrl(6)));
        }

        @Test
        void maximalMinimumsCountAsFullProgress() {
            assertEquals(1, value(rule, profile().capabilities(capability("munitions.artillery-155", 9, 10, 1)),
                    offer().minTrl(9).minMrl(10)), EXACT);
        }

        @Test
        void takesTheBestQualifyingCapability() {
            assertEquals(0.5, value(rule, profile().capabilities(
                    capability("munitions.artillery-155", 5, 6, 1), capability("munitions.artillery-155", 7, 8, 1),
                    capability("radar", 9, 10, 1)),
                    offer().minTrl(5).minMrl(6)), EXACT);
        }
    }

    @Nested
    class ExtraCertifications {
        private final SoftRule rule = new ExtraCertificationsRule();

        @Test
        void zeroWithoutExtras() {
            assertEquals(0, value(rule, profile().certifications("ISO-9001"), offer().required("ISO-9001")), EXACT);
            assertEquals("немає сертифікатів понад обов'язкові",
                    basisUk(rule, profile().certifications("ISO-9001"), offer().required("ISO-9001")));
        }

        @Test
        void aqap2110AloneIsWorthHalf() {
            assertEquals(0.5, value(rule, profile().certifications("AQAP-2110"), offer()), EXACT);
        }

        @Test
        void requiredAqap2110IsNotAnExtra() {
            assertEquals(0, value(rule, profile().certifications("AQAP-2110"), offer().required("AQAP-2110")), EXACT);
        }

        @Test
        void otherExtrasCountUpToThree() {
            assertEquals(0.5 / 3, value(rule, profile().certifications("ISO-9001"), offer()), EXACT);
            assertEquals(0.5, value(rule, profile().certifications("ISO-9001", "EN-9100", "ISO-27001"), offer()), EXACT);
            assertEquals("понад обов'язкові: EN-9100, ISO-27001, ISO-9001",
                    basisUk(rule, profile().certifications("ISO-9001", "EN-9100", "ISO-27001"), offer()));
            assertEquals(0.5, value(rule, profile().certifications("ISO-9001", "EN-9100", "ISO-27001", "AQAP-2105", "AQAP-2131"),
                    offer()), EXACT);
            assertEquals(1, value(rule, profile().certifications("AQAP-2110", "ISO-9001", "EN-9100", "ISO-27001"), offer()), EXACT);
        }
    }

    @Nested
    class AreaPriority {
        private final SoftRule rule = new AreaPriorityRule();

        @Test
        void usesThePriorityOfTheAreaItself() {
            assertEquals(0.9, value(rule, profile(), offer().areas("munitions.artillery-155"),
                    rules().priority("munitions.artillery-155", 0.9).priority("munitions", 0.2)), EXACT);
        }

        @Test
        void inheritsTheNearestListedAncestor() {
            assertEquals(0.2, value(rule, profile(), offer().areas("munitions.artillery-155.fuzes"),
                    rules().priority("munitions", 0.2)), EXACT);
        }

        @Test
        void neutralWhenNothingIsListed() {
            assertEquals(0.5, value(rule, profile(), offer().areas("radar"), rules().priority("munitions", 1)), EXACT);
            assertEquals("radar: 0,5 (за замовчуванням)", basisUk(rule, profile(), offer().areas("radar"), rules().priority("munitions", 1)));
        }

        @Test
        void takesTheHighestOfTheOfferAreas() {
            SoftRule.Value value = rule.evaluate(facts(profile(), offer().areas("components.optics", "air-defense.systems"),
                    rules().priority("components", 0.4).priority("air-defense", 1)));
            assertEquals(1, value.value(), EXACT);
            assertEquals("components.optics: 0.4 (set for components); air-defense.systems: 1 (set for air-defense)", value.basis());
            assertEquals("components.optics: 0,4 (задано для components); air-defense.systems: 1 (задано для air-defense)",
                    value.basisUk());
        }

        @Test
        void aLowerChildPriorityOverridesItsParent() {
            assertEquals(0.1, value(rule, profile(), offer().areas("munitions.mortar"),
                    rules().priority("munitions", 0.8).priority("munitions.mortar", 0.1)), EXACT);
        }
    }

    @Nested
    class SeekingFit {
        private final SoftRule rule = new SeekingFitRule();

        @Test
        void halfForSeekingTheOfferArea() {
            assertEquals(0.5, value(rule, profile().seekingAreas("munitions.artillery-155"), offer()), EXACT);
        }

        @Test
        void seekingAnAreaAboveOrBelowCountsToo() {
            assertEquals(0.5, value(rule, profile().seekingAreas("munitions"), offer().areas("munitions.artillery-155")), EXACT);
            assertEquals(0.5, value(rule, profile().seekingAreas("munitions.artillery-155"), offer().areas("munitions")), EXACT);
        }

        @Test
        void unrelatedOrMerelyPrefixedAreasDoNotCount() {
            assertEquals(0, value(rule, profile().seekingAreas("radar", "munitions-extra"), offer().areas("munitions")), EXACT);
        }

        @Test
        void halfForSeekingTheTransferTypeAndOneForBoth() {
            assertEquals(0.5, value(rule, profile().seekingTypes("JOINT_VENTURE"), offer().transferType("JOINT_VENTURE")), EXACT);
            assertEquals(0, value(rule, profile().seekingTypes("TRAINING"), offer().transferType("JOINT_VENTURE")), EXACT);
            assertEquals(1, value(rule, profile().seekingTypes("JOINT_VENTURE").seekingAreas("munitions"),
                    offer().transferType("JOINT_VENTURE")), EXACT);
            assertEquals("шукає пов'язаний напрям munitions; шукає тип передачі JOINT_VENTURE",
                    basisUk(rule, profile().seekingTypes("JOINT_VENTURE").seekingAreas("munitions"), offer().transferType("JOINT_VENTURE")));
            assertEquals("не шукає пов'язаного напряму; не шукає типу передачі JOINT_VENTURE",
                    basisUk(rule, profile().seekingTypes("TRAINING"), offer().transferType("JOINT_VENTURE")));
        }
    }

    @Nested
    class LowRisk {
        private final SoftRule rule = new LowRiskRule();

        @Test
        void oneForTierOneZeroForTierFour() {
            assertEquals(1, value(rule, profile().riskTier(1), offer()), EXACT);
            assertEquals(2.0 / 3, value(rule, profile().riskTier(2), offer()), EXACT);
            assertEquals(1.0 / 3, value(rule, profile().riskTier(3), offer()), EXACT);
            assertEquals(0, value(rule, profile().riskTier(4), offer()), EXACT);
            assertEquals("рівень ризику області 3", basisUk(rule, profile().riskTier(3), offer()));
        }
    }

    @Nested
    class SupportModel {
        private final SoftRule rule = new SupportModelRule();

        @Test
        void usesTheRatingForTheTypeInTheArea() {
            assertEquals(0.9, value(rule, profile(), offer().transferType("DIRECT_FINANCING").areas("artillery.self-propelled"),
                    rules().effectiveness("DIRECT_FINANCING|artillery.self-propelled", 0.9)
                            .effectiveness("DIRECT_FINANCING|artillery", 0.6).effectiveness("DIRECT_FINANCING", 0.3)), EXACT);
        }

        @Test
        void fallsBackToTheNearestAncestorThenToTheTypeOverall() {
            RuleSetBuilder rules = rules().effectiveness("DIRECT_FINANCING|artillery", 0.6).effectiveness("DIRECT_FINANCING", 0.3);
            assertEquals(0.6, value(rule, profile(), offer().transferType("DIRECT_FINANCING").areas("artillery.self-propelled"), rules), EXACT);
            assertEquals(0.3, value(rule, profile(), offer().transferType("DIRECT_FINANCING").areas("radar"), rules), EXACT);
            assertEquals("artillery.self-propelled: DIRECT_FINANCING|artillery = 0,6",
                    basisUk(rule, profile(), offer().transferType("DIRECT_FINANCING").areas("artillery.self-propelled"), rules));
        }

        @Test
        void neutralWithoutRatingForTheType() {
            assertEquals(0.5, value(rule, profile(), offer().transferType("TRAINING").areas("artillery"),
                    rules().effectiveness("DIRECT_FINANCING|artillery", 1).effectiveness("DIRECT_FINANCING", 1)), EXACT);
            assertEquals("artillery: аудит не оцінював TRAINING (нейтрально)", basisUk(rule, profile(),
                    offer().transferType("TRAINING").areas("artillery"), rules().effectiveness("DIRECT_FINANCING", 1)));
        }

        @Test
        void takesTheBestOfTheOfferAreas() {
            assertEquals(0.7, value(rule, profile(), offer().transferType("JOINT_VENTURE").areas("radar", "munitions"),
                    rules().effectiveness("JOINT_VENTURE|radar", 0.2).effectiveness("JOINT_VENTURE|munitions", 0.7)), EXACT);
            assertEquals(0.5, value(rule, profile(), offer().transferType("JOINT_VENTURE").areas("radar", "munitions"),
                    rules().effectiveness("JOINT_VENTURE|radar", 0.2)), EXACT);
        }
    }
}
