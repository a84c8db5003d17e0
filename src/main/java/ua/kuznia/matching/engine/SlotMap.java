package ua.kuznia.matching.engine;

import java.util.Arrays;

/**
 * Maps database ids to dense int slots, the positions in the column arrays and bitmaps, and
 * hands freed slots out again so the columns stay compact. Open addressing with linear probing
 * keeps it to two flat arrays instead of a boxed entry per id.
 */
final class SlotMap {

    private long[] keys = new long[16];
    private int[] slotsPlusOne = new int[16];   // 0 marks an empty table cell
    private int entries;
    private long[] idBySlot = new long[16];
    private int highWater;
    private int[] freeSlots = new int[16];
    private int freeCount;

    /** -1 if the id has no slot. */
    int slotOf(long id) {
        int mask = keys.length - 1;
        for (int cell = hash(id) & mask; slotsPlusOne[cell] != 0; cell = (cell + 1) & mask) {
            if (keys[cell] == id) {
                return slotsPlusOne[cell] - 1;
            }
        }
        return -1;
    }

    /** The id must not have a slot yet. */
    int allocate(long id) {
        int slot = freeCount > 0 ? freeSlots[--freeCount] : highWater++;
        if (slot == idBySlot.length) {
            idBySlot = Arrays.copyOf(idBySlot, slot * 2);
        }
        idBySlot[slot] = id;
        if (2 * (entries + 1) > keys.length) {
            rehash(keys.length * 2);
        }
        put(id, slot);
        entries++;
        return slot;
    }

    void release(long id) {
        int mask = keys.length - 1;
        int cell = hash(id) & mask;
        while (slotsPlusOne[cell] == 0 || keys[cell] != id) {
            if (slotsPlusOne[cell] == 0) {
                return;
            }
            cell = (cell + 1) & mask;
        }
        int slot = slotsPlusOne[cell] - 1;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
        entries--;
        // Backward-shift deletion (Knuth's algorithm R): no tombstones, so lookups stay short.
        int hole = cell;
        for (int next = (hole + 1) & mask; slotsPlusOne[next] != 0; next = (next + 1) & mask) {
            int home = hash(keys[next]) & mask;
            boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays) {
                keys[hole] = keys[next];
                slotsPlusOne[hole] = slotsPlusOne[next];
                hole = next;
            }
        }
        slotsPlusOne[hole] = 0;
    }

    long idOf(int slot) {
        return idBySlot[slot];
    }

    /** Every live slot is below this; columns are sized to it. */
    int highWater() {
        return highWater;
    }

    int size() {
        return entries;
    }

    private void put(long id, int slot) {
        int mask = keys.length - 1;
        int cell = hash(id) & mask;
        while (slotsPlusOne[cell] != 0) {
            cell = (cell + 1) & mask;
        }
        keys[cell] = id;
        slotsPlusOne[cell] = slot + 1;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldSlots = slotsPlusOne;
        keys = new long[capacity];
        slotsPlusOne = new int[capacity];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldSlots[i] != 0) {
                put(oldKeys[i], oldSlots[i] - 1);
            }
        }
    }

    /** Database ids are sequential; mixing spreads them over the table. */
    private static int hash(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
