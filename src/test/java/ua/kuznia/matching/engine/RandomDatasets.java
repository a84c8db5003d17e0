package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Small random datasets for property tests, biased towards the edges: values at the minimums,
 * zero capacities and weights, missing optional fields, duplicated profiles (for ties), areas
 * at every depth.
 */
public final class RandomDatasets {

    /** Below the seeded tree, so that depth gaps of 2 and 3 occur; the oracle test seeds them too. */
    public static final List<String> DEEP_AREAS = List.of(
            "munitions.artillery-155.fuzes",
            "munitions.artillery-155.fuzes.proximity",
            "ew.jamming.gnss");

    private static final double[] CAPACITIES = {0, 10, 50, 100, 250, 500, 1000};

    public record Dataset(List<ProfileData> profiles, List<OfferData> offers, RuleSetData ruleSet) {
    }

    private final Random random;
    private final List<String> areas = new ArrayList<>();
    private final List<String> certifications = SeededTaxonomy.SEEDED.certifications;
    private final List<String> transferTypes = SeededTaxonomy.SEEDED.transferTypes;

    /**
     * Each generator draws areas from a pool of a few related areas, or most pairs would share no
     * area and the rankings would be too short to test anything.
     */
    public RandomDatasets(long seed) {
        this.random = new Random(seed);
        List<String> tree = new ArrayList<>(SeededTaxonomy.SEEDED.areas);
        tree.addAll(DEEP_AREAS);
        Set<String> pool = new HashSet<>();
        int size = 2 + random.nextInt(6);
        while (pool.size() < size) {
            for (String area = pick(tree); area != null; area = AreaCodes.parent(area)) {
                pool.add(area);
            }
        }
        areas.addAll(pool);
        areas.sort(null);
    }

    public Dataset dataset(int profileCount, int offerCount, int ruleSetVersion) {
        List<ProfileData> profiles = new ArrayList<>();
        for (int i = 0; i < profileCount; i++) {
            long id = 1 + i;
            if (!profiles.isEmpty() && random.nextInt(5) == 0) {
                profiles.add(withId(profiles.get(random.nextInt(profiles.size())), id));
            } else {
                profiles.add(profile(id));
            }
        }
        List<OfferData> offers = new ArrayList<>();
        for (int i = 0; i < offerCount; i++) {
            offers.add(offer(1 + i));
        }
        return new Dataset(profiles, offers, ruleSet(ruleSetVersion));
    }

