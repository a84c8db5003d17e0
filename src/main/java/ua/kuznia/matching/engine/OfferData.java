package ua.kuznia.matching.engine;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the matcher needs to know about a technology-transfer offer. Collections are copied, so
 * the record is immutable.
 *
 * @param minMonthlyCapacity    minimum monthly output a capability must reach, or null for none
 * @param requiredClearanceRank rank of the clearance the offer asks for (0..4)
 * @param classificationRank    rank of the offer's own classification (0..4); a partner must be
 *                              cleared for it too
 * @param maxRiskTier           highest acceptable oblast risk tier (1..4), or null for any
 * @param targetVolume          yearly volume the offer aims at, or null if not stated
 */
public record OfferData(
        long id,
        boolean open,
        List<String> areas,
        String transferType,
        int minTrl,
        int minMrl,
        Double minMonthlyCapacity,
        Set<String> requiredCertifications,
        int requiredClearanceRank,
        int classificationRank,
        Integer maxRiskTier,
        Double targetVolume) {

    public OfferData {
        areas = List.copyOf(areas);
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("an offer needs at least one area");
        }
        Objects.requireNonNull(transferType, "transferType");
        if (minTrl < 1 || minTrl > 9) {
            throw new IllegalArgumentException("minimum TRL must be 1..9, was " + minTrl);
        }
        if (minMrl < 1 || minMrl > 10) {
            throw new IllegalArgumentException("minimum MRL must be 1..10, was " + minMrl);
        }
        if (minMonthlyCapacity != null && !(minMonthlyCapacity >= 0 && minMonthlyCapacity < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("minimum monthly capacity must be finite and >= 0, was " + minMonthlyCapacity);
        }
        requiredCertifications = Set.copyOf(requiredCertifications);
        if (requiredClearanceRank < 0 || requiredClearanceRank > 4) {
            throw new IllegalArgumentException("required clearance rank must be 0..4, was " + requiredClearanceRank);
        }
        if (classificationRank < 0 || classificationRank > 4) {
            throw new IllegalArgumentException("classification rank must be 0..4, was " + classificationRank);
        }
        if (maxRiskTier != null && (maxRiskTier < 1 || maxRiskTier > 4)) {
            throw new IllegalArgumentException("maximum risk tier must be 1..4, was " + maxRiskTier);
        }
        if (targetVolume != null && !(targetVolume >= 0 && targetVolume < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("target volume must be finite and >= 0, was " + targetVolume);
        }
    }

    /** A partner must be cleared both for what the offer asks and for how the offer is classified. */
    public int neededClearanceRank() {
        return Math.max(requiredClearanceRank, classificationRank);
    }
}
