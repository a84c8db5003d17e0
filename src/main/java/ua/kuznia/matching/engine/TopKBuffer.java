package ua.kuznia.matching.engine;

import java.util.Arrays;
import java.util.List;

/**
 * An offer's ranked suggestions, best first: the top K and some more behind them, so that when
 * one of the top K leaves, the next is already at hand and the offer need not be rescored.
 *
 * <p>Invariant: every suggested profile not in the buffer ranks behind every profile in it. When
 * not {@link #truncated}, the buffer holds all suggested profiles.
 */
final class TopKBuffer {

    final int[] slots;
    /** The profile id of each slot, kept alongside so ties and snapshots need no lookup. */
    final long[] ids;
    final double[] scores;
    int size;
    /** Suggested profiles may exist beyond the buffer. */
    boolean truncated;
    /** Where the last {@link #offer} put its profile, or -1 if it left it out. */
    int lastInsertedAt = -1;

    TopKBuffer(int capacity) {
        slots = new int[capacity];
        ids = new long[capacity];
        scores = new double[capacity];
    }

    /** Score descending, then profile id ascending: the ranking is total, so it is deterministic. */
    static boolean ranksBefore(double score, long profileId, double otherScore, long otherProfileId) {
        return score > otherScore || score == otherScore && profileId < otherProfileId;
    }

    int indexOf(int slot) {
        for (int i = 0; i < size; i++) {
            if (slots[i] == slot) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the entry at {@code index}, rescored, keeps its place: it still ranks behind the one
     * before it and ahead of the one after it. The last entry of a truncated buffer keeps it only
     * if its score did not fall, since unseen profiles may rank between its old and new score.
     */
    boolean staysAt(int index, long profileId, double score) {
        if (index > 0 && !ranksBefore(scores[index - 1], ids[index - 1], score, profileId)) {
            return false;
        }
        if (index + 1 < size) {
            return ranksBefore(score, profileId, scores[index + 1], ids[index + 1]);
        }
        return !truncated || score >= scores[index];
    }

    void removeAt(int index) {
        System.arraycopy(slots, index + 1, slots, index, size - index - 1);
        System.arraycopy(ids, index + 1, ids, index, size - index - 1);
        System.arraycopy(scores, index + 1, scores, index, size - index - 1);
        size--;
    }

    /** {@link #offer} left the profile out. */
    static final int LEFT_OUT = -2;
    /** {@link #offer} inserted the profile and pushed nobody out. */
    static final int INSERTED = -1;

    /** The score a profile that is not in the buffer must reach to get in. */
    double entryBar(double minScore) {
        return (truncated || size == slots.length) && size > 0 ? Math.max(minScore, scores[size - 1]) : minScore;
    }

    /**
     * Inserts a suggested profile at its rank. A profile ranking behind the last entry of a
     * truncated buffer is left out: unseen profiles may rank between them.
     *
     * @return {@link #LEFT_OUT}, {@link #INSERTED}, or the slot pushed out of the full buffer
     */
    int offer(int slot, long profileId, double score) {
        int at = size;
        while (at > 0 && ranksBefore(score, profileId, scores[at - 1], ids[at - 1])) {
            at--;
        }
        lastInsertedAt = -1;
        if (at == size && truncated) {
            return LEFT_OUT;
        }
        int pushedOut = INSERTED;
        if (size == slots.length) {
            truncated = true;
            if (at == size) {
                return LEFT_OUT;
            }
            pushedOut = slots[--size];
        }
        lastInsertedAt = at;
        System.arraycopy(slots, at, slots, at + 1, size - at);
        System.arraycopy(ids, at, ids, at + 1, size - at);
        System.arraycopy(scores, at, scores, at + 1, size - at);
        slots[at] = slot;
        ids[at] = profileId;
        scores[at] = score;
        size++;
        return pushedOut;
    }

    /** Copies the first k entries into the arrays; returns how many there were. */
    int copyTop(int k, int[] slotsOut, double[] scoresOut) {
        int count = Math.min(k, size);
        System.arraycopy(slots, 0, slotsOut, 0, count);
        System.arraycopy(scores, 0, scoresOut, 0, count);
        return count;
    }

    boolean topEquals(int k, int count, int[] otherSlots, double[] otherScores) {
        if (Math.min(k, size) != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (slots[i] != otherSlots[i] || scores[i] != otherScores[i]) {
                return false;
            }
        }
        return true;
    }

    List<ScoredMatch> top(int k, long offerId) {
        ScoredMatch[] top = new ScoredMatch[Math.min(k, size)];
        for (int i = 0; i < top.length; i++) {
            top[i] = new ScoredMatch(offerId, ids[i], scores[i]);
        }
        return List.of(top);
    }

    /** The first k entries as a change report: two array copies, the list is built only if read. */
    TopKChange change(int k, long offerId) {
        int count = Math.min(k, size);
        return new TopKChange(offerId, Arrays.copyOf(ids, count), Arrays.copyOf(scores, count));
    }
}
