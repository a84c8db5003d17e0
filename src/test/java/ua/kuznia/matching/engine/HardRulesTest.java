package ua.kuznia.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.kuznia.matching.engine.Fixtures.capability;
import static ua.kuznia.matching.engine.Fixtures.facts;
import static ua.kuznia.matching.engine.Fixtures.offer;
import static ua.kuznia.matching.engine.Fixtures.profile;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import ua.kuznia.matching.engine.Fixtures.OfferBuilder;
import ua.kuznia.matching.engine.Fixtures.ProfileBuilder;

class HardRulesTest {

    private static HardRule.Outcome evaluate(HardRule rule, ProfileBuilder profile, OfferBuilder offer) {
        return rule.evaluate(facts(profile, offer));
    }

    @Test
    void eligibleExactlyWhenEveryHardRulePasses() {
        assertTrue(facts(profile(), offer()).eligible());
        assertFalse(facts(profile().clearance(0), offer().classification(1)).eligible());
        assertFalse(facts(profile().capabilities(capability("munitions.artillery-155", 7, 7, 10)),
                offer().minMonthly(11.0)).eligible());
    }

    @Nested
    class Status {
        private final HardRule rule = new StatusRule();

        @Test
        void openOfferAndPublishedProfilePass() {
            HardRule.Outcome outcome = evaluate(rule, profile(), offer());
            assertTrue(outcome.passed());
            assertEquals("offer open, profile published", outcome.actual());
            assertEquals("пропозиція відкрита, профіль опубліковано", outcome.expectedUk());
            assertEquals("пропозиція відкрита, профіль опубліковано", outcome.actualUk());
        }

        @Test
        void closedOfferFails() {
            HardRule.Outcome outcome = evaluate(rule, profile(), offer().open(false));
            assertFalse(outcome.passed());
            assertEquals("offer not open, profile published", outcome.actual());
            assertEquals("пропозиція не відкрита, профіль опубліковано", outcome.actualUk());
        }

        @Test
        void unpublishedProfileFails() {
            HardRule.Outcome outcome = evaluate(rule, profile().published(false), offer());
            assertFalse(outcome.passed());
            assertEquals("пропозиція відкрита, профіль не опубліковано", outcome.actualUk());
        }
    }

    @Nested
    class AreaCoverage {
        private final HardRule rule = new AreaCoverageRule();

        @Test
        void capabilityInTheOfferAreaCovers() {
            HardRule.Outcome outcome = evaluate(rule, profile(), offer().areas("munitions.artillery-155"));
            assertTrue(outcome.passed());
            assertEquals("covered by munitions.artillery-155", outcome.actual());
            assertEquals("покрито спроможностями в munitions.artillery-155", outcome.actualUk());
        }

        @Test
        void capabilityBelowTheOfferAreaCovers() {
            assertTrue(evaluate(rule, profile(), offer().areas("munitions")).passed());
            assertTrue(evaluate(rule, profile().capabilities(capability("munitions.artillery-155.fuzes", 7, 7, 1)),
                    offer().areas("munitions")).passed());
        }

