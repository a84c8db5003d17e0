package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.roaringbitmap.RoaringBitmap;

/**
 * Profiles stored by column, in dense slots, with bitmaps that answer the hard rules for a whole
 * offer at once. An offer's candidates are an AND/OR of a handful of bitmaps; only they reach
 * the scoring loop, which reads flat arrays and allocates nothing.
 *
 * <p>Bitmaps, all over slots:
 * <ul>
 * <li>per area and TRL t: published profiles with a capability at or below the area with TRL >= t
 *     (t = 1 is "has a capability there"); the same per area and MRL. Cumulative, so an offer's
 *     readiness pre-filter is one lookup per area instead of a union over levels, and only
 *     published profiles, so publication needs no operation of its own;
 * <li>per certification; per clearance rank r (cleared to r or above); per risk tier t (tier t
 *     or lower); published.
 * </ul>
 * The area bitmaps pre-filter readiness (TRL and MRL may come from different capabilities);
 * the scoring loop then checks each capability exactly.
 *
 * <p>Scoring is bound by memory latency, not arithmetic: candidates are scattered over the
 * slots, and a cache miss costs as much as scoring a pair. So each slot has a fixed-size record
 * holding what most pairs need, and the scan reads a batch of records before scoring them.
 */
final class ProfileIndex {

    private static final int MAX_RANK = 4;
    private static final int MAX_TIER = 4;
    /** Compaction pauses one upsert for a pass over the arena; below this much garbage it is not worth it. */
    private static final int MIN_GARBAGE_TO_COMPACT = 1 << 14;

    // Record layout: traits; entry counts with the highest TRL and MRL; arena start; the largest
    // monthly capacity (a float rounded up); what the profile seeks as bit masks (areas by id mod
    // 64, transfer types by id mod 32) and its highest sought area id. That is all the score
    // bound needs, so most pairs are decided by the record alone, and the exact seeking test
    // mostly too. A profile's entries (what it seeks, then its capabilities) and the monthly
    // capacities are in the arena; a profile rewritten with more entries moves to the arena's
    // end, leaving garbage until the next compaction.
    private static final int RECORD = 8;
    private static final int TRAITS = 0;
    private static final int COUNTS = 1;
    private static final int START = 2;
    private static final int MAX_MONTHLY = 3;
    private static final int AREA_MASK_LOW = 4;
    private static final int AREA_MASK_HIGH = 5;
    private static final int TYPE_MASK = 6;
    private static final int MAX_SOUGHT_AREA = 7;
    /** Bounds add this to stay above the exact score whatever the order of the floating-point sums. */
    static final double BOUND_SLACK = 1e-9;

    private final AreaTable areas;
    private final Interner certifications;
    private final Interner transferTypes;
    private final OfferScreens screens;
    private final SlotMap slots = new SlotMap();

    private int[] records = new int[16 * RECORD];
    /** The {@link ScoreBands band} of each slot, apart from the records: ranking a broad offer reads it for every candidate. */
    private int[] bands = new int[16];
    /** Certifications held with an id below 64, as bits, by slot: the offers' side tests them at once. */
    private long[] certificationMasks = new long[16];
    private int[] arenaKeys = new int[1024];
    private double[] arenaMonthly = new double[1024];
    private int arenaEnd;
    private int arenaGarbage;

    private final RoaringBitmap published = new RoaringBitmap();
    private final AreaLevelBitmaps byAreaTrl = new AreaLevelBitmaps(9);
    private final AreaLevelBitmaps byAreaMrl = new AreaLevelBitmaps(10);
    private final List<RoaringBitmap> byCertification = new ArrayList<>();
    private final RoaringBitmap[] clearedFor = AreaLevelBitmaps.newBitmaps(MAX_RANK + 1);
    private final RoaringBitmap[] riskAtMost = AreaLevelBitmaps.newBitmaps(MAX_TIER + 1);

    ProfileIndex(AreaTable areas, Interner certifications, Interner transferTypes, OfferScreens screens) {
        this.areas = areas;
        this.certifications = certifications;
        this.transferTypes = transferTypes;
        this.screens = screens;
    }

    /** A capability in one int, so the scoring loop reads area, TRL and MRL with a single load. */
    private static int capabilityKey(int areaId, int trl, int mrl) {
        return areaId << 8 | trl << 4 | mrl;
    }

