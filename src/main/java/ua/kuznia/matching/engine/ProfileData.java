package ua.kuznia.matching.engine;

import java.util.List;
import java.util.Set;

/**
 * What the matcher needs to know about a manufacturer's profile. Collections are copied, so
 * the record is immutable.
 *
 * @param clearanceRank rank of the facility clearance, 0 (NATO UNCLASSIFIED) to 4 (COSMIC TOP SECRET)
 * @param riskTier      risk tier of the oblast the manufacturer is in, 1 (low) to 4 (front line)
 */
public record ProfileData(
        long id,
        boolean published,
        int clearanceRank,
        int riskTier,
        Set<String> certifications,
        List<Capability> capabilities,
        Set<String> seekingAreas,
        Set<String> seekingTransferTypes) {

    public ProfileData {
        if (clearanceRank < 0 || clearanceRank > 4) {
            throw new IllegalArgumentException("clearance rank must be 0..4, was " + clearanceRank);
        }
        if (riskTier < 1 || riskTier > 4) {
            throw new IllegalArgumentException("risk tier must be 1..4, was " + riskTier);
        }
        certifications = Set.copyOf(certifications);
        capabilities = List.copyOf(capabilities);
        seekingAreas = Set.copyOf(seekingAreas);
        seekingTransferTypes = Set.copyOf(seekingTransferTypes);
    }
}