        @Test
        void capabilityAboveTheOfferAreaDoesNotCover() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(capability("munitions", 9, 10, 1000)),
                    offer().areas("munitions.artillery-155"));
            assertFalse(outcome.passed());
            assertEquals("capabilities only in munitions", outcome.actual());
            assertEquals("спроможності лише в munitions", outcome.actualUk());
            assertEquals("спроможність у напрямі munitions.artillery-155 чи в піднапрямі", outcome.expectedUk());
        }

        @Test
        void sharedPrefixWithoutDotIsNotASubArea() {
            assertFalse(evaluate(rule, profile().capabilities(capability("munitions-extra", 7, 7, 1)),
                    offer().areas("munitions")).passed());
        }

        @Test
        void anyOfferAreaWillDo() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(capability("radar.ground", 7, 7, 1)),
                    offer().areas("ew", "radar"));
            assertTrue(outcome.passed());
            assertEquals("a capability in ew or radar, or below", outcome.expected());
            assertEquals("спроможність у напрямі ew або radar чи в піднапрямі", outcome.expectedUk());
        }

        @Test
        void profileWithoutCapabilitiesFails() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(), offer());
            assertFalse(outcome.passed());
            assertEquals("no capabilities", outcome.actual());
            assertEquals("немає спроможностей", outcome.actualUk());
        }
    }

    @Nested
    class Readiness {
        private final HardRule rule = new ReadinessRule();

        @Test
        void trlAndMrlEqualToTheMinimumsPass() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 6, 7, 12.5)),
                    offer().minTrl(6).minMrl(7));
            assertTrue(outcome.passed());
            assertEquals("met by munitions.artillery-155 at TRL 6 / MRL 7, 12.5 per month", outcome.actual());
            assertEquals("відповідає: munitions.artillery-155 (TRL 6 / MRL 7, 12,5 на місяць)", outcome.actualUk());
        }

        @Test
        void trlOneBelowFails() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 5, 7, 1)),
                    offer().minTrl(6).minMrl(7));
            assertFalse(outcome.passed());
            assertEquals("TRL >= 6 and MRL >= 7 in an offer area", outcome.expected());
            assertEquals("TRL ≥ 6 і MRL ≥ 7 у напрямі пропозиції", outcome.expectedUk());
            assertEquals("не відповідає: munitions.artillery-155 (TRL 5 / MRL 7, 1 на місяць)", outcome.actualUk());
        }

        @Test
        void mrlOneBelowFails() {
            assertFalse(evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 6, 6, 1)),
                    offer().minTrl(6).minMrl(7)).passed());
        }

        @Test
        void trlAndMrlMustComeFromTheSameCapability() {
            assertFalse(evaluate(rule, profile().capabilities(
                            capability("munitions.artillery-155", 9, 1, 1),
                            capability("munitions.artillery-155", 1, 10, 1)),
                    offer().minTrl(6).minMrl(7)).passed());
        }

        @Test
        void readyCapabilityOutsideTheOfferAreasDoesNotCount() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(capability("radar.ground", 9, 10, 1)),
                    offer().areas("munitions"));
            assertFalse(outcome.passed());
            assertEquals("no capability in the offer areas", outcome.actual());
            assertEquals("немає спроможності в напрямах пропозиції", outcome.actualUk());
        }
    }

    @Nested
    class Capacity {
        private final HardRule rule = new CapacityRule();

        @Test
        void withoutMinimumPassesExactlyWhenReadinessDoes() {
            assertTrue(evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 7, 7, 0)),
                    offer().minMonthly(null)).passed());
            HardRule.Outcome notReady = evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 4, 7, 0)),
                    offer().minMonthly(null).minTrl(5));
            assertFalse(notReady.passed());
            assertEquals("no minimum (any ready capability)", notReady.expected());
            assertEquals("без мінімуму (будь-яка готова спроможність)", notReady.expectedUk());
            assertEquals("немає готової спроможності", notReady.actualUk());
        }

        @Test
        void capacityEqualToTheMinimumPasses() {
            assertTrue(evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 7, 7, 500)),
                    offer().minMonthly(500.0)).passed());
        }

        @Test
        void capacityJustBelowTheMinimumFails() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 7, 7, 499.99)),
                    offer().minMonthly(500.0));
            assertFalse(outcome.passed());
            assertEquals("до 499,99 на місяць з готової спроможності", outcome.actualUk());
        }

        @Test
        void capacityOfACapabilityThatIsNotReadyDoesNotCount() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(
                            capability("munitions.artillery-155", 3, 7, 10_000),
                            capability("munitions.artillery-155", 7, 7, 10)),
                    offer().minMonthly(500.0));
            assertFalse(outcome.passed());
            assertEquals("up to 10 per month from a ready capability", outcome.actual());
            assertEquals(">= 500 per month from a ready capability", outcome.expected());
            assertEquals("до 10 на місяць з готової спроможності", outcome.actualUk());
            assertEquals("≥ 500 на місяць з готової спроможності", outcome.expectedUk());
        }

        @Test
        void zeroMinimumAcceptsZeroCapacity() {
            assertTrue(evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 7, 7, 0)),
                    offer().minMonthly(0.0)).passed());
        }
    }

    @Nested
    class Certifications {
        private final HardRule rule = new CertificationsRule();

        @Test
        void nothingRequiredPasses() {
            HardRule.Outcome outcome = evaluate(rule, profile(), offer());
            assertTrue(outcome.passed());
            assertEquals("none", outcome.expected());
            assertEquals("немає", outcome.expectedUk());
            assertEquals("сертифікатів немає", outcome.actualUk());
        }

        @Test
        void holdingMoreThanRequiredPasses() {
            assertTrue(evaluate(rule, profile().certifications("AQAP-2110", "ISO-9001", "ISO-27001"),
                    offer().required("AQAP-2110", "ISO-9001")).passed());
        }

        @Test
        void oneMissingCertificationFails() {
            HardRule.Outcome outcome = evaluate(rule, profile().certifications("ISO-9001"),
                    offer().required("AQAP-2110", "ISO-9001"));
            assertFalse(outcome.passed());
            assertEquals("holds ISO-9001; missing AQAP-2110", outcome.actual());
            assertEquals("має ISO-9001; бракує AQAP-2110", outcome.actualUk());
            assertEquals("AQAP-2110, ISO-9001", outcome.expectedUk());
        }
    }

    @Nested
    class Clearance {
        private final HardRule rule = new ClearanceRule();

        @Test
        void clearanceEqualToTheRequiredPasses() {
            assertTrue(evaluate(rule, profile().clearance(2), offer().requiredClearance(2)).passed());
        }

        @Test
        void clearanceOneBelowTheRequiredFails() {
            HardRule.Outcome outcome = evaluate(rule, profile().clearance(1), offer().requiredClearance(2));
            assertFalse(outcome.passed());
            assertEquals("NATO RESTRICTED (rank 1)", outcome.actual());
            assertEquals("NATO RESTRICTED (ранг 1)", outcome.actualUk());
        }

        @Test
        void classificationAboveTheRequiredClearanceGoverns() {
            HardRule.Outcome outcome = evaluate(rule, profile().clearance(2), offer().requiredClearance(1).classification(3));
            assertFalse(outcome.passed());
            assertEquals(">= NATO SECRET (rank 3): requires NATO RESTRICTED, classified NATO SECRET", outcome.expected());
            assertEquals("≥ NATO SECRET (ранг 3): пропозиція вимагає NATO RESTRICTED, має гриф NATO SECRET", outcome.expectedUk());
            assertTrue(evaluate(rule, profile().clearance(3), offer().requiredClearance(1).classification(3)).passed());
        }

        @Test
        void requiredClearanceAboveTheClassificationGoverns() {
            assertFalse(evaluate(rule, profile().clearance(2), offer().requiredClearance(3).classification(0)).passed());
        }

        @Test
        void higherClearanceSeesLowerMaterial() {
            assertTrue(evaluate(rule, profile().clearance(4), offer().requiredClearance(0).classification(1)).passed());
        }
    }

    @Nested
    class RiskTier {
        private final HardRule rule = new RiskTierRule();

        @Test
        void noMaximumAcceptsTheFrontLine() {
            HardRule.Outcome outcome = evaluate(rule, profile().riskTier(4), offer().maxRiskTier(null));
            assertTrue(outcome.passed());
            assertEquals("any tier (no maximum)", outcome.expected());
            assertEquals("будь-який рівень ризику (без обмеження)", outcome.expectedUk());
        }

        @Test
        void tierEqualToTheMaximumPasses() {
            assertTrue(evaluate(rule, profile().riskTier(2), offer().maxRiskTier(2)).passed());
        }

        @Test
        void tierAboveTheMaximumFails() {
            HardRule.Outcome outcome = evaluate(rule, profile().riskTier(3), offer().maxRiskTier(2));
            assertFalse(outcome.passed());
            assertEquals("tier 3", outcome.actual());
            assertEquals("рівень ризику ≤ 2", outcome.expectedUk());
            assertEquals("рівень ризику 3", outcome.actualUk());
        }
    }
}
