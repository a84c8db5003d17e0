package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A profile edit that changed capabilities and nothing else the rules read: the common edit, a
 * manufacturer updating a capacity or a readiness level. Such an edit can change the pair of the
 * profile with an offer only where a changed capability, before or after the edit, covers one of
 * the offer's areas: everywhere else the same capabilities cover the offer, and the profile's
 * other facts are the same, so the pair scores as before. The engine then rescans and rescores
 * only those offers.
 *
 * <p>Every rule reads a capability monotonically: more TRL, more MRL or more capacity in the same
 * area never lowers a pair's score and never fails a hard rule that passed. So an edit whose
 * every changed capability kept its area and lost in each of the three (or stayed) cannot lift
 * the profile into a ranking it was not in ({@link #canEnter}); only the rankings holding it move.
 */
final class CapabilityEdit {

    /** Bit i: the profile's capability i (after the edit) is new or changed. */
    final long changed;
    /** Whether the profile may enter rankings it was not in. */
    final boolean canEnter;
    /** Area ids whose offers the edit reaches: every changed capability's area and its ancestors. */
    private final boolean[] reached;

    private CapabilityEdit(long changed, boolean canEnter, boolean[] reached) {
        this.changed = changed;
        this.canEnter = canEnter;
        this.reached = reached;
    }

    /**
     * @return the edit from {@code before} to {@code after}, or null when it changed anything but
     *         capabilities (then every offer the profile may enter is rescanned)
     */
    static CapabilityEdit between(ProfileData before, ProfileData after, AreaTable areas) {
        if (before.published() != after.published() || before.clearanceRank() != after.clearanceRank()
                || before.riskTier() != after.riskTier() || !before.certifications().equals(after.certifications())
                || !before.seekingAreas().equals(after.seekingAreas())
                || !before.seekingTransferTypes().equals(after.seekingTransferTypes())
                || after.capabilities().size() > Long.SIZE) {
            return null;
        }
        List<Capability> unmatched = new ArrayList<>(before.capabilities());
        long changed = 0;
        boolean canEnter = false;
        boolean[] reached = new boolean[areas.size()];
        List<Capability> capabilities = after.capabilities();
        for (int i = 0; i < capabilities.size(); i++) {
            Capability capability = capabilities.get(i);
            if (!unmatched.remove(capability)) {
                changed |= 1L << i;
                reach(reached, areas, capability.area());
                canEnter |= !lostOnly(before.capabilities(), i, capability);
            }
        }
        for (Capability gone : unmatched) {
            reach(reached, areas, gone.area());
        }
        return new CapabilityEdit(changed, canEnter, reached);
    }

    /** The capability at the same place before the edit had its area and at least its levels and capacity. */
    private static boolean lostOnly(List<Capability> before, int i, Capability now) {
        if (i >= before.size()) {
            return false;
        }
        Capability was = before.get(i);
        return was.area().equals(now.area()) && now.trl() <= was.trl() && now.mrl() <= was.mrl()
                && now.monthlyCapacity() <= was.monthlyCapacity();
    }

    private static void reach(boolean[] reached, AreaTable areas, String code) {
        for (int area = areas.intern(code); area >= 0; area = areas.parent(area)) {
            if (area < reached.length) {
                reached[area] = true;
            }
        }
    }

    /** Whether the edit may change the profile's pair with the offer. */
    boolean reaches(OfferPlan offer) {
        for (int area : offer.areaIds) {
            if (area < reached.length && reached[area]) {
                return true;
            }
        }
        return false;
    }
}
