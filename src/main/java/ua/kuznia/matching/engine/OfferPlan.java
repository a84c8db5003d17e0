package ua.kuznia.matching.engine;

import java.util.List;
import java.util.stream.IntStream;

/**
 * An offer compiled against the current rule set: everything the scoring loop needs that does
 * not depend on the profile, computed once per offer instead of once per pair.
 */
final class OfferPlan {

    /** Marks "no maximum" so the risk check needs no null test. */
    static final int ANY_RISK_TIER = 4;

    final int slot;
    final OfferData data;
    final int[] areaIds;
    /** Proper ancestors of the offer areas: a profile seeking one of them seeks something related. */
    private final int[] areaAncestorIds;
    final int minTrl;
    final int minMrl;
    /** -infinity when the offer sets no minimum, so the capacity test needs no null check. */
    final double minMonthlyCapacity;
    final double capacityReference;
    final int neededClearance;
    final int maxRiskTier;
    final int[] requiredCertificationIds;
    final int requiredCertificationCount;
    final boolean requiresAqap2110;
    final int transferTypeId;
    final double areaPriority;
    final double supportModel;
    final double[] trlProgress = new double[10];
    final double[] mrlProgress = new double[11];
    // Answers to depthGap and relatedTo for every area known when the plan was built: one array
    // read per capability instead of a walk up the tree.
    private final AreaTable areas;
    private final int[] gapByArea;
    private final boolean[] relatedByArea;

    // The sought-area and transfer-type tests as bit masks, matched against the masks each
    // profile record carries (see ProfileIndex): bit (id mod 64) of every related area known to
    // the plan, and bit (id mod 32) of the offer's transfer type. With at most 64 areas the area
    // mask is exact for every area the plan knows.
    final long relatedAreaMask;
    final int knownAreas;
    final boolean areaMaskExact;
    final int transferTypeBit;
    final boolean transferTypeBitExact;

    // The score bound split into per-feature contributions (100 * weight / weight sum * value),
    // looked up by what the profile record holds, so bounding a pair is a handful of array reads
    // and additions instead of the weighted sum over every feature.
    final double constantContribution;
    /** The part of it that depends on the offer alone: area priority and support model. */
    final double offerContribution;
    /** The rule set's table, shared by every plan. */
    final double[] lowRiskContribution;
    /** By (AQAP 2110 held ? cap + 1 : 0) + min(certifications held, cap): more than cap adds nothing. */
    private final double[] extraCertificationsContribution;
    private final int certificationCap;
    /** By highest TRL * 11 + highest MRL; NaN where those miss the offer's minimums. */
    final double[] readinessContribution;
    /** By (related area sought ? 2 : 0) + (transfer type sought ? 1 : 0). */
    final double[] seekingContribution;
    private final double[] headroomLimits = new double[OfferScreens.NEED_MULTIPLES.length];
    private final double[] headroomContribution = new double[OfferScreens.NEED_MULTIPLES.length + 1];

