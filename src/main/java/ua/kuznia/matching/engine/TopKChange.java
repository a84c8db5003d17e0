package ua.kuznia.matching.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The new top K of an offer whose suggestions changed; an empty list means none are left.
 *
 * <p>A changed profile can alter the top K of hundreds of offers at once, so the engine reports
 * each as two arrays copied from the ranking, and the list of matches is built only when read.
 */
public final class TopKChange {

    private final long offerId;
    private final long[] profileIds;
    private final double[] scores;
    private List<ScoredMatch> topK;

    public TopKChange(long offerId, List<ScoredMatch> topK) {
        this.offerId = offerId;
        this.topK = List.copyOf(topK);
        this.profileIds = this.topK.stream().mapToLong(ScoredMatch::profileId).toArray();
        this.scores = this.topK.stream().mapToDouble(ScoredMatch::score).toArray();
    }

    /** Takes the arrays as they are: the caller hands them over. */
    TopKChange(long offerId, long[] profileIds, double[] scores) {
        this.offerId = offerId;
        this.profileIds = profileIds;
        this.scores = scores;
    }

    public long offerId() {
        return offerId;
    }

    /** Best first. */
    public List<ScoredMatch> topK() {
        List<ScoredMatch> list = topK;
        if (list == null) {
            ScoredMatch[] matches = new ScoredMatch[profileIds.length];
            for (int i = 0; i < matches.length; i++) {
                matches[i] = new ScoredMatch(offerId, profileIds[i], scores[i]);
            }
            list = List.of(matches);
            topK = list;
        }
        return list;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopKChange change && offerId == change.offerId
                && Arrays.equals(profileIds, change.profileIds) && Arrays.equals(scores, change.scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offerId, Arrays.hashCode(profileIds), Arrays.hashCode(scores));
    }

    @Override
    public String toString() {
        return "TopKChange[offerId=" + offerId + ", topK=" + topK() + "]";
    }
}
