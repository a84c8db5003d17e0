package ua.kuznia.review;

import static ua.kuznia.matching.MatchStatus.APPROVED;
import static ua.kuznia.matching.MatchStatus.DECLINED;
import static ua.kuznia.matching.MatchStatus.MANUFACTURER_INTEREST;
import static ua.kuznia.matching.MatchStatus.MINISTRY_INTEREST;
import static ua.kuznia.matching.MatchStatus.MUTUAL_INTEREST;
import static ua.kuznia.matching.MatchStatus.REJECTED;
import static ua.kuznia.matching.MatchStatus.SUGGESTED;
import static ua.kuznia.matching.MatchStatus.UNDER_REVIEW;
import static ua.kuznia.matching.MatchStatus.WITHDRAWN;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ua.kuznia.matching.MatchStatus;

/**
 * The review state machine, as data: SUGGESTED → interest of both sides in either order →
 * MUTUAL_INTEREST → UNDER_REVIEW → APPROVED | REJECTED; DECLINED by either side, WITHDRAWN by
 * the ministry, STALE only from the matcher (nobody acts on a stale match until it is eligible
 * again). Plain Java so every transition is unit-tested without a database.
 */
public final class ReviewWorkflow {

    private static final Map<MatchStatus, Map<ReviewAction, MatchStatus>> TRANSITIONS = new EnumMap<>(MatchStatus.class);

    static {
        allow(SUGGESTED, ReviewAction.MANUFACTURER_INTEREST, MANUFACTURER_INTEREST);
        allow(SUGGESTED, ReviewAction.MINISTRY_INTEREST, MINISTRY_INTEREST);
        allow(MANUFACTURER_INTEREST, ReviewAction.MINISTRY_INTEREST, MUTUAL_INTEREST);
        allow(MINISTRY_INTEREST, ReviewAction.MANUFACTURER_INTEREST, MUTUAL_INTEREST);
        allow(MUTUAL_INTEREST, ReviewAction.START_REVIEW, UNDER_REVIEW);
        allow(UNDER_REVIEW, ReviewAction.APPROVE, APPROVED);
        allow(UNDER_REVIEW, ReviewAction.REJECT, REJECTED);
        allow(UNDER_REVIEW, ReviewAction.HOLD, UNDER_REVIEW);
        for (MatchStatus open : List.of(SUGGESTED, MANUFACTURER_INTEREST, MINISTRY_INTEREST, MUTUAL_INTEREST)) {
            allow(open, ReviewAction.DECLINE, DECLINED);
        }
        for (MatchStatus open : List.of(SUGGESTED, MANUFACTURER_INTEREST, MINISTRY_INTEREST, MUTUAL_INTEREST, UNDER_REVIEW)) {
            allow(open, ReviewAction.WITHDRAW, WITHDRAWN);
        }
    }

    private ReviewWorkflow() {
    }

    private static void allow(MatchStatus from, ReviewAction action, MatchStatus to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(ReviewAction.class)).put(action, to);
    }

    /** The status after the action, or empty when the action is not allowed from this status. */
    public static Optional<MatchStatus> next(MatchStatus from, ReviewAction action) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(from, Map.of()).get(action));
    }

    /** Actions allowed from a status, in declaration order, for the 409 problem and the UI. */
    public static List<ReviewAction> allowed(MatchStatus from) {
        return new ArrayList<>(TRANSITIONS.getOrDefault(from, Map.of()).keySet());
    }

    /** Reasons are required where a "no" or a parked review must be explained to the other side. */
    public static boolean needsNote(ReviewAction action) {
        return action == ReviewAction.DECLINE || action == ReviewAction.REJECT || action == ReviewAction.HOLD
                || action == ReviewAction.WITHDRAW;
    }
}
