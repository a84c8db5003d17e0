package ua.kuznia.matching.engine;

import java.util.Arrays;

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
    /** Groups of candidates by score bound; more groups stop the full scoring closer to the bar. */
    private static final int GROUPS = 128;
    private final int[] groupEnds = new int[GROUPS];
    private final double[] groupHighest = new double[GROUPS];
    private int[] keptSlots = new int[0];
    private double[] keptBounds = new double[0];
    private byte[] keptGroups = new byte[0];
    private int[] sortedSlots = new int[0];
    private double[] sortedBounds = new double[0];
    private long pairsScored;
    /**
     * Offers with at least this many candidates are bounded by band first (see {@link ScoreBands}):
     * below it, reading every record costs less than the bands.
     */
    static final int BANDED_FROM = 2048;
    private final int bandedFrom;
    private final ScoreBands bands = new ScoreBands();
    /** Keeps the reads of {@link ProfileIndex#touchRecords} from being optimised away. */
    private int touched;

    OfferRanker(ProfileIndex profiles, CompiledRuleSet rules) {
        this(profiles, rules, BANDED_FROM);
    }

    /** @param bandedFrom the fewest candidates an offer is bounded by band with (tests rank every offer so) */
    OfferRanker(ProfileIndex profiles, CompiledRuleSet rules, int bandedFrom) {
        this.profiles = profiles;
        this.rules = rules;
        this.bandedFrom = bandedFrom;
    }

    /**
     * Ranks the offer's candidates into a fresh ranking buffer in two passes. The first reads
     * every candidate's record, a batch at a time (the reads of a batch are independent, so
     * their cache misses overlap), and keeps the score bound of those that might be suggested;
     * for an offer with {@link #BANDED_FROM} candidates or more it reads only their bands and
     * keeps the band's bound. The second scores them in full from the highest bound down,
     * grouped by bound (a group of band bounds is first bounded member by member from the
     * records), and stops as soon as the buffer is full and no remaining bound reaches its last
     * entry: most candidates are never scored in full, and the buffer fills with good profiles
     * early, so few are pushed out again.
     */
    TopKBuffer rank(OfferPlan offer) {
        return rank(offer, rules.bufferCapacity());
    }

    /** As {@link #rank(OfferPlan)}, into a buffer of the given capacity (at least K). */
    TopKBuffer rank(OfferPlan offer, int capacity) {
        double minScore = rules.minScore();
        heap.reset(capacity);
        RoaringBitmap candidates = profiles.candidates(offer);
        int cardinality = candidates.getCardinality();
        ensureCapacity(cardinality);
        // A broad offer is bounded by band: the pass reads one int per candidate instead of its
        // record, and the records of the bands that reach the bar are read in the second pass.
        boolean banded = cardinality >= bandedFrom;
        if (banded) {
            bands.prepare(offer);
        }
        int kept = 0;
        double highest = minScore;
        BatchIterator iterator = candidates.getBatchIterator();
        while (iterator.hasNext()) {
            int count = iterator.nextBatch(batch);
            pairsScored += count;
            if (!banded) {
                touched += profiles.touchRecords(batch, count);
            }
            for (int i = 0; i < count; i++) {
                double bound = banded ? bands.bound(profiles.band(batch[i])) : profiles.bound(offer, batch[i]);
                if (bound >= minScore) {
                    keptSlots[kept] = batch[i];
                    keptBounds[kept] = bound;
                    // A band bound may be infinite (see ScoreBands#prepare): its group is the first.
                    highest = bound < Double.POSITIVE_INFINITY ? Math.max(highest, bound) : highest;
                    kept++;
                }
            }
        }
        if (kept == 0) {
            return heap.drainInto(capacity, false);
        }
        // Counting sort by bound into GROUPS groups, highest first.
        Arrays.fill(groupEnds, 0);
        Arrays.fill(groupHighest, Double.NEGATIVE_INFINITY);
        double scale = (GROUPS - 1) / Math.max(highest - minScore, 1e-9);
        for (int i = 0; i < kept; i++) {
            int group = GROUPS - 1 - Math.min(GROUPS - 1, (int) ((keptBounds[i] - minScore) * scale));
            keptGroups[i] = (byte) group;
            groupEnds[group]++;
            groupHighest[group] = Math.max(groupHighest[group], keptBounds[i]);
        }
        int end = 0;
        for (int group = 0; group < GROUPS; group++) {
            end += groupEnds[group];
            groupEnds[group] = end;
        }
        for (int i = kept - 1; i >= 0; i--) {
            int at = --groupEnds[keptGroups[i]];
            sortedSlots[at] = keptSlots[i];
            sortedBounds[at] = keptBounds[i];
        }
        // groupEnds now holds each group's start; the next group's start is its end.
        boolean truncated = false;
        for (int group = 0; group < GROUPS; group++) {
            int from = groupEnds[group];
            int to = group + 1 < GROUPS ? groupEnds[group + 1] : kept;
            if (from == to) {
                continue;
            }
            if (heap.full() && groupHighest[group] < Math.max(minScore, heap.worstScore())) {
                // Every remaining candidate might be suggested but cannot enter the buffer.
                truncated = true;
                break;
            }
            if (banded) {
                // The group's bounds are its bands': bound each member by its record now, and read
                // the capabilities only of those that can still enter.
                touched += profiles.touchRecords(sortedSlots, from, to);
                double bar = heap.full() ? Math.max(minScore, heap.worstScore()) : minScore;
                int survivors = from;
                for (int i = from; i < to; i++) {
                    double bound = profiles.bound(offer, sortedSlots[i]);
                    if (bound >= bar) {
                        sortedSlots[survivors] = sortedSlots[i];
                        sortedBounds[survivors++] = bound;
                    } else if (bound >= minScore) {
                        truncated = true;
                    }
                }
                to = survivors;
            }
            touched += profiles.touchCapabilities(sortedSlots, from, to);
            for (int i = from; i < to; i++) {
                boolean full = heap.full();
                double bar = full ? Math.max(minScore, heap.worstScore()) : minScore;
                if (sortedBounds[i] < bar) {
                    truncated = true;
                    continue;
                }
                int slot = sortedSlots[i];
                // The bound is the record's by now (the first pass's, or a band's replaced above)
                // and reaches the bar: not worked out again.
                double score = profiles.scoreBounded(offer, slot, bar, rules, features);
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

    private void ensureCapacity(int candidates) {
        if (keptSlots.length < candidates) {
            int length = Math.max(candidates, 2 * keptSlots.length);
            keptSlots = new int[length];
            keptBounds = new double[length];
            keptGroups = new byte[length];
            sortedSlots = new int[length];
            sortedBounds = new double[length];
        }
    }

    /**
     * Scores one pair, cut short when it cannot reach {@code threshold} (at least the minimum
     * score): NaN or a value below the minimum means not suggested; a value between the minimum
     * and the threshold, possibly suggested but below it; any other value is the exact score.
     */
    double scorePair(OfferPlan offer, int slot, double threshold) {
        if (!offer.data.open() || !profiles.passesFilters(offer, slot)) {
            pairsScored++;
            return Double.NaN;
        }
        return scoreHeldPair(offer, slot, threshold);
    }

    /**
     * As {@link #scorePair}, for an open offer whose hard rules other than the capability test
     * the profile is known to pass, and whose screen bound reached {@code threshold}.
     */
    double scoreScreenedPair(OfferPlan offer, int slot, double threshold) {
        pairsScored++;
        return profiles.scoreBounded(offer, slot, threshold, rules, features);
    }

    /**
     * As {@link #scorePair}, for a pair whose profile passes the offer's hard rules other than
     * the capability test, the offer being open: those are not looked up again.
     */
    double scoreHeldPair(OfferPlan offer, int slot, double threshold) {
        pairsScored++;
        return profiles.score(offer, slot, threshold, rules, features);
    }

    long pairsScored() {
        return pairsScored;
    }
}
