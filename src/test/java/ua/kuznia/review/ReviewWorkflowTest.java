package ua.kuznia.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ua.kuznia.matching.MatchStatus;

class ReviewWorkflowTest {

    @Test
    void interestInEitherOrderLeadsToMutualInterest() {
        assertEquals(Optional.of(MatchStatus.MUTUAL_INTEREST), ReviewWorkflow.next(
                ReviewWorkflow.next(MatchStatus.SUGGESTED, ReviewAction.MANUFACTURER_INTEREST).orElseThrow(),
                ReviewAction.MINISTRY_INTEREST));
        assertEquals(Optional.of(MatchStatus.MUTUAL_INTEREST), ReviewWorkflow.next(
                ReviewWorkflow.next(MatchStatus.SUGGESTED, ReviewAction.MINISTRY_INTEREST).orElseThrow(),
                ReviewAction.MANUFACTURER_INTEREST));
    }

    @Test
    void onlyAMatchUnderReviewIsApprovedOrRejected() {
        assertEquals(Optional.of(MatchStatus.UNDER_REVIEW), ReviewWorkflow.next(MatchStatus.MUTUAL_INTEREST, ReviewAction.START_REVIEW));
        assertEquals(Optional.of(MatchStatus.APPROVED), ReviewWorkflow.next(MatchStatus.UNDER_REVIEW, ReviewAction.APPROVE));
        assertEquals(Optional.of(MatchStatus.REJECTED), ReviewWorkflow.next(MatchStatus.UNDER_REVIEW, ReviewAction.REJECT));
        assertEquals(Optional.empty(), ReviewWorkflow.next(MatchStatus.SUGGESTED, ReviewAction.APPROVE));
        assertEquals(Optional.empty(), ReviewWorkflow.next(MatchStatus.MUTUAL_INTEREST, ReviewAction.APPROVE));
    }

    @Test
    void holdKeepsTheStatus() {
        assertEquals(Optional.of(MatchStatus.UNDER_REVIEW), ReviewWorkflow.next(MatchStatus.UNDER_REVIEW, ReviewAction.HOLD));
    }

    @Test
    void settledAndStaleMatchesAllowNothing() {
        for (MatchStatus status : List.of(MatchStatus.APPROVED, MatchStatus.REJECTED, MatchStatus.DECLINED,
                MatchStatus.WITHDRAWN, MatchStatus.STALE)) {
            assertTrue(ReviewWorkflow.allowed(status).isEmpty(), status.name());
        }
    }

    @Test
    void declineIsPossibleUntilReviewAndWithdrawUntilDecision() {
        assertTrue(ReviewWorkflow.allowed(MatchStatus.MUTUAL_INTEREST).contains(ReviewAction.DECLINE));
        assertFalse(ReviewWorkflow.allowed(MatchStatus.UNDER_REVIEW).contains(ReviewAction.DECLINE));
        assertTrue(ReviewWorkflow.allowed(MatchStatus.UNDER_REVIEW).contains(ReviewAction.WITHDRAW));
    }

    @Test
    void reasonsAreRequiredForEveryNo() {
        assertTrue(ReviewWorkflow.needsNote(ReviewAction.REJECT));
        assertTrue(ReviewWorkflow.needsNote(ReviewAction.DECLINE));
        assertTrue(ReviewWorkflow.needsNote(ReviewAction.HOLD));
        assertFalse(ReviewWorkflow.needsNote(ReviewAction.APPROVE));
    }
}
