package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.roaringbitmap.RoaringBitmap;

/**
 * Offers with their compiled plans and rankings, and open offers indexed the way profiles are,
 * from the other side: a changed profile finds the offers it could match by scanning short
 * lists instead of scoring itself against every offer.
 *
 * <p>Open offers are listed under each of their areas with their readiness minimums packed
 * in one int; a capability's offers are those listed under its area or above it, asking no more
 * than it has. What the other hard rules ask is kept in flat arrays by offer slot.
 */
final class OfferIndex {

    /** One offer. {@code ranking} is null until computed, and again after anything it depends on changes. */
    static final class Entry {
        final OfferData data;
        OfferPlan plan;
        TopKBuffer ranking;

        private Entry(OfferData data, OfferPlan plan) {
            this.data = data;
            this.plan = plan;
        }
    }

    private final AreaTable areas;
    private final Interner certifications;
    private final Interner transferTypes;
    private final OfferScreens screens;
    private final SlotMap slots = new SlotMap();
    private Entry[] entries = new Entry[16];

    // Open offers listed by area, one packed int each (slot << 8 | minimum TRL << 4 | minimum
    // MRL), and what the other hard rules ask, by offer slot.
    private int[][] openByArea = new int[0][];
    private int[] openCounts = new int[0];
    private int[] neededClearance = new int[16];
    private int[] maxRiskTier = new int[16];
    /** Required certifications with an id below 64, as bits. */
    private long[] requiredCertifications = new long[16];
    /** The offer requires a certification with an id of 64 or more, which only the plan lists. */
    private boolean[] wideRequirements = new boolean[16];

    // Scratch of collectCandidates: a stamp per offer slot, so an offer listed under several of
    // the profile's areas is collected once; the collected slots; and by offer slot, what the
    // profile's qualifying capabilities bring to a collected offer at best.
    private int[] stamps = new int[16];
    private int epoch;
    private int[] found = new int[64];
    // By offer slot, side by side so that a pair's update touches one cache line: the offer's
    // minimum monthly capacity (negative infinity for none), then the best specificity and
    // readiness contributions and the largest capacity of the qualifying capabilities.
    private static final int SCRATCH = 4;
    private static final int MIN_MONTHLY = 0;
    private static final int BEST_SPECIFICITY = 1;
    private static final int BEST_READINESS = 2;
    private static final int LARGEST_MONTHLY = 3;
    private double[] scratch = new double[16 * SCRATCH];

    OfferIndex(AreaTable areas, Interner certifications, Interner transferTypes, OfferScreens screens) {
        this.areas = areas;
        this.certifications = certifications;
        this.transferTypes = transferTypes;
        this.screens = screens;
    }

    Entry get(long offerId) {
        int slot = slots.slotOf(offerId);
        return slot < 0 ? null : entries[slot];
    }

    Entry entry(int slot) {
        return entries[slot];
    }

    int size() {
        return slots.size();
    }

    Entry upsert(OfferData offer, CompiledRuleSet rules) {
        int slot = slots.slotOf(offer.id());
        if (slot >= 0) {
            unindex(entries[slot]);
        } else {
            slot = slots.allocate(offer.id());
            if (slot >= entries.length) {
                int capacity = Math.max(slot + 1, entries.length * 2);
                entries = Arrays.copyOf(entries, capacity);
                neededClearance = Arrays.copyOf(neededClearance, capacity);
                maxRiskTier = Arrays.copyOf(maxRiskTier, capacity);
                requiredCertifications = Arrays.copyOf(requiredCertifications, capacity);
                wideRequirements = Arrays.copyOf(wideRequirements, capacity);
                stamps = Arrays.copyOf(stamps, capacity);
                scratch = Arrays.copyOf(scratch, capacity * SCRATCH);
            }
        }
        Entry entry = new Entry(offer, plan(slot, offer, rules));
        entries[slot] = entry;
        if (offer.open()) {
            index(entry.plan);
        }
        return entry;
    }

    boolean remove(long offerId) {
        int slot = slots.slotOf(offerId);
        if (slot < 0) {
            return false;
        }
        unindex(entries[slot]);
        entries[slot] = null;
        slots.release(offerId);
        return true;
    }

    /** A new rule set changes every plan's constants and invalidates every ranking. */
    void replan(CompiledRuleSet rules) {
        for (Entry entry : entries) {
            if (entry != null) {
                entry.plan = plan(entry.plan.slot, entry.data, rules);
                entry.ranking = null;
            }
        }
    }