    static int areaOf(int capabilityKey) {
        return capabilityKey >>> 8;
    }

    static int trlOf(int capabilityKey) {
        return (capabilityKey >>> 4) & 0xF;
    }

    static int mrlOf(int capabilityKey) {
        return capabilityKey & 0xF;
    }

    /** Sought areas are stored as their id, sought transfer types as the complement of theirs. */
    private static int soughtType(int typeId) {
        return ~typeId;
    }

    /**
     * Risk tier, clearance, whether AQAP 2110 is held, whether a sought transfer type has an id
     * of 32 or more (so the type mask is not exact), and how many certifications are held, in one int.
     */
    private int traits(ProfileData profile) {
        int certificationCount = profile.certifications().size();
        boolean aqap = profile.certifications().contains(Features.AQAP_2110);
        boolean wideTypes = false;
        for (String type : profile.seekingTransferTypes()) {
            wideTypes |= transferTypes.intern(type) >= 32;
        }
        return profile.riskTier() | profile.clearanceRank() << 3 | (aqap ? 1 << 6 : 0) | (wideTypes ? 1 << 7 : 0)
                | certificationCount << 8;
    }

    private static int riskTierOf(int traits) {
        return traits & 0x7;
    }

    private static int clearanceOf(int traits) {
        return (traits >>> 3) & 0x7;
    }

    private static boolean holdsAqap2110(int traits) {
        return (traits & 1 << 6) != 0;
    }

    private static boolean seeksWideTypes(int traits) {
        return (traits & 1 << 7) != 0;
    }

    private static int certificationCountOf(int traits) {
        return traits >>> 8;
    }

    /** Up to 4095 capabilities and 4095 sought areas and types, the highest TRL and MRL. */
    private static int counts(int sought, int capabilities, int maxTrl, int maxMrl) {
        requireCountsFit(sought, capabilities);
        return sought | capabilities << 12 | maxTrl << 24 | maxMrl << 28;
    }

    private static void requireCountsFit(int sought, int capabilities) {
        if (sought > 0xFFF || capabilities > 0xFFF) {
            throw new IllegalArgumentException("a profile may have at most 4095 capabilities and 4095 sought areas and types");
        }
    }

    private static int soughtCountOf(int counts) {
        return counts & 0xFFF;
    }

    private static int capabilityCountOf(int counts) {
        return (counts >>> 12) & 0xFFF;
    }

    private static int entryCountOf(int counts) {
        return soughtCountOf(counts) + capabilityCountOf(counts);
    }

    private static int maxTrlOf(int counts) {
        return (counts >>> 24) & 0xF;
    }

    private static int maxMrlOf(int counts) {
        return counts >>> 28;
    }

    /** The nearest float at or above the value: an upper bound in half the space. */
    private static int floatAtLeast(double value) {
        float rounded = (float) value;
        return Float.floatToRawIntBits(rounded < value ? Math.nextUp(rounded) : rounded);
    }

    int slotOf(long profileId) {
        return slots.slotOf(profileId);
    }

    long idOf(int slot) {
        return slots.idOf(slot);
    }

    int size() {
        return slots.size();
    }

    int clearance(int slot) {
        return clearanceOf(records[RECORD * slot + TRAITS]);
    }

    int riskTier(int slot) {
        return riskTierOf(records[RECORD * slot + TRAITS]);
    }

    long certificationMask(int slot) {
        return certificationMasks[slot];
    }

    boolean holdsCertification(int slot, int certificationId) {
        return certificationId < byCertification.size() && byCertification.get(certificationId).contains(slot);
    }

    int capabilityCount(int slot) {
        return capabilityCountOf(records[RECORD * slot + COUNTS]);
    }

    /** The i-th capability of the profile as an {@link #areaOf}, {@link #trlOf}, {@link #mrlOf} key, read in place. */
    int capabilityKey(int slot, int i) {
        int base = RECORD * slot;
        return arenaKeys[records[base + START] + soughtCountOf(records[base + COUNTS]) + i];
    }

    /** The monthly capacity of the i-th capability of the profile. */
    double capabilityMonthly(int slot, int i) {
        int base = RECORD * slot;
        return arenaMonthly[records[base + START] + soughtCountOf(records[base + COUNTS]) + i];
    }

