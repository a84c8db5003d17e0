package ua.kuznia.matching.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A band's bound must never fall below the record bound of a profile in it: ranking would then
 * leave out a band holding a profile that belongs in the ranking. So for random data, every
 * profile's band bound reaches its record bound for every offer, and so its exact score; and an
 * offer ranked by band holds what it holds ranked profile by profile. Transfer types get ids
 * from 0, 16 or 30 up, so the type masks folded by id mod 16 and mod 32 wrap.
 */
class ScoreBandsProperties {

    @Property(tries = 80)
    void aBandBoundsEveryProfileInIt(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int profileCount,
            @ForAll @IntRange(min = 1, max = 20) int offerCount,
            @ForAll("typeIdOffsets") int paddingTypes) {
        RandomDatasets random = new RandomDatasets(seed);
        RandomDatasets.Dataset data = random.dataset(profileCount, offerCount, 1);
        IndexedDataset indexed = IndexedDataset.of(data, paddingTypes);
        assertBandsBound(indexed, data.offers(), data.profiles());
        // Edited in place, as a manufacturer edits: the band follows the record.
        List<ProfileData> edited = new ArrayList<>();
        for (ProfileData profile : data.profiles()) {
            ProfileData edit = random.edit(profile);
            indexed.profiles().upsert(edit);
            edited.add(edit);
        }
        assertBandsBound(indexed, data.offers(), edited);
    }

    private static void assertBandsBound(IndexedDataset indexed, List<OfferData> offers, List<ProfileData> profileData) {
        ProfileIndex profiles = indexed.profiles();
        ScoreBands bands = new ScoreBands();
        for (OfferData offer : offers) {
            OfferPlan plan = indexed.offers().get(offer.id()).plan;
            bands.prepare(plan);
            for (ProfileData profile : profileData) {
                int slot = profiles.slotOf(profile.id());
                double record = profiles.bound(plan, slot);
                double band = bands.bound(profiles.band(slot));
                assertTrue(Double.isNaN(record) || band >= record,
                        "offer " + offer.id() + ", profile " + profile.id() + ": band " + band + " < record bound " + record);
                double score = offer.open() && profile.published()
                        ? indexed.ranker().scorePair(plan, slot, Double.NEGATIVE_INFINITY) : Double.NaN;
                assertTrue(Double.isNaN(score) || band >= score,
                        "offer " + offer.id() + ", profile " + profile.id() + ": band " + band + " < score " + score);
            }
        }
    }

    /**
     * The whole buffer, not only its top K, is the same, and it is marked truncated whenever a
     * suggested profile is left out of it. (Either way of ranking may mark it so needlessly, where
     * a bound reached the minimum score and the score did not, so the two marks may differ.)
     */
    @Property(tries = 150)
    void aRankingByBandHoldsWhatARankingByRecordHolds(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 120) int profileCount,
            @ForAll @IntRange(min = 1, max = 20) int offerCount,
            @ForAll("typeIdOffsets") int paddingTypes,
            @ForAll boolean smallBuffers) {
        RandomDatasets.Dataset random = new RandomDatasets(seed).dataset(profileCount, offerCount, 1);
        // Half the runs keep one suggestion and admit every eligible profile: buffers of 9 fill
        // early, so later groups are bounded against a full buffer and their members left out.
        RandomDatasets.Dataset data = smallBuffers ? new RandomDatasets.Dataset(random.profiles(), random.offers(),
                new RuleSetData(2, random.ruleSet().weights(), 0, 1, random.ruleSet().areaPriorities(),
                        random.ruleSet().supportEffectiveness())) : random;
        IndexedDataset indexed = IndexedDataset.of(data, paddingTypes);
        OfferRanker byBand = new OfferRanker(indexed.profiles(), indexed.rules(), 0);
        OfferRanker byRecord = new OfferRanker(indexed.profiles(), indexed.rules(), Integer.MAX_VALUE);

        for (OfferData offer : data.offers()) {
            OfferPlan plan = indexed.offers().get(offer.id()).plan;
            TopKBuffer banded = byBand.rank(plan);
            TopKBuffer plain = byRecord.rank(plan);
            String where = "offer " + offer.id();
            assertEquals(plain.size, banded.size, where);
            assertArrayEquals(Arrays.copyOf(plain.slots, plain.size), Arrays.copyOf(banded.slots, banded.size), where);
            assertArrayEquals(Arrays.copyOf(plain.scores, plain.size), Arrays.copyOf(banded.scores, banded.size), where);
            int suggested = 0;
            for (ProfileData profile : data.profiles()) {
                int slot = indexed.profiles().slotOf(profile.id());
                suggested += byRecord.scorePair(plan, slot, Double.NEGATIVE_INFINITY) >= indexed.rules().minScore() ? 1 : 0;
            }
            assertTrue(suggested <= banded.size || banded.truncated,
                    where + ": " + suggested + " suggested, " + banded.size + " held, not marked truncated");
        }
    }

    @Provide
    Arbitrary<Integer> typeIdOffsets() {
        return Arbitraries.of(0, 16, 30);
    }
}
