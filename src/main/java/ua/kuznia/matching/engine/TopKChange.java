package ua.kuznia.matching.engine;

import java.util.List;

/** The new top-K of an offer whose suggestions changed; an empty list means none are left. */
public record TopKChange(long offerId, List<ScoredMatch> topK) {

    public TopKChange {
        topK = List.copyOf(topK);
    }
}
