package ua.kuznia.matching.engine;

/**
 * One profile's side of the screen bound, worked out once per profile change: the score
 * contributions that depend only on the profile, or on the profile and the offer's required
 * certifications, as tables (what its capabilities bring depends on the offer, and comes from
 * {@link OfferIndex#collectCandidates}). Screening an offer then
 * takes a handful of table reads and additions ({@link OfferScreens#bound}) instead of the
 * weighted sum of every feature with its divisions.
 */
final class ProfileScreen {

    /** Offers requiring more certifications than this are bounded without the table. */
    private static final int TABULATED_REQUIREMENTS = 15;

    /** Extra-certifications contribution by required count * 2 + (AQAP 2110 required ? 1 : 0). */
    private final double[] certificationsByRequirement = new double[2 * (TABULATED_REQUIREMENTS + 1)];
    private final double certificationsWeight;
    private final boolean holdsAqap2110;
    private final int certificationCount;
    final double lowRisk;
    /** The rule set's table, by (related area sought ? 2 : 0) + (transfer type sought ? 1 : 0). */
    final double[] seeking;
    final double headroomWeight;
    final long soughtAreaMask;
    final int highestSoughtArea;
    final int soughtTypeMask;

    ProfileScreen(CompiledRuleSet rules, boolean holdsAqap2110, int certificationCount, int riskTier,
            long soughtAreaMask, int highestSoughtArea, int soughtTypeMask) {
        double scale = rules.scale;
        double[] weights = rules.weights;
        this.certificationsWeight = scale * weights[Features.EXTRA_CERTIFICATIONS];
        this.holdsAqap2110 = holdsAqap2110;
        this.certificationCount = certificationCount;
        for (int required = 0; required <= TABULATED_REQUIREMENTS; required++) {
            certificationsByRequirement[2 * required] = computeCertifications(required, false);
            certificationsByRequirement[2 * required + 1] = computeCertifications(required, true);
        }
        this.lowRisk = rules.lowRiskContributions[riskTier];
        this.seeking = rules.seekingContributions;
        this.headroomWeight = scale * weights[Features.CAPACITY_HEADROOM];
        this.soughtAreaMask = soughtAreaMask;
        this.highestSoughtArea = highestSoughtArea;
        this.soughtTypeMask = soughtTypeMask;
    }

    double certifications(int required, boolean aqap2110Required) {
        return required <= TABULATED_REQUIREMENTS ? certificationsByRequirement[2 * required + (aqap2110Required ? 1 : 0)]
                : computeCertifications(required, aqap2110Required);
    }

    private double computeCertifications(int required, boolean aqap2110Required) {
        boolean extraAqap = holdsAqap2110 && !aqap2110Required;
        int extras = certificationCount - required;
        return certificationsWeight * Features.extraCertifications(extraAqap, extras - (extraAqap ? 1 : 0));
    }
}
