package ua.kuznia.matching.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A band's bound must never fall below the record bound of a profile in it: ranking would then
 * leave out a band holding a profile that belongs in the ranking. So for random data, every
 * published profile's band bound reaches its record bound for every open offer it may be
 * ranked for, and so its exact score.
 */
class ScoreBandsProperties {

    @Property(tries = 80)
    void aBandBoundsEveryProfileInIt(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int profileCount,
            @ForAll @IntRange(min = 1, max = 20) int offerCount) {
        RandomDatasets.Dataset data = new RandomDatasets(seed).dataset(profileCount, offerCount, 1);
        IndexedDataset indexed = IndexedDataset.of(data);
        ProfileIndex profiles = indexed.profiles();
        OfferIndex offers = indexed.offers();
        OfferRanker ranker = indexed.ranker();
        ScoreBands bands = new ScoreBands();

        for (OfferData offer : data.offers()) {
            OfferPlan plan = offers.get(offer.id()).plan;
            bands.prepare(plan);
            for (ProfileData profile : data.profiles()) {
                int slot = profiles.slotOf(profile.id());
                double record = profiles.bound(plan, slot);
                double band = bands.bound(profiles.band(slot));
                assertTrue(Double.isNaN(record) || band >= record,
                        "offer " + offer.id() + ", profile " + profile.id() + ": band " + band + " < record bound " + record);
                double score = offer.open() && profile.published()
                        ? ranker.scorePair(plan, slot, Double.NEGATIVE_INFINITY) : Double.NaN;
                assertTrue(Double.isNaN(score) || band >= score,
                        "offer " + offer.id() + ", profile " + profile.id() + ": band " + band + " < score " + score);
            }
        }
    }
}