    /** @return the profile's slot */
    int upsert(ProfileData profile) {
        // Refused before anything changes: a rewrite cut short would leave the profile half
        // indexed, its rankings scored from facts it no longer has.
        requireCountsFit(profile.seekingAreas().size() + profile.seekingTransferTypes().size(), profile.capabilities().size());
        int slot = slots.slotOf(profile.id());
        if (slot >= 0) {
            reindex(slot, profile);
            return slot;
        }
        slot = slots.allocate(profile.id());
        if (RECORD * slots.highWater() > records.length) {
            records = Arrays.copyOf(records, Math.max(RECORD * slots.highWater(), 2 * records.length));
            certificationMasks = Arrays.copyOf(certificationMasks, records.length / RECORD);
            bands = Arrays.copyOf(bands, records.length / RECORD);
        }
        records[RECORD * slot + TRAITS] = traits(profile);
        writeEntries(slot, profile);
        bands[slot] = computeBand(slot);
        index(slot, profile);
        return slot;
    }

    /** @return the slot the profile had, or -1 if it was not indexed */
    int remove(long profileId) {
        int slot = slots.slotOf(profileId);
        if (slot < 0) {
            return -1;
        }
        unindex(slot);
        arenaGarbage += entryCountOf(records[RECORD * slot + COUNTS]);
        Arrays.fill(records, RECORD * slot, RECORD * slot + RECORD, 0);
        slots.release(profileId);
        return slot;
    }

    /** The profile as it was indexed, rebuilt from the columns (the index keeps no records). */
    ProfileData profile(int slot) {
        Set<String> certs = new HashSet<>();
        for (int id = 0; id < byCertification.size(); id++) {
            if (byCertification.get(id).contains(slot)) {
                certs.add(certifications.value(id));
            }
        }
        int counts = records[RECORD * slot + COUNTS];
        int start = records[RECORD * slot + START];
        int capabilitiesStart = start + soughtCountOf(counts);
        List<Capability> capabilities = new ArrayList<>();
        for (int i = capabilitiesStart; i < start + entryCountOf(counts); i++) {
            int key = arenaKeys[i];
            capabilities.add(new Capability(areas.code(areaOf(key)), trlOf(key), mrlOf(key), arenaMonthly[i]));
        }
        Set<String> seekingAreas = new HashSet<>();
        Set<String> seekingTypes = new HashSet<>();
        for (int i = start; i < capabilitiesStart; i++) {
            int sought = arenaKeys[i];
            if (sought >= 0) {
                seekingAreas.add(areas.code(sought));
            } else {
                seekingTypes.add(transferTypes.value(~sought));
            }
        }
        int traits = records[RECORD * slot + TRAITS];
        return new ProfileData(slots.idOf(slot), published.contains(slot), clearanceOf(traits), riskTierOf(traits),
                certs, capabilities, seekingAreas, seekingTypes);
    }

    /**
     * Profiles that pass every hard rule for the offer except the exact capability test, which
     * the scoring loop makes. Returns a new bitmap the caller owns.
     */
    RoaringBitmap candidates(OfferPlan offer) {
        if (byAreaTrl.pending() || byAreaMrl.pending()) {
            throw new IllegalStateException("level bitmaps asked for are not filled yet; call fillRequiredLevels first");
        }
        RoaringBitmap union = null;
        for (int area : offer.areaIds) {
            RoaringBitmap trl = byAreaTrl.get(area, offer.minTrl);
            RoaringBitmap mrl = byAreaMrl.get(area, offer.minMrl);
            if (trl != null && mrl != null) {
                RoaringBitmap ready = RoaringBitmap.and(trl, mrl);
                if (union == null) {
                    union = ready;
                } else {
                    union.or(ready);
                }
            }
        }
        if (union == null) {
            return new RoaringBitmap();
        }
        if (offer.neededClearance > 0) {
            union.and(clearedFor[offer.neededClearance]);
        }
        if (offer.maxRiskTier < MAX_TIER) {
            union.and(riskAtMost[offer.maxRiskTier]);
        }
        for (int certification : offer.requiredCertificationIds) {
            if (certification >= byCertification.size()) {
                return new RoaringBitmap();
            }
            union.and(byCertification.get(certification));
        }
        return union;
    }

    /**
     * Keeps from now on the level bitmaps {@link #candidates} reads for the offer; new ones are
     * filled by the next {@link #fillRequiredLevels}.
     */
    void requireLevels(OfferPlan offer) {
        for (int area : offer.areaIds) {
            byAreaTrl.require(area, offer.minTrl);
            byAreaMrl.require(area, offer.minMrl);
        }
    }

