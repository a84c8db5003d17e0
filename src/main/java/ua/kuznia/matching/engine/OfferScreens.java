package ua.kuznia.matching.engine;

import java.util.Arrays;

/**
 * What it takes to rule a pair out from the offer's side, for every offer in one flat array
 * indexed by offer slot: the constants of the score bound, and the score a profile must reach
 * to enter the offer's ranking. A changed profile screens hundreds of offers this way, reading
 * one or two cache lines per offer instead of the offer's plan and ranking objects.
 */
final class OfferScreens {

    private static final int STRIDE = 16;
    /** The contributions that depend on the offer alone: area priority and support model. */
    private static final int OFFER = 0;
    private static final int TRANSFER_TYPE = 4;
    private static final int REQUIRED_CERTIFICATIONS = 5;
    private static final int REQUIRES_AQAP_2110 = 6;
    private static final int ENTRY_BAR = 7;
    private static final int CAPACITY_REFERENCE = 8;
    private static final int HEADROOM_CEILINGS = 9;
    private static final int KNOWN_AREAS = 15;

    /** As the plan's bound: the sum of contributions may round below the weighted mean it stands for. */
    private static final double BOUND_SLACK = 1e-9;

    // A largest capacity of at most NEED_MULTIPLES[i] times the offer's need gives a headroom of
    // at most the i-th ceiling: the headroom bounded without a logarithm per pair.
    static final double[] NEED_MULTIPLES = {0.125, 0.25, 0.5, 1, 2, 4};

    private double[] screens = new double[16 * STRIDE];
    /** {@link OfferPlan#relatedAreaMask} by offer slot. */
    private long[] relatedAreaMasks = new long[16];

    /** Fills the offer's constants; its entry bar starts closed, as it has no ranking yet. */
    void set(OfferPlan plan) {
        int at = STRIDE * plan.slot;
        if (at + STRIDE > screens.length) {
            screens = Arrays.copyOf(screens, Math.max(at + STRIDE, 2 * screens.length));
        }
        if (plan.slot >= relatedAreaMasks.length) {
            relatedAreaMasks = Arrays.copyOf(relatedAreaMasks, Math.max(plan.slot + 1, 2 * relatedAreaMasks.length));
        }
        relatedAreaMasks[plan.slot] = plan.relatedAreaMask;
        screens[at + KNOWN_AREAS] = plan.knownAreas;
        screens[at + OFFER] = plan.offerContribution;
        screens[at + TRANSFER_TYPE] = plan.transferTypeId;
        screens[at + REQUIRED_CERTIFICATIONS] = plan.requiredCertificationCount;
        screens[at + REQUIRES_AQAP_2110] = plan.requiresAqap2110 ? 1 : 0;
        screens[at + ENTRY_BAR] = Double.POSITIVE_INFINITY;
        double reference = plan.capacityReference;
        screens[at + CAPACITY_REFERENCE] = reference;
        for (int i = 0; i < NEED_MULTIPLES.length; i++) {
            screens[at + HEADROOM_CEILINGS + i] = Features.capacityHeadroom(reference * NEED_MULTIPLES[i], reference);
        }
    }

    /**
     * Records what a profile outside the ranking must score to get in: positive infinity without
     * a ranking. A ranking holding every suggested profile admits any suggested one, however
     * low, so its bar is the minimum score.
     */
    void setEntryBar(int offerSlot, TopKBuffer ranking, double minScore) {
        screens[STRIDE * offerSlot + ENTRY_BAR] = ranking == null ? Double.POSITIVE_INFINITY
                : ranking.truncated ? ranking.entryBar(minScore) : minScore;
    }

    double entryBar(int offerSlot) {
        return screens[STRIDE * offerSlot + ENTRY_BAR];
    }

    /**
     * An upper bound of the score of this offer and the screened profile, given what the
     * profile's capabilities that qualify for the offer bring at best (see
     * {@link OfferIndex#collectCandidates}): the highest area-specificity and readiness-surplus
     * contributions, and the largest monthly capacity. The capacity headroom is bounded by a
     * step, and sought areas and types are tested by mask only; everything else is exact, so
     * few offers that pass go on to lose against their ranking's bar. Negative infinity when no
     * capability qualifies.
     */
    double bound(int offerSlot, ProfileScreen profile, double specificity, double readiness, double largestMonthly) {
        int at = STRIDE * offerSlot;
        double certifications = profile.certifications((int) screens[at + REQUIRED_CERTIFICATIONS],
                screens[at + REQUIRES_AQAP_2110] != 0);
        boolean seeksArea = maySeekRelatedArea(offerSlot, profile.soughtAreaMask, profile.highestSoughtArea);
        // Masks are by id mod 32: a collision only makes the bound looser.
        boolean seeksType = (profile.soughtTypeMask & 1 << (int) screens[at + TRANSFER_TYPE]) != 0;
        double seeking = profile.seeking[(seeksArea ? 2 : 0) | (seeksType ? 1 : 0)];
        double headroom = profile.headroomWeight * headroomBound(offerSlot, largestMonthly);
        return screens[at + OFFER] + specificity + readiness + certifications + profile.lowRisk + seeking + headroom
                + BOUND_SLACK;
    }

    /**
     * Whether a profile with these sought areas (bit id mod 64 each, highest id given) may seek
     * an area related to the offer's: no false noes, so a bound built on it stays a bound.
     */
    private boolean maySeekRelatedArea(int offerSlot, long soughtAreaMask, int highestSoughtArea) {
        return (soughtAreaMask & relatedAreaMasks[offerSlot]) != 0
                || highestSoughtArea >= screens[STRIDE * offerSlot + KNOWN_AREAS];
    }

    /** An upper bound of the capacity headroom of any capability no larger than {@code largestMonthly}. */
    double headroomBound(int offerSlot, double largestMonthly) {
        int at = STRIDE * offerSlot;
        double reference = screens[at + CAPACITY_REFERENCE];
        if (Double.isNaN(reference)) {
            return Features.NEUTRAL;
        }
        for (int i = 0; i < NEED_MULTIPLES.length; i++) {
            if (largestMonthly <= reference * NEED_MULTIPLES[i]) {
                return screens[at + HEADROOM_CEILINGS + i];
            }
        }
        return 1;
    }
}