    List<Entry> openEntries() {
        List<Entry> open = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry != null && entry.data.open()) {
                open.add(entry);
            }
        }
        return open;
    }

    /**
     * Open offers the profile in the slot may be eligible for, as a bitmap the caller owns: see
     * {@link #collectCandidates}.
     */
    RoaringBitmap candidatesFor(ProfileIndex profiles, int slot, CompiledRuleSet rules) {
        startCollection();
        int count = collectCandidates(profiles, slot, false, rules);
        int[] found = Arrays.copyOf(this.found, count);
        Arrays.sort(found);
        return RoaringBitmap.bitmapOf(found);
    }

    /** Starts a collection: forgets the marks and the offers collected before. */
    void startCollection() {
        if (epoch > Integer.MAX_VALUE - 3) {
            Arrays.fill(stamps, 0);
            epoch = 0;
        }
        epoch += 3;
    }

    /**
     * Marks an offer so that {@link #collectCandidates} with {@code skipMarked} leaves it out, until
     * the next {@link #startCollection}: offers whose ranking already holds the profile are
     * handled apart.
     */
    void mark(int offerSlot) {
        stamps[offerSlot] = epoch - 2;
    }

    /**
     * Collects the open offers the profile in the slot may be eligible for into
     * {@link #candidateSlot}, in no particular order: a superset, the exact test is the scorer's.
     * Publication is left to the scorer: an unpublished profile must still be taken out of
     * rankings it was in.
     *
     * <p>A scan of the offers listed under each area the profile's capabilities lie in or below,
     * rather than bitmap operations: an area lists a few hundred offers at most, and one packed
     * int per offer answers the readiness test, where each bitmap operation would allocate and
     * touch containers sized for every offer.
     *
     * <p>The scan meets each (capability, offer) pair with the levels between them, so it also
     * records, per collected offer, what the capabilities that qualify for it (readiness and
     * capacity) bring at best: the highest area-specificity and readiness-surplus contributions
     * ({@link #bestSpecificity}, {@link #bestReadiness}) and the largest monthly capacity
     * ({@link #largestMonthly}); negative infinity when none qualifies. These are the scorer's
     * own maxima, so the screen built on them is nearly the score.
     *
     * @param skipMarked leave out the offers {@link #mark}ed since {@link #startCollection}
     * @return how many offers were collected
     */
    int collectCandidates(ProfileIndex profiles, int slot, boolean skipMarked, CompiledRuleSet rules) {
        return collectCandidates(profiles, slot, skipMarked, rules, -1L);
    }

    /**
     * As {@link #collectCandidates(ProfileIndex, int, boolean, CompiledRuleSet)}, collecting only
     * the offers listed under the capabilities in {@code collectFrom} (bit i: capability i), the
     * changed ones of a {@link CapabilityEdit}. The other capabilities are scanned after them, and
     * only bring what they qualify for to the offers already collected: the screen needs the best
     * of every capability, changed or not.
     */
    int collectCandidates(ProfileIndex profiles, int slot, boolean skipMarked, CompiledRuleSet rules, long collectFrom) {
        // Stamps of this collection: epoch - 2 marks an offer to skip, epoch - 1 one ruled out,
        // epoch one collected.
        int skip = epoch - 2;
        int ruledOut = epoch - 1;
        int collected = epoch;
        int clearance = profiles.clearance(slot);
        int riskTier = profiles.riskTier(slot);
        long certificationMask = profiles.certificationMask(slot);
        int count = 0;
        int capabilities = profiles.capabilityCount(slot);
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < capabilities; c++) {
                boolean collects = (collectFrom >>> c & 1) != 0;
                if (collects == (pass == 1)) {
                    continue;
                }
                int key = profiles.capabilityKey(slot, c);
                int trl = ProfileIndex.trlOf(key);
                int mrl = ProfileIndex.mrlOf(key);
                double monthly = profiles.capabilityMonthly(slot, c);
                double[] readiness = rules.readinessByPackedMinimums(trl, mrl);
                int gap = 0;
                for (int area = ProfileIndex.areaOf(key); area >= 0; area = areas.parent(area), gap++) {
                    int[] listed = area < openByArea.length ? openByArea[area] : null;
                    int listedCount = listed == null ? 0 : openCounts[area];
                    double specificity = rules.specificityContribution(gap);
                    for (int i = 0; i < listedCount; i++) {
                        int entry = listed[i];
                        int offer = entry >>> 8;
                        if (((entry >>> 4) & 0xF) > trl || (entry & 0xF) > mrl) {
                            continue;
                        }
                        int stamp = stamps[offer];
                        if (stamp == ruledOut || skipMarked && stamp == skip || !collects && stamp != collected) {
                            continue;
                        }
                        if (stamp != collected) {
                            if (neededClearance[offer] > clearance || maxRiskTier[offer] < riskTier
                                    || (requiredCertifications[offer] & ~certificationMask) != 0
                                    || wideRequirements[offer] && !profiles.holdsAll(slot, entries[offer].plan.requiredCertificationIds)) {
                                stamps[offer] = ruledOut;
                                continue;
                            }
                            stamps[offer] = collected;
                            if (count == found.length) {
                                found = Arrays.copyOf(found, 2 * count);
                            }
                            found[count++] = offer;
                            scratch[SCRATCH * offer + BEST_SPECIFICITY] = Double.NEGATIVE_INFINITY;
                            scratch[SCRATCH * offer + BEST_READINESS] = Double.NEGATIVE_INFINITY;
                            scratch[SCRATCH * offer + LARGEST_MONTHLY] = Double.NEGATIVE_INFINITY;
                        }
                        int at = SCRATCH * offer;
                        if (monthly >= scratch[at + MIN_MONTHLY]) {
                            scratch[at + BEST_SPECIFICITY] = Math.max(scratch[at + BEST_SPECIFICITY], specificity);
                            scratch[at + BEST_READINESS] = Math.max(scratch[at + BEST_READINESS], readiness[entry & 0xFF]);
                            scratch[at + LARGEST_MONTHLY] = Math.max(scratch[at + LARGEST_MONTHLY], monthly);
                        }
                    }
                }
            }
        }
        return count;
    }

    /** The highest area-specificity contribution of a capability qualifying for a collected offer. */
    double bestSpecificity(int offerSlot) {
        return scratch[SCRATCH * offerSlot + BEST_SPECIFICITY];
    }

    /** The highest readiness-surplus contribution of a capability qualifying for a collected offer. */
    double bestReadiness(int offerSlot) {
        return scratch[SCRATCH * offerSlot + BEST_READINESS];
    }

    /** The largest monthly capacity of a capability qualifying for a collected offer. */
    double largestMonthly(int offerSlot) {
        return scratch[SCRATCH * offerSlot + LARGEST_MONTHLY];
    }

    /** The i-th offer slot of the last {@link #collectCandidates}. */
    int candidateSlot(int i) {
        return found[i];
    }

    private OfferPlan plan(int slot, OfferData offer, CompiledRuleSet rules) {
        OfferPlan plan = new OfferPlan(slot, offer, areas, certifications, transferTypes, rules);
        screens.set(plan);
        return plan;
    }

    private void index(OfferPlan plan) {
        int slot = plan.slot;
        for (int area : plan.areaIds) {
            if (area >= openByArea.length) {
                openByArea = Arrays.copyOf(openByArea, Math.max(area + 1, 2 * openByArea.length));
                openCounts = Arrays.copyOf(openCounts, openByArea.length);
            }
            int[] listed = openByArea[area];
            if (listed == null || listed.length == openCounts[area]) {
                listed = listed == null ? new int[8] : Arrays.copyOf(listed, 2 * listed.length);
                openByArea[area] = listed;
            }
            listed[openCounts[area]++] = slot << 8 | plan.minTrl << 4 | plan.minMrl;
        }
        neededClearance[slot] = plan.neededClearance;
        maxRiskTier[slot] = plan.maxRiskTier;
        long required = 0;
        boolean wide = false;
        for (int certification : plan.requiredCertificationIds) {
            if (certification < 64) {
                required |= 1L << certification;
            } else {
                wide = true;
            }
        }
        requiredCertifications[slot] = required;
        wideRequirements[slot] = wide;
        scratch[SCRATCH * slot + MIN_MONTHLY] = plan.minMonthlyCapacity;
    }

    /** Closed offers were never indexed; removing their slot is harmless. */
    private void unindex(Entry entry) {
        int slot = entry.plan.slot;
        for (int area : entry.plan.areaIds) {
            int[] listed = area < openByArea.length ? openByArea[area] : null;
            for (int i = 0; listed != null && i < openCounts[area]; i++) {
                if (listed[i] >>> 8 == slot) {
                    listed[i] = listed[--openCounts[area]];
                    break;
                }
            }
        }
    }
}
