package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.roaringbitmap.RoaringBitmap;

/**
 * Offers with their compiled plans and rankings, and open offers indexed the way profiles are,
 * from the other side: a changed profile finds the offers it could match with a few bitmap
 * operations instead of scoring itself against every offer.
 *
 * <p>Bitmaps, all over offer slots and of open offers only:
 * <ul>
 * <li>per offer area and TRL t: offers in that exact area asking for TRL <= t; the same for MRL.
 *     A capability's offers are those in its area or above it, asking no more than it has;
 * <li>per clearance rank r: offers needing clearance <= r; per risk tier t: offers accepting
 *     tier t; per certification: offers requiring it.
 * </ul>
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

    private static final int MAX_RANK = 4;
    private static final int MAX_TIER = 4;

    private final AreaTable areas;
    private final Interner certifications;
    private final Interner transferTypes;
    private final OfferScreens screens;
    private final SlotMap slots = new SlotMap();
    private Entry[] entries = new Entry[16];

    private final AreaLevelBitmaps openByAreaTrl = new AreaLevelBitmaps(9);
    private final AreaLevelBitmaps openByAreaMrl = new AreaLevelBitmaps(10);
    private final RoaringBitmap[] needingClearanceAtMost = AreaLevelBitmaps.newBitmaps(MAX_RANK + 1);
    private final RoaringBitmap[] acceptingRiskTier = AreaLevelBitmaps.newBitmaps(MAX_TIER + 1);
    private final List<RoaringBitmap> requiringCertification = new ArrayList<>();

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
                entries = Arrays.copyOf(entries, Math.max(slot + 1, entries.length * 2));
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
     * Open offers the profile in the slot may be eligible for: a superset, the exact test is the
     * scorer's. Capacity is left to the scorer, as is publication: an unpublished profile must
     * still be taken out of rankings it was in.
     */
    RoaringBitmap candidatesFor(ProfileIndex profiles, int slot) {
        RoaringBitmap union = new RoaringBitmap();
        for (int key : profiles.capabilityKeys(slot)) {
            for (int area = ProfileIndex.areaOf(key); area >= 0; area = areas.parent(area)) {
                RoaringBitmap trl = openByAreaTrl.get(area, ProfileIndex.trlOf(key));
                RoaringBitmap mrl = openByAreaMrl.get(area, ProfileIndex.mrlOf(key));
                if (trl != null && mrl != null) {
                    union.or(RoaringBitmap.and(trl, mrl));
                }
            }
        }
        union.and(needingClearanceAtMost[profiles.clearance(slot)]);
        union.and(acceptingRiskTier[profiles.riskTier(slot)]);
        for (int certification = 0; certification < requiringCertification.size(); certification++) {
            if (!profiles.holdsCertification(slot, certification)) {
                union.andNot(requiringCertification.get(certification));
            }
        }
        return union;
    }

    private OfferPlan plan(int slot, OfferData offer, CompiledRuleSet rules) {
        OfferPlan plan = new OfferPlan(slot, offer, areas, certifications, transferTypes, rules);
        screens.set(plan);
        return plan;
    }

    private void index(OfferPlan plan) {
        for (int area : plan.areaIds) {
            openByAreaTrl.add(area, plan.minTrl, 9, plan.slot);
            openByAreaMrl.add(area, plan.minMrl, 10, plan.slot);
        }
        for (int rank = plan.neededClearance; rank <= MAX_RANK; rank++) {
            needingClearanceAtMost[rank].add(plan.slot);
        }
        for (int tier = 1; tier <= plan.maxRiskTier; tier++) {
            acceptingRiskTier[tier].add(plan.slot);
        }
        for (int certification : plan.requiredCertificationIds) {
            while (requiringCertification.size() <= certification) {
                requiringCertification.add(new RoaringBitmap());
            }
            requiringCertification.get(certification).add(plan.slot);
        }
    }

    /** Closed offers were never indexed; removing their slot is harmless. */
    private void unindex(Entry entry) {
        int slot = entry.plan.slot;
        for (int area : entry.plan.areaIds) {
            openByAreaTrl.remove(area, slot);
            openByAreaMrl.remove(area, slot);
        }
        for (RoaringBitmap bitmap : needingClearanceAtMost) {
            bitmap.remove(slot);
        }
        for (RoaringBitmap bitmap : acceptingRiskTier) {
            bitmap.remove(slot);
        }
        for (RoaringBitmap bitmap : requiringCertification) {
            bitmap.remove(slot);
        }
    }
}