    /**
     * Fills the level bitmaps required since the last call, in one pass over the published
     * profiles: a new offer asking for a level no other offer asked for in its area costs one
     * pass, once. Nothing to do otherwise.
     */
    void fillRequiredLevels() {
        if (!byAreaTrl.pending() && !byAreaMrl.pending()) {
            return;
        }
        org.roaringbitmap.IntIterator slots = published.getIntIterator();
        while (slots.hasNext()) {
            int slot = slots.next();
            for (int i = 0, count = capabilityCount(slot); i < count; i++) {
                int key = capabilityKey(slot, i);
                for (int area = areaOf(key); area >= 0; area = areas.parent(area)) {
                    byAreaTrl.fill(area, trlOf(key), slot);
                    byAreaMrl.fill(area, mrlOf(key), slot);
                }
            }
        }
        byAreaTrl.clearPending();
        byAreaMrl.clearPending();
    }

    /** The hard rules {@link #candidates} checks by bitmap, for one profile. */
    boolean passesFilters(OfferPlan offer, int slot) {
        int traits = records[RECORD * slot + TRAITS];
        if (clearanceOf(traits) < offer.neededClearance || riskTierOf(traits) > offer.maxRiskTier || !published.contains(slot)) {
            return false;
        }
        return holdsAll(slot, offer.requiredCertificationIds);
    }

