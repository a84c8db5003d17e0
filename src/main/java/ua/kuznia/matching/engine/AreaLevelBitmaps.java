package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.List;

import org.roaringbitmap.RoaringBitmap;

/**
 * Bitmaps by area id and level (TRL or MRL), filled cumulatively by the caller so that "at least
 * level t" or "asking at most t" is a single bitmap instead of a union over levels.
 */
final class AreaLevelBitmaps {

    private final int maxLevel;
    private final List<RoaringBitmap[]> byArea = new ArrayList<>();

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

    /** Null when nothing was ever added for the area. */
    RoaringBitmap get(int area, int level) {
        RoaringBitmap[] levels = area < byArea.size() ? byArea.get(area) : null;
        return levels == null ? null : levels[level];
    }

    void add(int area, int fromLevel, int toLevel, int slot) {
        while (byArea.size() <= area) {
            byArea.add(null);
        }
        RoaringBitmap[] levels = byArea.get(area);
        if (levels == null) {
            levels = newBitmaps(maxLevel + 1);
            byArea.set(area, levels);
        }
        for (int level = fromLevel; level <= toLevel; level++) {
            levels[level].add(slot);
        }
    }

    void remove(int area, int fromLevel, int toLevel, int slot) {
        RoaringBitmap[] levels = area < byArea.size() ? byArea.get(area) : null;
        if (levels != null) {
            for (int level = fromLevel; level <= toLevel; level++) {
                levels[level].remove(slot);
            }
        }
    }
}
