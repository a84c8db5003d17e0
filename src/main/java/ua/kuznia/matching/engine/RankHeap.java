package ua.kuznia.matching.engine;

/**
 * Bounded heap with the worst-ranked entry at the root: the best N of a scan in O(log N) per
 * entry, and the root's score is the bar a candidate must clear once the heap is full.
 * Reused across offers, so scanning allocates nothing.
 */
final class RankHeap {

    private int[] slots = new int[0];
    private long[] ids = new long[0];
    private double[] scores = new double[0];
    private int size;
    private int capacity;

    void reset(int capacity) {
        if (slots.length < capacity) {
            slots = new int[capacity];
            ids = new long[capacity];
            scores = new double[capacity];
        }
        this.capacity = capacity;
        size = 0;
    }

    boolean full() {
        return size == capacity;
    }

    double worstScore() {
        return scores[0];
    }

    void offer(int slot, long profileId, double score) {
        if (!full()) {
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!worse(score, profileId, scores[parent], ids[parent])) {
                    break;
                }
                set(at, slots[parent], ids[parent], scores[parent]);
                at = parent;
            }
            set(at, slot, profileId, score);
        } else if (worse(scores[0], ids[0], score, profileId)) {
            siftDown(slot, profileId, score);
        }
    }

    /** Empties the heap into a buffer of the given capacity, best first. */
    TopKBuffer drainInto(int capacity, boolean truncated) {
        TopKBuffer buffer = new TopKBuffer(capacity);
        buffer.size = size;
        buffer.truncated = truncated;
        while (size > 0) {
            buffer.slots[size - 1] = slots[0];
            buffer.ids[size - 1] = ids[0];
            buffer.scores[size - 1] = scores[0];
            size--;
            if (size > 0) {
                siftDown(slots[size], ids[size], scores[size]);
            }
        }
        return buffer;
    }

    private static boolean worse(double score, long profileId, double otherScore, long otherProfileId) {
        return TopKBuffer.ranksBefore(otherScore, otherProfileId, score, profileId);
    }

    /** Puts the entry in place of the root and restores the heap order. */
    private void siftDown(int slot, long profileId, double score) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && worse(scores[child + 1], ids[child + 1], scores[child], ids[child])) {
                child++;
            }
            if (!worse(scores[child], ids[child], score, profileId)) {
                break;
            }
            set(at, slots[child], ids[child], scores[child]);
            at = child;
        }
        set(at, slot, profileId, score);
    }

    private void set(int at, int slot, long profileId, double score) {
        slots[at] = slot;
        ids[at] = profileId;
        scores[at] = score;
    }
}
