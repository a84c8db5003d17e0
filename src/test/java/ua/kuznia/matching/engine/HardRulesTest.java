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
        }

        @Test
        void closedOfferFails() {
            HardRule.Outcome outcome = evaluate(rule, profile(), offer().open(false));
            assertFalse(outcome.passed());
            assertEquals("offer not open, profile published", outcome.actual());
        }

        @Test
        void unpublishedProfileFails() {
            assertFalse(evaluate(rule, profile().published(false), offer()).passed());
        }
    }

    @Nested
    class AreaCoverage {
        private final HardRule rule = new AreaCoverageRule();

        @Test
        void capabilityInTheOfferAreaCovers() {
            assertTrue(evaluate(rule, profile(), offer().areas("munitions.artillery-155")).passed());
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
        }

        @Test
        void sharedPrefixWithoutDotIsNotASubArea() {
            assertFalse(evaluate(rule, profile().capabilities(capability("munitions-extra", 7, 7, 1)),
                    offer().areas("munitions")).passed());
        }

        @Test
        void anyOfferAreaWillDo() {
            assertTrue(evaluate(rule, profile().capabilities(capability("radar.ground", 7, 7, 1)),
                    offer().areas("ew", "radar")).passed());
        }

        @Test
        void profileWithoutCapabilitiesFails() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(), offer());
            assertFalse(outcome.passed());
            assertEquals("no capabilities", outcome.actual());
        }
    }

    @Nested
    class Readiness {
        private final HardRule rule = new ReadinessRule();

        @Test
        void trlAndMrlEqualToTheMinimumsPass() {
            assertTrue(evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 6, 7, 1)),
                    offer().minTrl(6).minMrl(7)).passed());
        }

        @Test
        void trlOneBelowFails() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 5, 7, 1)),
                    offer().minTrl(6).minMrl(7));
            assertFalse(outcome.passed());
            assertEquals("TRL >= 6 and MRL >= 7 in an offer area", outcome.expected());
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
        }

        @Test
        void capacityEqualToTheMinimumPasses() {
            assertTrue(evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 7, 7, 500)),
                    offer().minMonthly(500.0)).passed());
        }

        @Test
        void capacityJustBelowTheMinimumFails() {
            assertFalse(evaluate(rule, profile().capabilities(capability("munitions.artillery-155", 7, 7, 499.99)),
                    offer().minMonthly(500.0)).passed());
        }

        @Test
        void capacityOfACapabilityThatIsNotReadyDoesNotCount() {
            HardRule.Outcome outcome = evaluate(rule, profile().capabilities(
                            capability("munitions.artillery-155", 3, 7, 10_000),
                            capability("munitions.artillery-155", 7, 7, 10)),
                    offer().minMonthly(500.0));
            assertFalse(outcome.passed());
            assertEquals("up to 10 per month from a ready capability", outcome.actual());
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
        }

        @Test
        void classificationAboveTheRequiredClearanceGoverns() {
            HardRule.Outcome outcome = evaluate(rule, profile().clearance(2), offer().requiredClearance(1).classification(3));
            assertFalse(outcome.passed());
            assertEquals(">= NATO SECRET (rank 3): requires NATO RESTRICTED, classified NATO SECRET", outcome.expected());
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
        }
    }
}
