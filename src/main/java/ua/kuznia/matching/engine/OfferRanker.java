package ua.kuznia.matching.engine;

import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Ranks profiles for offers. Holds scratch space, so each thread needs its own instance.
 */
final class OfferRanker {

    private final ProfileIndex profiles;
    private final CompiledRuleSet rules;
    private final double[] features = new double[Features.COUNT];
    private final int[] batch = new int[256];
    private final RankHeap heap = new RankHeap();
    private long pairsScored;
    /** Keeps the reads of {@link ProfileIndex#touchRecords} from being optimised away. */
    private int touched;

    OfferRanker(ProfileIndex profiles, CompiledRuleSet rules) {
        this.profiles = profiles;
        this.rules = rules;
    }

    /**
     * Scans the offer's candidates into a fresh ranking buffer, a batch at a time: first every
     * candidate's record, which bounds its score, then in full only those whose bound can still
     * enter the ranking. Each phase reads its memory in a separate pass, so cache misses overlap.
     */
    TopKBuffer rank(OfferPlan offer) {
        int capacity = rules.bufferCapacity();
        double minScore = rules.minScore();
        heap.reset(capacity);
        boolean truncated = false;
        BatchIterator iterator = profiles.candidates(offer).getBatchIterator();
        while (iterator.hasNext()) {
            int count = iterator.nextBatch(batch);
            pairsScored += count;
            touched += profiles.touchRecords(batch, count);
            double bar = heap.full() ? Math.max(minScore, heap.worstScore()) : minScore;
            int promising = 0;
            for (int i = 0; i < count; i++) {
                double bound = profiles.bound(offer, batch[i]);
                if (bound >= bar) {
                    batch[promising++] = batch[i];
                } else if (bound >= minScore) {
                    // Possibly suggested, but left out: the buffer no longer holds every suggested profile.
                    truncated = true;
                }
            }
            touched += profiles.touchCapabilities(batch, promising);
            for (int i = 0; i < promising; i++) {
                int slot = batch[i];
                boolean full = heap.full();
                bar = full ? Math.max(minScore, heap.worstScore()) : minScore;
                double score = profiles.score(offer, slot, bar, rules, features);
                if (!(score >= minScore)) {
                    continue;
                }
                if (full) {
                    truncated = true;
                }
                if (score >= bar) {
                    heap.offer(slot, profiles.idOf(slot), score);
                }
            }
        }
        return heap.drainInto(capacity, truncated);
    }

    /**
     * Scores one pair, cut short when it cannot reach {@code threshold} (at least the minimum
     * score): NaN or a value below the minimum means not suggested; a value between the minimum
     * and the threshold, possibly suggested but below it; any other value is the exact score.
     */
    double scorePair(OfferPlan offer, int slot, double threshold) {
        pairsScored++;
        if (!offer.data.open() || !profiles.passesFilters(offer, slot)) {
            return Double.NaN;
        }
        return profiles.score(offer, slot, threshold, rules, features);
    }

    long pairsScored() {
        return pairsScored;
    }
}
