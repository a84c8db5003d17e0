package ua.kuznia.matching;

import java.util.List;

/**
 * Fired inside the transaction that stored an offer's ranking, naming the profiles that became
 * suggestions of that offer in it. Observers that write in the same transaction commit or roll
 * back together with the matches.
 */
public record MatchesSuggested(long offerId, List<Long> profileIds) {
}
