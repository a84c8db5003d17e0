package ua.kuznia.matching.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The screen a changed profile passes offers through must never rule out a pair that scores:
 * if it did, the profile would silently stay out of a ranking it belongs in. So for random
 * data: every open offer the profile is eligible for is collected, and its screen bound is at
 * least the pair's exact score; offers not collected have no eligible pair.
 */
class ScreenBoundProperties {

    @Property(tries = 60)
    void theScreenBoundsEveryEligiblePair(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int profileCount,
            @ForAll @IntRange(min = 1, max = 20) int offerCount) {
        RandomDatasets.Dataset data = new RandomDatasets(seed).dataset(profileCount, offerCount, 1);
        IndexedDataset indexed = IndexedDataset.of(data);
        CompiledRuleSet rules = indexed.rules();
        ProfileIndex profiles = indexed.profiles();
        OfferIndex offers = indexed.offers();
        OfferRanker ranker = indexed.ranker();
        OfferScreens screens = indexed.screens();

        for (ProfileData profile : data.profiles()) {
            int slot = profiles.slotOf(profile.id());
            offers.startCollection();
            int collected = offers.collectCandidates(profiles, slot, false, rules);
            Set<Long> collectedIds = new HashSet<>();
            ProfileScreen screen = profiles.screen(slot, rules);
            for (int i = 0; i < collected; i++) {
                int offerSlot = offers.candidateSlot(i);
                OfferIndex.Entry entry = offers.entry(offerSlot);
                collectedIds.add(entry.data.id());
                double bound = screens.bound(offerSlot, screen, offers.bestSpecificity(offerSlot),
                        offers.bestReadiness(offerSlot), offers.largestMonthly(offerSlot));
                // Only a published profile's pairs can score; the exact score, not cut short.
                double score = profile.published() ? ranker.scorePair(entry.plan, slot, Double.NEGATIVE_INFINITY) : Double.NaN;
                assertTrue(Double.isNaN(score) || bound >= score,
                        "offer " + entry.data.id() + ", profile " + profile.id() + ": bound " + bound + " < score " + score);
            }
            for (OfferData offer : data.offers()) {
                if (!collectedIds.contains(offer.id()) && offer.open() && profile.published()) {
                    double score = ranker.scorePair(offers.get(offer.id()).plan, slot, Double.NEGATIVE_INFINITY);
                    assertTrue(Double.isNaN(score), "offer " + offer.id() + " not collected for profile " + profile.id()
                            + ", which it scores " + score);
                }
            }
        }
    }
}