    OfferPlan(int slot, OfferData offer, AreaTable areas, Interner certifications, Interner transferTypes,
            CompiledRuleSet rules) {
        this.slot = slot;
        this.data = offer;
        this.areas = areas;
        List<String> codes = offer.areas();
        this.areaIds = codes.stream().mapToInt(areas::intern).distinct().toArray();
        IntStream.Builder ancestors = IntStream.builder();
        for (int area : areaIds) {
            for (int ancestor = areas.parent(area); ancestor >= 0; ancestor = areas.parent(ancestor)) {
                ancestors.add(ancestor);
            }
        }
        this.areaAncestorIds = ancestors.build().distinct().toArray();
        this.minTrl = offer.minTrl();
        this.minMrl = offer.minMrl();
        this.minMonthlyCapacity = offer.minMonthlyCapacity() == null ? Double.NEGATIVE_INFINITY : offer.minMonthlyCapacity();
        this.capacityReference = Features.capacityReference(offer.minMonthlyCapacity(), offer.targetVolume());
        this.neededClearance = offer.neededClearanceRank();
        this.maxRiskTier = offer.maxRiskTier() == null ? ANY_RISK_TIER : offer.maxRiskTier();
        this.requiredCertificationIds = offer.requiredCertifications().stream().mapToInt(certifications::intern).toArray();
        this.requiredCertificationCount = requiredCertificationIds.length;
        this.requiresAqap2110 = offer.requiredCertifications().contains(Features.AQAP_2110);
        this.transferTypeId = transferTypes.intern(offer.transferType());
        this.areaPriority = AreaPriorityRule.offerPriority(codes, rules.data.areaPriorities());
        this.supportModel = SupportModelRule.offerEffectiveness(offer.transferType(), codes, rules.data.supportEffectiveness());
        this.gapByArea = new int[areas.size()];
        this.relatedByArea = new boolean[areas.size()];
        for (int area = 0; area < gapByArea.length; area++) {
            gapByArea[area] = walkToOfferArea(area);
            relatedByArea[area] = related(area);
        }
        for (int trl = minTrl; trl <= 9; trl++) {
            trlProgress[trl] = Features.trlProgress(trl, minTrl);
        }
        for (int mrl = minMrl; mrl <= 10; mrl++) {
            mrlProgress[mrl] = Features.mrlProgress(mrl, minMrl);
        }

        long mask = 0;
        for (int area = 0; area < relatedByArea.length; area++) {
            if (relatedByArea[area]) {
                mask |= 1L << area;
            }
        }
        this.relatedAreaMask = mask;
        this.knownAreas = relatedByArea.length;
        this.areaMaskExact = knownAreas <= 64;
        this.transferTypeBit = 1 << transferTypeId;
        this.transferTypeBitExact = transferTypeId < 32;

        double[] weights = rules.weights;
        double scale = rules.scale;
        this.constantContribution = scale * (weights[Features.AREA_SPECIFICITY] * 1
                + weights[Features.AREA_PRIORITY] * areaPriority + weights[Features.SUPPORT_MODEL] * supportModel);
        this.offerContribution = scale * (weights[Features.AREA_PRIORITY] * areaPriority
                + weights[Features.SUPPORT_MODEL] * supportModel);
        this.lowRiskContribution = rules.lowRiskContributions;
        // Three extra certifications besides AQAP 2110 give the full value.
        this.certificationCap = requiredCertificationCount + 4;
        this.extraCertificationsContribution = new double[2 * (certificationCap + 1)];
        for (int held = 0; held <= certificationCap; held++) {
            int extras = held - requiredCertificationCount;
            extraCertificationsContribution[held] = scale * weights[Features.EXTRA_CERTIFICATIONS]
                    * Features.extraCertifications(false, extras);
            boolean extraAqap = !requiresAqap2110;
            extraCertificationsContribution[certificationCap + 1 + held] = scale * weights[Features.EXTRA_CERTIFICATIONS]
                    * Features.extraCertifications(extraAqap, extras - (extraAqap ? 1 : 0));
        }
        this.readinessContribution = rules.readinessContributions(minTrl, minMrl);
        this.seekingContribution = rules.seekingContributions;
        double[] multiples = OfferScreens.NEED_MULTIPLES;
        for (int i = 0; i < multiples.length; i++) {
            headroomLimits[i] = Double.isNaN(capacityReference) ? Double.POSITIVE_INFINITY : capacityReference * multiples[i];
            headroomContribution[i] = scale * weights[Features.CAPACITY_HEADROOM] * (Double.isNaN(capacityReference)
                    ? Features.NEUTRAL : Features.capacityHeadroom(capacityReference * multiples[i], capacityReference));
        }
        headroomContribution[multiples.length] = scale * weights[Features.CAPACITY_HEADROOM];
    }

    /** Reads the tables a changed profile's scoring reads (see {@code MatchEngine#touchPassing}). */
    int touchTables() {
        int sink = (int) trlProgress[minTrl] + (int) mrlProgress[minMrl];
        for (int area = 0; area < gapByArea.length; area += 16) {
            sink += gapByArea[area];
        }
        return sink;
    }

    double extraCertificationsContribution(boolean holdsAqap2110, int held) {
        return extraCertificationsContribution[(holdsAqap2110 ? certificationCap + 1 : 0) + Math.min(held, certificationCap)];
    }

    /** The capacity-headroom contribution of any capability no larger than {@code largestMonthly}, at most. */
    double headroomContribution(double largestMonthly) {
        // The limits ascend, so counting those exceeded finds the step without a branch per limit.
        int i = 0;
        for (double limit : headroomLimits) {
            i += largestMonthly > limit ? 1 : 0;
        }
        return headroomContribution[i];
    }

    /**
     * Levels between the area and the deepest offer area containing it, or -1 if none does.
     * Areas interned after the plan was built are not in the table and take the walk.
     */
    int depthGap(int areaId) {
        return areaId < gapByArea.length ? gapByArea[areaId] : walkToOfferArea(areaId);
    }

    /** True if the area is an offer area, lies below one, or lies above one. */
    boolean relatedTo(int areaId) {
        return areaId < relatedByArea.length ? relatedByArea[areaId] : related(areaId);
    }

    // Walking up from the area, the first offer area met is the deepest one.
    private int walkToOfferArea(int areaId) {
        int gap = 0;
        for (int area = areaId; area >= 0; area = areas.parent(area), gap++) {
            for (int offerArea : areaIds) {
                if (offerArea == area) {
                    return gap;
                }
            }
        }
        return -1;
    }

    private boolean related(int areaId) {
        if (walkToOfferArea(areaId) >= 0) {
            return true;
        }
        for (int ancestor : areaAncestorIds) {
            if (ancestor == areaId) {
                return true;
            }
        }
        return false;
    }
}