    public ProfileData profile(long id) {
        List<Capability> capabilities = new ArrayList<>();
        int count = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            capabilities.add(new Capability(area(), level(9), level(10),
                    random.nextInt(4) == 0 ? random.nextDouble() * 2000 : pick(CAPACITIES)));
        }
        return new ProfileData(id, random.nextInt(7) != 0, random.nextInt(5), 1 + random.nextInt(4),
                subset(certifications, 0.5), capabilities, subset(areas, 0.15), subset(transferTypes, 0.2));
    }

    /** A different profile for the same id: what an edit looks like to the engine. */
    public ProfileData edit(ProfileData profile) {
        ProfileData fresh = profile(profile.id());
        switch (random.nextInt(6)) {
            case 0:
                return fresh;
            case 4:
            case 5: {
                // What a manufacturer changes most: one capability's capacity (up or down), or its area.
                List<Capability> capabilities = new ArrayList<>(profile.capabilities());
                if (!capabilities.isEmpty()) {
                    int at = random.nextInt(capabilities.size());
                    Capability old = capabilities.get(at);
                    capabilities.set(at, random.nextInt(2) == 0
                            ? new Capability(old.area(), old.trl(), old.mrl(), Math.rint(old.monthlyCapacity() * (0.5 + random.nextDouble())))
                            : new Capability(area(), old.trl(), old.mrl(), old.monthlyCapacity()));
                }
                return new ProfileData(profile.id(), profile.published(), profile.clearanceRank(), profile.riskTier(),
                        profile.certifications(), capabilities, profile.seekingAreas(), profile.seekingTransferTypes());
            }
            case 1: {
                List<Capability> capabilities = new ArrayList<>(profile.capabilities());
                if (!capabilities.isEmpty()) {
                    int at = random.nextInt(capabilities.size());
                    Capability old = capabilities.get(at);
                    capabilities.set(at, new Capability(old.area(), level(9), level(10),
                            old.monthlyCapacity()));
                }
                return new ProfileData(profile.id(), profile.published(), profile.clearanceRank(), profile.riskTier(),
                        profile.certifications(), capabilities, profile.seekingAreas(), profile.seekingTransferTypes());
            }
            case 2:
                return new ProfileData(profile.id(), !profile.published(), profile.clearanceRank(), profile.riskTier(),
                        profile.certifications(), profile.capabilities(), profile.seekingAreas(), profile.seekingTransferTypes());
            default:
                return new ProfileData(profile.id(), profile.published(), fresh.clearanceRank(), fresh.riskTier(),
                        fresh.certifications(), profile.capabilities(), fresh.seekingAreas(), fresh.seekingTransferTypes());
        }
    }

    /**
     * The profile with its capabilities edited and nothing else: one capability's TRL, MRL or
     * capacity moved a little either way, its area changed, a capability added or one removed.
     */
    public ProfileData capabilityEdit(ProfileData profile) {
        List<Capability> capabilities = new ArrayList<>(profile.capabilities());
        int kind = capabilities.isEmpty() ? 4 : random.nextInt(6);
        int at = capabilities.isEmpty() ? 0 : random.nextInt(capabilities.size());
        Capability old = capabilities.isEmpty() ? null : capabilities.get(at);
        int step = random.nextBoolean() ? 1 + random.nextInt(2) : -1 - random.nextInt(2);
        switch (kind) {
            case 0 -> capabilities.set(at, new Capability(old.area(), Math.max(1, Math.min(9, old.trl() + step)), old.mrl(),
                    old.monthlyCapacity()));
            case 1 -> capabilities.set(at, new Capability(old.area(), old.trl(), Math.max(1, Math.min(10, old.mrl() + step)),
                    old.monthlyCapacity()));
            case 2 -> capabilities.set(at, new Capability(old.area(), old.trl(), old.mrl(),
                    Math.rint(old.monthlyCapacity() * (0.3 + 1.7 * random.nextDouble()))));
            case 3 -> capabilities.set(at, new Capability(area(), old.trl(), old.mrl(), old.monthlyCapacity()));
            case 4 -> capabilities.add(new Capability(area(), level(9), level(10), pick(CAPACITIES)));
            default -> capabilities.remove(at);
        }
        return new ProfileData(profile.id(), profile.published(), profile.clearanceRank(), profile.riskTier(),
                profile.certifications(), capabilities, profile.seekingAreas(), profile.seekingTransferTypes());
    }

    public OfferData offer(long id) {
        Set<String> offerAreas = new HashSet<>();
        offerAreas.add(area());
        if (random.nextInt(3) == 0) {
            offerAreas.add(area());
        }
        Double minMonthly = random.nextInt(5) < 2 ? null : pick(new double[] {0, 10, 100, 500});
        Double target = random.nextBoolean() ? null : pick(new double[] {0, 1200, 6000, 30000});
        Set<String> required = random.nextInt(5) < 3 ? Set.of() : subset(certifications, 0.15);
        return new OfferData(id, random.nextInt(7) != 0, new ArrayList<>(offerAreas), pick(transferTypes),
                random.nextInt(6) == 0 ? 9 : 1 + random.nextInt(7),
                random.nextInt(6) == 0 ? 10 : 1 + random.nextInt(8),
                minMonthly, required, lowRank(), lowRank(),
                random.nextBoolean() ? null : 1 + random.nextInt(4), target);
    }

    public RuleSetData ruleSet(int version) {
        Map<String, Double> weights = new HashMap<>();
        boolean allZero = random.nextInt(25) == 0;
        for (Rule rule : RuleCatalog.softRules()) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                continue;
            }
            weights.put(rule.id(), allZero || kind == 1 ? 0.0 : kind < 6 ? 1 + random.nextInt(3) : random.nextDouble() * 3);
        }
        Map<String, Double> priorities = new HashMap<>();
        for (String area : areas) {
            if (random.nextInt(4) == 0) {
                priorities.put(area, unit());
            }
        }
        Map<String, Double> effectiveness = new HashMap<>();
        for (String type : transferTypes) {
            if (random.nextInt(3) == 0) {
                effectiveness.put(type, unit());
            }
            for (String area : areas) {
                if (random.nextInt(25) == 0) {
                    effectiveness.put(type + "|" + area, unit());
                }
            }
        }
        double minScore = pick(new double[] {0, 10, 30, 45, 60, random.nextDouble() * 80});
        int topK = random.nextInt(4) == 0 ? 50 : 1 + random.nextInt(6);
        return new RuleSetData(version, weights, minScore, topK, priorities, effectiveness);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private static ProfileData withId(ProfileData profile, long id) {
        return new ProfileData(id, profile.published(), profile.clearanceRank(), profile.riskTier(),
                profile.certifications(), profile.capabilities(), profile.seekingAreas(), profile.seekingTransferTypes());
    }

    private String area() {
        return pick(areas);
    }

    /** Readiness skewed high, as in a catalogue of producing manufacturers. */
    private int level(int max) {
        return random.nextBoolean() ? 1 + random.nextInt(max) : max - random.nextInt(4);
    }

    /** Mostly unclassified or restricted, as real offers are; a partner needs the higher of two. */
    private int lowRank() {
        return random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(2);
    }

    private double unit() {
        return random.nextInt(3) == 0 ? random.nextDouble() : pick(new double[] {0, 0.3, 0.5, 0.7, 1});
    }

    private Set<String> subset(List<String> values, double probability) {
        Set<String> subset = new HashSet<>();
        for (String value : values) {
            if (random.nextDouble() < probability) {
                subset.add(value);
            }
        }
        return subset;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private double pick(double[] values) {
        return values[random.nextInt(values.length)];
    }
}
