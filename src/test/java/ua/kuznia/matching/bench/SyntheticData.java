package ua.kuznia.matching.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import ua.kuznia.matching.engine.Capability;
import ua.kuznia.matching.engine.OfferData;
import ua.kuznia.matching.engine.ProfileData;
import ua.kuznia.matching.engine.RuleSetData;
import ua.kuznia.matching.engine.SeededTaxonomy;

/**
 * Seeded synthetic profiles and offers shaped like the platform's expected data: activity
 * concentrated in the named priorities (155-mm ammunition, air defence, drones, EW), most
 * manufacturers specialised in one branch of the tree, readiness mostly at prototype to
 * production levels, a minority of offers with certification, clearance or risk constraints.
 * Each record depends only on the seed and its id, so any record can be regenerated alone.
 */
public final class SyntheticData {

    /** Relative activity per leaf area; leaves not listed weigh 2. */
    private static final Map<String, Integer> LEAF_WEIGHTS = Map.ofEntries(
            Map.entry("munitions.artillery-155", 12), Map.entry("munitions.artillery-152-122", 5),
            Map.entry("munitions.tank-125", 3), Map.entry("munitions.mortar", 4), Map.entry("munitions.propellant-energetics", 5),
            Map.entry("missiles.sam-interceptor", 4), Map.entry("missiles.atgm", 2), Map.entry("missiles.ballistic", 1),
            Map.entry("air-defense.systems", 4), Map.entry("air-defense.fire-control", 3),
            Map.entry("armor.ifv-apc", 3), Map.entry("armor.protection", 4),
            Map.entry("artillery.self-propelled", 3), Map.entry("artillery.barrels", 3),
            Map.entry("ew.jamming", 6), Map.entry("ew.counter-uas", 6), Map.entry("ew.sigint", 2),
            Map.entry("autonomous.uav-fpv", 12), Map.entry("autonomous.uav-long-range", 6), Map.entry("autonomous.ugv", 3),
            Map.entry("components.electronics", 9), Map.entry("components.optics", 4), Map.entry("components.engines", 4),
            Map.entry("components.machining", 9));

    private static final Map<String, Double> CERTIFICATION_SHARES = Map.of(
            "ISO-9001", 0.6, "AQAP-2110", 0.25, "AQAP-2105", 0.08, "AQAP-2131", 0.08,
            "AQAP-2210", 0.04, "AQAP-2310", 0.05, "EN-9100", 0.06, "ISO-27001", 0.15);

    private static final Map<String, Integer> TRANSFER_TYPE_WEIGHTS = Map.of(
            "LICENSED_PRODUCTION", 15, "JOINT_VENTURE", 15, "CO_PRODUCTION", 15, "KNOW_HOW_TRANSFER", 10,
            "TOOLING_AND_EQUIPMENT", 8, "COMPONENT_SUPPLY", 12, "DIRECT_FINANCING", 12, "RND_COOPERATION", 8, "TRAINING", 5);

    /** Clearance held by manufacturers, by rank: most hold none or NATO RESTRICTED. */
    private static final int[] CLEARANCE_WEIGHTS = {40, 30, 18, 10, 2};
    /** Manufacturers by oblast risk tier: most production is away from the front. */
    private static final int[] RISK_TIER_WEIGHTS = {0, 35, 40, 17, 8};
    private static final int[] CAPABILITY_COUNT_WEIGHTS = {0, 30, 30, 20, 12, 8};

    private final long seed;
    private final List<String> leaves = new ArrayList<>();
    private final int[] leafWeights;
    private final List<String> transferTypes = new ArrayList<>(TRANSFER_TYPE_WEIGHTS.keySet());

    public SyntheticData(long seed) {
        this.seed = seed;
        for (String area : SeededTaxonomy.SEEDED.areas) {
            if (area.contains(".")) {
                leaves.add(area);
            }
        }
        leaves.sort(null);
        leafWeights = leaves.stream().mapToInt(leaf -> LEAF_WEIGHTS.getOrDefault(leaf, 2)).toArray();
        transferTypes.sort(null);
    }

    /**
     * The rule set seeded by the V3 migration, plus support-model ratings standing in for the
     * audit of 2022–2024 aid.
     */
    public static RuleSetData ruleSet(int version) {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("area-specificity", 2.0);
        weights.put("capacity-headroom", 3.0);
        weights.put("readiness-surplus", 2.0);
        weights.put("extra-certifications", 1.0);
        weights.put("area-priority", 1.0);
        weights.put("seeking-fit", 2.0);
        weights.put("low-risk", 1.0);
        weights.put("support-model", 1.0);
        Map<String, Double> priorities = Map.ofEntries(
                Map.entry("munitions", 0.8), Map.entry("munitions.artillery-155", 1.0), Map.entry("missiles", 0.9),
                Map.entry("missiles.sam-interceptor", 1.0), Map.entry("air-defense", 1.0), Map.entry("armor", 0.7),
                Map.entry("artillery", 0.8), Map.entry("ew", 0.7), Map.entry("radar", 0.7), Map.entry("autonomous", 0.7),
                Map.entry("components", 0.4));
        Map<String, Double> effectiveness = Map.of(
                "DIRECT_FINANCING", 0.8, "DIRECT_FINANCING|artillery", 0.9, "JOINT_VENTURE", 0.7,
                "JOINT_VENTURE|munitions", 0.85, "LICENSED_PRODUCTION", 0.6, "TRAINING", 0.4);
        return new RuleSetData(version, weights, 40, 50, priorities, effectiveness);
    }

    public ProfileData profile(long id) {
        return profile(id, 0);
    }

