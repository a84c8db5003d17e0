package ua.kuznia.review;

/**
 * Fired inside the transaction of a review action that changed a match; observers that write in
 * the same transaction commit or roll back together with the decision.
 */
public record MatchActed(long matchId, long offerId, long profileId, long offerOrganizationId,
                         long manufacturerOrganizationId, ReviewAction action) {
}
