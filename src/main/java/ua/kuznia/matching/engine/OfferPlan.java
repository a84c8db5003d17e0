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
