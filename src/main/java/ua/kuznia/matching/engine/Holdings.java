package ua.kuznia.matching.engine;

import java.util.Arrays;

/**
 * For each profile slot, the offer slots whose ranking buffer holds it: so a changed profile
 * goes straight to the rankings it must leave or move in, instead of searching every offer it
 * might have been in.
 */
final class Holdings {

    private static final int[] NONE = new int[0];

    private int[][] offersBySlot = new int[16][];
    private int[] counts = new int[16];

    void add(int profileSlot, int offerSlot) {
        if (profileSlot >= counts.length) {
            int capacity = Math.max(profileSlot + 1, 2 * counts.length);
            offersBySlot = Arrays.copyOf(offersBySlot, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        int[] offers = offersBySlot[profileSlot];
        if (offers == null || offers.length == counts[profileSlot]) {
            offers = offers == null || offers.length == 0 ? new int[4] : Arrays.copyOf(offers, 2 * offers.length);
            offersBySlot[profileSlot] = offers;
        }
        offers[counts[profileSlot]++] = offerSlot;
    }

    void remove(int profileSlot, int offerSlot) {
        int[] offers = offersBySlot[profileSlot];
        int count = counts[profileSlot];
        for (int i = 0; i < count; i++) {
            if (offers[i] == offerSlot) {
                offers[i] = offers[count - 1];
                counts[profileSlot] = count - 1;
                return;
            }
        }
    }

    /**
     * The offer slots holding the profile, as a copy the caller owns, in no particular order; the
     * profile is then held by none until the caller {@link #add}s it back. A changed profile
     * leaves or moves in every ranking it was in: re-adding the ones it stays in takes one pass,
     * where removing each from the list would scan it once per ranking.
     */
    int[] take(int profileSlot) {
        int[] held = offersHoldingCopy(profileSlot);
        if (held.length > 0) {
            counts[profileSlot] = 0;
        }
        return held;
    }

    /** The offer slots holding the profile, as a copy the caller owns, in no particular order. */
    int[] offersHoldingCopy(int profileSlot) {
        if (profileSlot >= counts.length || counts[profileSlot] == 0) {
            return NONE;
        }
        return Arrays.copyOf(offersBySlot[profileSlot], counts[profileSlot]);
    }

    /** Reads the start of the profile's list, for a caller that will soon remove from it. */
    int touch(int profileSlot) {
        int[] offers = profileSlot < offersBySlot.length ? offersBySlot[profileSlot] : null;
        return offers == null || offers.length == 0 ? 0 : offers[0];
    }

    void remember(int offerSlot, TopKBuffer ranking) {
        for (int i = 0; i < ranking.size; i++) {
            add(ranking.slots[i], offerSlot);
        }
    }

    void forget(int offerSlot, TopKBuffer ranking) {
        for (int i = 0; i < ranking.size; i++) {
            remove(ranking.slots[i], offerSlot);
        }
    }

    void clear() {
        Arrays.fill(counts, 0);
        Arrays.fill(offersBySlot, NONE);
    }
}
