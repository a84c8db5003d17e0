package ua.kuznia.matching.engine;

/** A suggested partnership: the profile ranks among the offer's top K with this score (0..100). */
public record ScoredMatch(long offerId, long profileId, double score) {
}