    /** Another version of the profile, as an edit would produce: same id, fresh content. */
    public ProfileData editedProfile(long id, int edition) {
        return profile(id, edition);
    }

    /**
     * The profile with one field of one capability changed, as a manufacturer updates a profile:
     * its monthly capacity moved by up to a quarter either way (half of the edits), or its TRL or
     * its MRL one level up or down (a quarter each, kept within the scale).
     */
    public ProfileData fieldEdit(ProfileData profile, RandomGenerator random) {
        List<Capability> capabilities = new ArrayList<>(profile.capabilities());
        if (capabilities.isEmpty()) {
            return profile;
        }
        int at = random.nextInt(capabilities.size());
        Capability c = capabilities.get(at);
        int step = random.nextBoolean() ? 1 : -1;
        int field = random.nextInt(4);
        capabilities.set(at, field < 2
                ? new Capability(c.area(), c.trl(), c.mrl(), Math.rint(c.monthlyCapacity() * (1 + step * 0.25 * random.nextDouble())))
                : field == 2 ? new Capability(c.area(), clamp(c.trl() + step, 1, 9), c.mrl(), c.monthlyCapacity())
                : new Capability(c.area(), c.trl(), clamp(c.mrl() + step, 1, 10), c.monthlyCapacity()));
        return new ProfileData(profile.id(), profile.published(), profile.clearanceRank(), profile.riskTier(),
                profile.certifications(), capabilities, profile.seekingAreas(), profile.seekingTransferTypes());
    }

    private ProfileData profile(long id, int edition) {
        RandomGenerator random = random(id, 1 + 2 * edition);
        int count = weighted(random, CAPABILITY_COUNT_WEIGHTS);
        List<Capability> capabilities = new ArrayList<>();
        String home = null;
        for (int i = 0; i < count; i++) {
            // Manufacturers specialise: most further capabilities stay in the first one's branch.
            String area = home != null && random.nextInt(10) < 6 ? sibling(random, home) : area(random);
            home = home == null ? area : home;
            int trl = clamp((int) Math.round(6.5 + 1.8 * random.nextGaussian()), 1, 9);
            int mrl = clamp(trl + (int) Math.round(1.5 * random.nextGaussian()), 1, 10);
            capabilities.add(new Capability(area, trl, mrl, Math.rint(Math.exp(Math.log(200) + 1.5 * random.nextGaussian()))));
        }
        Set<String> certifications = new HashSet<>();
        // In alphabetical order: Map.of iterates in an order that changes from one JVM to the next, and
        // each draw must come from the same place in the seeded stream every run.
        new TreeMap<>(CERTIFICATION_SHARES).forEach((code, share) -> {
            if (random.nextDouble() < share) {
                certifications.add(code);
            }
        });
        Set<String> seekingAreas = new HashSet<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            seekingAreas.add(area(random));
        }
        Set<String> seekingTypes = new HashSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            seekingTypes.add(transferType(random));
        }
        return new ProfileData(id, random.nextInt(100) < 92, weighted(random, CLEARANCE_WEIGHTS),
                weighted(random, RISK_TIER_WEIGHTS), certifications, capabilities, seekingAreas, seekingTypes);
    }

    public OfferData offer(long id) {
        return offer(id, 0);
    }

    /** Another version of the offer: same id, fresh content. */
    public OfferData editedOffer(long id, int edition) {
        return offer(id, edition);
    }

    private OfferData offer(long id, int edition) {
        RandomGenerator random = random(id, 2 * edition);
        List<String> areas = new ArrayList<>();
        areas.add(area(random));
        if (random.nextInt(10) < 3) {
            String second = area(random);
            if (!areas.contains(second)) {
                areas.add(second);
            }
        }
        Set<String> required = new HashSet<>();
        if (random.nextInt(100) < 35) {
            required.add("AQAP-2110");
        }
        if (random.nextInt(100) < 10) {
            required.add("ISO-9001");
        }
        Double minMonthly = random.nextInt(10) < 3 ? Math.rint(Math.exp(Math.log(100) + random.nextGaussian())) : null;
        Double target = random.nextBoolean() ? Math.rint(12 * Math.exp(Math.log(300) + random.nextGaussian())) : null;
        return new OfferData(id, random.nextInt(10) < 9, areas, transferType(random),
                4 + random.nextInt(5), 3 + random.nextInt(6), minMonthly, required,
                weighted(random, new int[] {60, 25, 10, 5, 0}), weighted(random, new int[] {55, 30, 10, 5, 0}),
                random.nextInt(4) == 0 ? 2 + random.nextInt(2) : null, target);
    }

    /** SplittableRandom mixes its seed, so records with neighbouring ids still get unrelated streams. */
    private RandomGenerator random(long id, int stream) {
        return new SplittableRandom(new SplittableRandom(seed ^ id * 0x9E3779B97F4A7C15L).nextLong() + stream);
    }

    /** Mostly leaves, weighted by activity; sometimes a whole branch. */
    private String area(RandomGenerator random) {
        String leaf = leaves.get(weighted(random, leafWeights));
        return random.nextInt(100) < 15 ? leaf.substring(0, leaf.indexOf('.')) : leaf;
    }

    private String sibling(RandomGenerator random, String area) {
        String branch = area.contains(".") ? area.substring(0, area.indexOf('.')) : area;
        List<String> candidates = new ArrayList<>();
        for (String leaf : leaves) {
            if (leaf.startsWith(branch + ".")) {
                candidates.add(leaf);
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private String transferType(RandomGenerator random) {
        int[] weights = transferTypes.stream().mapToInt(TRANSFER_TYPE_WEIGHTS::get).toArray();
        return transferTypes.get(weighted(random, weights));
    }

    private static int weighted(RandomGenerator random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
