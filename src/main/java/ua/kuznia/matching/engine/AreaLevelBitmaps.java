package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.List;

import org.roaringbitmap.RoaringBitmap;

/**
 * Bitmaps by area id and level (TRL or MRL), filled cumulatively by the caller so that "at least
 * level t" is a single bitmap instead of a union over levels.
 *
 * <p>Only the (area, level) pairs some offer has asked for are kept. A profile in an area at
 * level 7 is otherwise in seven bitmaps per area above its capability, while offers ask for a
 * few levels only (TRL 4 to 8, say): keeping the others cost most of a profile edit's bitmap
 * updates and most of the index's memory, and no offer read them. A pair asked for the first
 * time is {@link #require}d: its bitmap exists at once, empty and pending, and the owner fills
 * every pending bitmap in one pass over its profiles ({@link #pending}, {@link #fill},
 * {@link #clearPending}) before any of them is read.
 */
final class AreaLevelBitmaps {

    private final int maxLevel;
    /** By area id, by level: the bitmap, or null where no offer asked for the pair. */
    private final List<RoaringBitmap[]> byArea = new ArrayList<>();
    /** By area id: the highest level still to be filled, or 0 for none. */
    private int[] highestPending = new int[16];
    /** By area id, by level: the pair is to be filled. */
    private final List<boolean[]> pendingByArea = new ArrayList<>();
    private boolean anyPending;

    AreaLevelBitmaps(int maxLevel) {
        this.maxLevel = maxLevel;
    }

    static RoaringBitmap[] newBitmaps(int count) {
        RoaringBitmap[] bitmaps = new RoaringBitmap[count];
        for (int i = 0; i < count; i++) {
            bitmaps[i] = new RoaringBitmap();
        }
        return bitmaps;
    }

    /** Null when no offer asked for the pair; see {@link #require}. */
    RoaringBitmap get(int area, int level) {
        RoaringBitmap[] levels = area < byArea.size() ? byArea.get(area) : null;
        return levels == null ? null : levels[level];
    }

    /**
     * Keeps the pair from now on. A new pair's bitmap is empty until the owner fills the pending
     * pairs; levels outside 1 to the maximum hold everyone or no one and are never kept.
     */
    void require(int area, int level) {
        if (level < 1 || level > maxLevel) {
            return;
        }
        while (byArea.size() <= area) {
            byArea.add(null);
            pendingByArea.add(null);
        }
        RoaringBitmap[] levels = byArea.get(area);
        if (levels == null) {
            levels = new RoaringBitmap[maxLevel + 1];
            byArea.set(area, levels);
            pendingByArea.set(area, new boolean[maxLevel + 1]);
        }
        if (levels[level] != null) {
            return;
        }
        levels[level] = new RoaringBitmap();
        pendingByArea.get(area)[level] = true;
        if (area >= highestPending.length) {
            highestPending = java.util.Arrays.copyOf(highestPending, Math.max(area + 1, 2 * highestPending.length));
        }
        highestPending[area] = Math.max(highestPending[area], level);
        anyPending = true;
    }

    boolean pending() {
        return anyPending;
    }

    /**
     * While filling: adds a slot whose capability reaches the area at this level to the pending
     * bitmaps of levels up to it. Slots come in ascending order, so an add mostly appends (edits
     * since the pair was required may have put later slots in already; adding again is harmless).
     */
    void fill(int area, int level, int slot) {
        if (area >= highestPending.length || highestPending[area] == 0) {
            return;
        }
        boolean[] pending = pendingByArea.get(area);
        RoaringBitmap[] levels = byArea.get(area);
        for (int l = 1, to = Math.min(level, highestPending[area]); l <= to; l++) {
            if (pending[l]) {
                levels[l].add(slot);
            }
        }
    }

    /** The pending bitmaps are filled: from now on they are kept like the others. */
    void clearPending() {
        for (int area = 0; area < pendingByArea.size(); area++) {
            boolean[] pending = pendingByArea.get(area);
            if (pending != null) {
                java.util.Arrays.fill(pending, false);
            }
        }
        java.util.Arrays.fill(highestPending, 0);
        anyPending = false;
    }

    void add(int area, int fromLevel, int toLevel, int slot) {
        RoaringBitmap[] levels = area < byArea.size() ? byArea.get(area) : null;
        if (levels != null) {
            for (int level = fromLevel; level <= toLevel; level++) {
                if (levels[level] != null) {
                    levels[level].add(slot);
                }
            }
        }
    }

    void remove(int area, int fromLevel, int toLevel, int slot) {
        RoaringBitmap[] levels = area < byArea.size() ? byArea.get(area) : null;
        if (levels != null) {
            for (int level = fromLevel; level <= toLevel; level++) {
                if (levels[level] != null) {
                    levels[level].remove(slot);
                }
            }
        }
    }
}