    /** Whether the profile holds every one of these certifications. */
    boolean holdsAll(int slot, int[] certificationIds) {
        for (int certification : certificationIds) {
            if (!holdsCertification(slot, certification)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the record of each slot. These loads do not depend on each other, so the processor
     * overlaps their cache misses, where the scorer, with its long dependent chains per slot,
     * would wait for them one by one.
     *
     * @return a value derived from the loads, so that they are not optimised away
     */
    int touchRecords(int[] slots, int count) {
        return touchRecords(slots, 0, count);
    }

    /** As {@link #touchRecords(int[], int)}, for the slots from {@code from} to {@code to}. */
    int touchRecords(int[] slots, int from, int to) {
        int sink = 0;
        for (int i = from; i < to; i++) {
            int base = RECORD * slots[i];
            // A record may straddle two cache lines: read both ends.
            sink += records[base] + records[base + RECORD - 1];
        }
        return sink;
    }

    /** As {@link #touchRecords}, for the capabilities in the arena, once a pair is worth scoring in full. */
    int touchCapabilities(int[] slots, int from, int to) {
        int sink = 0;
        for (int i = from; i < to; i++) {
            int base = RECORD * slots[i];
            int first = records[base + START] + soughtCountOf(records[base + COUNTS]);
            sink += arenaKeys[first] + (int) arenaMonthly[first];
        }
        return sink;
    }

    /** What screening offers for this profile needs of it (see {@link OfferScreens#bound}). */
    ProfileScreen screen(int slot, CompiledRuleSet rules) {
        int base = RECORD * slot;
        int traits = records[base + TRAITS];
        return new ProfileScreen(rules, holdsAqap2110(traits), certificationCountOf(traits), riskTierOf(traits),
                areaMask(base), records[base + MAX_SOUGHT_AREA], records[base + TYPE_MASK]);
    }

    private int computeBand(int slot) {
        int base = RECORD * slot;
        int traits = records[base + TRAITS];
        int counts = records[base + COUNTS];
        return ScoreBands.band(riskTierOf(traits), maxTrlOf(counts), maxMrlOf(counts), holdsAqap2110(traits),
                certificationCountOf(traits), Float.intBitsToFloat(records[base + MAX_MONTHLY]),
                records[base + MAX_SOUGHT_AREA] >= 0, records[base + TYPE_MASK], seeksWideTypes(traits));
    }

    /** The slot's {@link ScoreBands band}. */
    int band(int slot) {
        return bands[slot];
    }

    /**
     * An upper bound of the pair's score from the profile's record and the offer's plan: as
     * {@link OfferScreens#bound}, summed from the plan's per-feature tables. NaN when the profile's
     * highest TRL or MRL misses the offer's minimum.
     */
    double bound(OfferPlan offer, int slot) {
        int base = RECORD * slot;
        int traits = records[base + TRAITS];
        int counts = records[base + COUNTS];
        double readiness = offer.readinessContribution[maxTrlOf(counts) * 11 + maxMrlOf(counts)];
        double certifications = offer.extraCertificationsContribution(holdsAqap2110(traits), certificationCountOf(traits));
        double risk = offer.lowRiskContribution[riskTierOf(traits)];
        double headroom = offer.headroomContribution(Float.intBitsToFloat(records[base + MAX_MONTHLY]));
        double seeking = offer.seekingContribution[seekingKey(offer, base, traits, false)];
        return offer.constantContribution + readiness + certifications + risk + headroom + seeking + BOUND_SLACK;
    }

    /**
     * Scores a profile that passed {@link #passesFilters}. Returns NaN when no capability
     * qualifies (the pair is not eligible). Pairs that cannot reach {@code threshold} are cut
     * short: the method may then return an upper bound of the score (below the threshold)
     * instead of the score, or NaN without checking every capability. Any return value >=
     * threshold is the exact score.
     *
     * @param features scratch space, overwritten
     */
    double score(OfferPlan offer, int slot, double threshold, CompiledRuleSet rules, double[] features) {
        double bound = bound(offer, slot);
        if (!(bound >= threshold)) {
            return bound;
        }
        return scoreBounded(offer, slot, threshold, rules, features);
    }

    /**
     * As {@link #score}, for a pair whose record bound is already known to reach the threshold
     * (a changed profile's screen): leaves out the plan's bound tables, which would each cost a
     * cache miss for an offer scored once.
     */
    double scoreBounded(OfferPlan offer, int slot, double threshold, CompiledRuleSet rules, double[] features) {
        double bound;
        int base = RECORD * slot;
        int traits = records[base + TRAITS];
        int counts = records[base + COUNTS];
        int start = records[base + START];
        int sought = soughtCountOf(counts);
        int entries = entryCountOf(counts);
        boolean extraAqap = holdsAqap2110(traits) && !offer.requiresAqap2110;
        int extras = certificationCountOf(traits) - offer.requiredCertificationCount;
        features[Features.EXTRA_CERTIFICATIONS] = Features.extraCertifications(extraAqap, extras - (extraAqap ? 1 : 0));
        features[Features.AREA_PRIORITY] = offer.areaPriority;
        int seeking = seekingKey(offer, base, traits, true);
        features[Features.SEEKING_FIT] = Features.seekingFit((seeking & 2) != 0, (seeking & 1) != 0);
        features[Features.LOW_RISK] = Features.lowRisk(riskTierOf(traits));
        features[Features.SUPPORT_MODEL] = offer.supportModel;
        // Monthly capacities live in another array: read them here only when the offer sets a
        // minimum, otherwise only for pairs that survive the next bound.
        boolean minimum = offer.minMonthlyCapacity > Double.NEGATIVE_INFINITY;
        double specificity = -1;
        double surplus = 0;
        for (int i = start + sought; i < start + entries; i++) {
            int key = arenaKeys[i];
            int trl = trlOf(key);
            int mrl = mrlOf(key);
            if (trl < offer.minTrl || mrl < offer.minMrl || minimum && arenaMonthly[i] < offer.minMonthlyCapacity) {
                continue;
            }
            int gap = offer.depthGap(areaOf(key));
            if (gap >= 0) {
                specificity = Math.max(specificity, Features.areaSpecificity(gap));
                surplus = Math.max(surplus, Features.readinessSurplus(offer.trlProgress[trl], offer.mrlProgress[mrl]));
            }
        }
        if (specificity < 0) {
            return Double.NaN;
        }
        features[Features.AREA_SPECIFICITY] = specificity;
        features[Features.READINESS_SURPLUS] = surplus;
        if (!Double.isNaN(offer.capacityReference)) {
            // The logarithm is the costliest step: skip it for pairs that cannot reach the threshold anyway.
            features[Features.CAPACITY_HEADROOM] = screens.headroomBound(offer.slot, Float.intBitsToFloat(records[base + MAX_MONTHLY]));
            bound = Features.score(rules.weights, rules.weightSum, features);
            if (bound < threshold) {
                return bound;
            }
        }
        features[Features.CAPACITY_HEADROOM] = Features.capacityHeadroom(
                largestQualifyingMonthly(offer, start + sought, start + entries), offer.capacityReference);
        return Features.score(rules.weights, rules.weightSum, features);
    }

    private double largestQualifyingMonthly(OfferPlan offer, int from, int to) {
        double largest = 0;
        for (int i = from; i < to; i++) {
            int key = arenaKeys[i];
            double monthly = arenaMonthly[i];
            if (trlOf(key) >= offer.minTrl && mrlOf(key) >= offer.minMrl && monthly >= offer.minMonthlyCapacity
                    && offer.depthGap(areaOf(key)) >= 0) {
                largest = Math.max(largest, monthly);
            }
        }
        return largest;
    }

    private long areaMask(int base) {
        return (long) records[base + AREA_MASK_HIGH] << 32 | records[base + AREA_MASK_LOW] & 0xFFFFFFFFL;
    }

    /**
     * Whether the profile seeks an area related to the offer's (2) and the offer's transfer type
     * (1), from the record's masks. A mask test can only err towards yes (ids sharing a bit, or
     * areas the plan does not know); {@code exact} settles such cases from the arena, otherwise
     * the answer is an upper bound.
     */
    private int seekingKey(OfferPlan offer, int base, int traits, boolean exact) {
        long areaMask = areaMask(base);
        boolean unknownArea = records[base + MAX_SOUGHT_AREA] >= offer.knownAreas;
        boolean area = (areaMask & offer.relatedAreaMask) != 0 || unknownArea;
        boolean type = (records[base + TYPE_MASK] & offer.transferTypeBit) != 0;
        boolean areaExact = !area || offer.areaMaskExact && !unknownArea;
        boolean typeExact = !type || offer.transferTypeBitExact && !seeksWideTypes(traits);
        if (exact && !(areaExact && typeExact)) {
            int start = records[base + START];
            int soughtCount = soughtCountOf(records[base + COUNTS]);
            area = false;
            type = false;
            int typeKey = soughtType(offer.transferTypeId);
            for (int i = start; i < start + soughtCount; i++) {
                int sought = arenaKeys[i];
                if (sought >= 0) {
                    area |= offer.relatedTo(sought);
                } else {
                    type |= sought == typeKey;
                }
            }
        }
        return (area ? 2 : 0) | (type ? 1 : 0);
    }

    private void index(int slot, ProfileData profile) {
        if (profile.published()) {
            published.add(slot);
        }
        for (int rank = 1; rank <= profile.clearanceRank(); rank++) {
            clearedFor[rank].add(slot);
        }
        for (int tier = profile.riskTier(); tier < MAX_TIER; tier++) {
            riskAtMost[tier].add(slot);
        }
        for (String certification : profile.certifications()) {
            int id = certifications.intern(certification);
            while (byCertification.size() <= id) {
                byCertification.add(new RoaringBitmap());
            }
            byCertification.get(id).add(slot);
            if (id < 64) {
                certificationMasks[slot] |= 1L << id;
            }
        }
        for (int i = 0, count = profile.published() ? capabilityCount(slot) : 0; i < count; i++) {
            int key = capabilityKey(slot, i);
            for (int area = areaOf(key); area >= 0; area = areas.parent(area)) {
                byAreaTrl.add(area, 1, trlOf(key), slot);
                byAreaMrl.add(area, 1, mrlOf(key), slot);
            }
        }
    }

    // Scratch of reindex: by area id, the highest TRL and MRL of the capabilities reaching the
    // area before and after the edit, and the areas met.
    private int[] levelsBefore = new int[64];
    private int[] levelsAfter = new int[64];
    private boolean[] areaMet = new boolean[32];
    private int[] areasMet = new int[32];
    private int areasMetCount;

    /**
     * Rewrites an indexed profile, moving the slot only in and out of the bitmaps whose
     * membership changes. An edit mostly changes few of them, often none (a capacity is in no
     * bitmap), where taking the slot out of every bitmap and putting it back cost a search in
     * each: most of a small edit's time.
     */
    private void reindex(int slot, ProfileData profile) {
        int base = RECORD * slot;
        int before = records[base + TRAITS];
        boolean wasPublished = published.contains(slot);
        areasMetCount = 0;
        meetLevels(slot, wasPublished, false);
        if (wasPublished != profile.published()) {
            if (profile.published()) {
                published.add(slot);
            } else {
                published.remove(slot);
            }
        }
        for (int rank = clearanceOf(before) + 1; rank <= profile.clearanceRank(); rank++) {
            clearedFor[rank].add(slot);
        }
        for (int rank = profile.clearanceRank() + 1; rank <= clearanceOf(before); rank++) {
            clearedFor[rank].remove(slot);
        }
        // riskAtMost[t] holds the profiles of tier t or lower.
        for (int tier = profile.riskTier(); tier < Math.min(riskTierOf(before), MAX_TIER); tier++) {
            riskAtMost[tier].add(slot);
        }
        for (int tier = riskTierOf(before); tier < Math.min(profile.riskTier(), MAX_TIER); tier++) {
            riskAtMost[tier].remove(slot);
        }
        reindexCertifications(slot, profile);
        records[base + TRAITS] = traits(profile);
        writeEntries(slot, profile);
        bands[slot] = computeBand(slot);
        meetLevels(slot, profile.published(), true);
        for (int i = 0; i < areasMetCount; i++) {
            int area = areasMet[i];
            moveLevels(byAreaTrl, area, levelsBefore[area] >>> 4, levelsAfter[area] >>> 4, slot);
            moveLevels(byAreaMrl, area, levelsBefore[area] & 0xF, levelsAfter[area] & 0xF, slot);
            areaMet[area] = false;
        }
    }

    /**
     * Records, for every area the slot's stored capabilities reach (their own and the areas above),
     * the highest TRL and MRL reaching it, packed as TRL << 4 | MRL, before or after the edit: the levels
     * {@link #index} adds the slot to, cumulatively, are those up to these. An unpublished profile
     * is in none.
     */
    private void meetLevels(int slot, boolean indexed, boolean after) {
        if (areaMet.length < areas.size()) {
            int length = Math.max(areas.size(), 2 * areaMet.length);
            areaMet = Arrays.copyOf(areaMet, length);
            areasMet = Arrays.copyOf(areasMet, length);
            levelsBefore = Arrays.copyOf(levelsBefore, length);
            levelsAfter = Arrays.copyOf(levelsAfter, length);
        }
        int[] levels = after ? levelsAfter : levelsBefore;
        for (int i = 0, count = indexed ? capabilityCount(slot) : 0; i < count; i++) {
            int key = capabilityKey(slot, i);
            for (int area = areaOf(key); area >= 0; area = areas.parent(area)) {
                if (!areaMet[area]) {
                    areaMet[area] = true;
                    areasMet[areasMetCount++] = area;
                    levelsBefore[area] = 0;
                    levelsAfter[area] = 0;
                }
                int trl = Math.max(levels[area] >>> 4, trlOf(key));
                int mrl = Math.max(levels[area] & 0xF, mrlOf(key));
                levels[area] = trl << 4 | mrl;
            }
        }
    }

    /** Adds the slot to the levels it reaches now and did not, or takes it out of those it no longer does. */
    private static void moveLevels(AreaLevelBitmaps bitmaps, int area, int before, int after, int slot) {
        if (after > before) {
            bitmaps.add(area, before + 1, after, slot);
        } else if (after < before) {
            bitmaps.remove(area, after + 1, before, slot);
        }
    }

    private void reindexCertifications(int slot, ProfileData profile) {
        long before = certificationMasks[slot];
        long after = 0;
        for (String certification : profile.certifications()) {
            int id = certifications.intern(certification);
            while (byCertification.size() <= id) {
                byCertification.add(new RoaringBitmap());
            }
            if (id < 64) {
                after |= 1L << id;
            }
        }
        for (int id = 0; id < Math.min(64, byCertification.size()); id++) {
            long bit = 1L << id;
            if ((before & bit) != 0 && (after & bit) == 0) {
                byCertification.get(id).remove(slot);
            } else if ((before & bit) == 0 && (after & bit) != 0) {
                byCertification.get(id).add(slot);
            }
        }
        // Ids of 64 and more are in no mask: the slot leaves them all and joins its own.
        for (int id = 64; id < byCertification.size(); id++) {
            byCertification.get(id).remove(slot);
        }
        for (String certification : profile.certifications()) {
            int id = certifications.intern(certification);
            if (id >= 64) {
                byCertification.get(id).add(slot);
            }
        }
        certificationMasks[slot] = after;
    }

    /** Removes the slot from every bitmap; reads the capabilities still stored for it. */
    private void unindex(int slot) {
        boolean wasPublished = published.checkedRemove(slot);
        for (RoaringBitmap bitmap : clearedFor) {
            bitmap.remove(slot);
        }
        for (RoaringBitmap bitmap : riskAtMost) {
            bitmap.remove(slot);
        }
        long held = certificationMasks[slot];
        for (int id = 0; id < byCertification.size(); id++) {
            if (id >= 64 || (held & 1L << id) != 0) {
                byCertification.get(id).remove(slot);
            }
        }
        certificationMasks[slot] = 0;
        // Only the levels index() added the slot to: a miss in the others still costs a search.
        for (int i = 0, count = wasPublished ? capabilityCount(slot) : 0; i < count; i++) {
            int key = capabilityKey(slot, i);
            for (int area = areaOf(key); area >= 0; area = areas.parent(area)) {
                byAreaTrl.remove(area, 1, trlOf(key), slot);
                byAreaMrl.remove(area, 1, mrlOf(key), slot);
            }
        }
    }

    private void writeEntries(int slot, ProfileData profile) {
        List<Capability> capabilities = profile.capabilities();
        int sought = profile.seekingAreas().size() + profile.seekingTransferTypes().size();
        int length = capabilities.size() + sought;
        int base = RECORD * slot;
        int previousLength = entryCountOf(records[base + COUNTS]);
        int start;
        if (length <= previousLength) {
            start = records[base + START];
            arenaGarbage += previousLength - length;
        } else {
            arenaGarbage += previousLength;
            records[base + COUNTS] = 0;
            if (arenaGarbage >= MIN_GARBAGE_TO_COMPACT && 2 * arenaGarbage > arenaEnd) {
                compact();
            }
            if (arenaEnd + length > arenaKeys.length) {
                int capacity = Math.max(arenaEnd + length, 2 * arenaKeys.length);
                arenaKeys = Arrays.copyOf(arenaKeys, capacity);
                arenaMonthly = Arrays.copyOf(arenaMonthly, capacity);
            }
            start = arenaEnd;
            arenaEnd += length;
        }
        int at = start;
        long areaMask = 0;
        int maxSoughtArea = -1;
        int typeMask = 0;
        for (String area : profile.seekingAreas()) {
            int id = areas.intern(area);
            areaMask |= 1L << id;
            maxSoughtArea = Math.max(maxSoughtArea, id);
            arenaKeys[at++] = id;
        }
        for (String type : profile.seekingTransferTypes()) {
            int id = transferTypes.intern(type);
            typeMask |= 1 << id;
            arenaKeys[at++] = soughtType(id);
        }
        int maxTrl = 0;
        int maxMrl = 0;
        double maxMonthly = 0;
        for (Capability capability : capabilities) {
            maxTrl = Math.max(maxTrl, capability.trl());
            maxMrl = Math.max(maxMrl, capability.mrl());
            maxMonthly = Math.max(maxMonthly, capability.monthlyCapacity());
            arenaMonthly[at] = capability.monthlyCapacity();
            arenaKeys[at++] = capabilityKey(areas.intern(capability.area()), capability.trl(), capability.mrl());
        }
        records[base + COUNTS] = counts(sought, capabilities.size(), maxTrl, maxMrl);
        records[base + START] = start;
        records[base + MAX_MONTHLY] = floatAtLeast(maxMonthly);
        records[base + AREA_MASK_LOW] = (int) areaMask;
        records[base + AREA_MASK_HIGH] = (int) (areaMask >>> 32);
        records[base + TYPE_MASK] = typeMask;
        records[base + MAX_SOUGHT_AREA] = maxSoughtArea;
    }

    /** Rewrites the arena in slot order, which also lays the entries out in the order scans read them. */
    private void compact() {
        int[] keys = new int[Math.max(1024, arenaEnd - arenaGarbage + 1024)];
        double[] monthly = new double[keys.length];
        int end = 0;
        for (int slot = 0; slot < slots.highWater(); slot++) {
            int base = RECORD * slot;
            int length = entryCountOf(records[base + COUNTS]);
            System.arraycopy(arenaKeys, records[base + START], keys, end, length);
            System.arraycopy(arenaMonthly, records[base + START], monthly, end, length);
            records[base + START] = end;
            end += length;
        }
        arenaKeys = keys;
        arenaMonthly = monthly;
        arenaEnd = end;
        arenaGarbage = 0;
    }
}
