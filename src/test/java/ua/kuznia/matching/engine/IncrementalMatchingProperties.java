package ua.kuznia.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Rankings kept current change by change must equal rankings computed from scratch, and each
 * profile change must report exactly the offers whose top K it changed. Small K and many edits
 * of top-ranked profiles drain the buffers behind the top K, so the rescoring path runs too.
 */
class IncrementalMatchingProperties {

    @Property(tries = 40)
    void keptRankingsEqualFreshOnes(@ForAll long seed,
            @ForAll @IntRange(min = 5, max = 60) int profileCount,
            @ForAll @IntRange(min = 1, max = 12) int offerCount) {
        Run run = new Run(seed, profileCount, offerCount);
        RandomDatasets random = run.random;
        RandomDatasets.Dataset initial = run.initial;
        Map<Long, ProfileData> profiles = run.profiles;
        Map<Long, OfferData> offers = run.offers;
        MatchEngine engine = run.engine;
        Map<Long, List<ScoredMatch>> current = run.current;
        long nextId = 1000;
        for (int step = 0; step < 40; step++) {
            int kind = random.nextInt(10);
            if (kind < 6 && !profiles.isEmpty()) {
                ProfileData edited = random.edit(pickRanked(random, profiles, current));
                profiles.put(edited.id(), edited);
                assertReported(current, engine.upsertProfile(edited), profiles, offers, initial.ruleSet());
            } else if (kind < 8 && !profiles.isEmpty()) {
                long id = pickRanked(random, profiles, current).id();
                profiles.remove(id);
                assertReported(current, engine.removeProfile(id), profiles, offers, initial.ruleSet());
            } else if (kind == 8) {
                ProfileData added = random.profile(nextId++);
                profiles.put(added.id(), added);
                assertReported(current, engine.upsertProfile(added), profiles, offers, initial.ruleSet());
            } else {
                OfferData offer = random.offer(random.nextInt(2) == 0 || offers.isEmpty() ? nextId++ : pick(random, offers.keySet()));
                offers.put(offer.id(), offer);
                engine.upsertOffer(offer);
                current.remove(offer.id());
                if (offer.open()) {
                    current.put(offer.id(), engine.topKForOffer(offer.id()));
                }
                assertEquals(fresh(profiles, offers, initial.ruleSet()), current, "after changing offer " + offer.id());
            }
            assertMatchesForProfiles(engine, profiles.keySet(), current);
        }
        assertEquals(current, new TreeMap<>(engine.fullMatch(2)));
    }

    /**
     * Edits of capabilities alone, the common edit, which the engine handles apart: it rescans only
     * the offers a changed capability reaches, and when every change lost ground it looks for no
     * new ranking at all. Small rankings (K of 1 to 6 mostly) keep their bars high, where a wrong
     * shortcut would show.
     */
    @Property(tries = 60)
    void capabilityEditsKeepRankingsEqualFreshOnes(@ForAll long seed,
            @ForAll @IntRange(min = 5, max = 60) int profileCount,
            @ForAll @IntRange(min = 1, max = 12) int offerCount) {
        Run run = new Run(seed, profileCount, offerCount);
        for (int step = 0; step < 60; step++) {
            ProfileData edited = run.random.capabilityEdit(pickRanked(run.random, run.profiles, run.current));
            run.profiles.put(edited.id(), edited);
            assertReported(run.current, run.engine.upsertProfile(edited), run.profiles, run.offers, run.initial.ruleSet());
            assertMatchesForProfiles(run.engine, run.profiles.keySet(), run.current);
        }
        assertEquals(run.current, new TreeMap<>(run.engine.fullMatch(2)));
    }

    /**
     * A random dataset loaded into an engine and fully matched, with the profiles and offers by id
     * (in the dataset's order) to be edited as the engine is, and the rankings as they stand.
     */
    private static final class Run {
        final RandomDatasets random;
        final RandomDatasets.Dataset initial;
        final Map<Long, ProfileData> profiles = new LinkedHashMap<>();
        final Map<Long, OfferData> offers = new LinkedHashMap<>();
        final MatchEngine engine;
        final Map<Long, List<ScoredMatch>> current;

        Run(long seed, int profileCount, int offerCount) {
            random = new RandomDatasets(seed);
            initial = random.dataset(profileCount, offerCount, 1);
            initial.profiles().forEach(p -> profiles.put(p.id(), p));
            initial.offers().forEach(o -> offers.put(o.id(), o));
            // Half the runs bound every offer by band first, as broad offers are.
            engine = EngineMatchesBruteForceProperties.load(initial, (seed & 1) == 0 ? 0 : OfferRanker.BANDED_FROM);
            current = new TreeMap<>(engine.fullMatch(1));
        }
    }

    /** Edits mostly hit profiles that are ranked somewhere, since those are the ones that move rankings. */
    private static ProfileData pickRanked(RandomDatasets random, Map<Long, ProfileData> profiles,
            Map<Long, List<ScoredMatch>> current) {
        List<Long> ranked = new ArrayList<>();
        current.values().forEach(top -> top.forEach(match -> ranked.add(match.profileId())));
        if (!ranked.isEmpty() && random.nextInt(4) != 0) {
            return profiles.get(ranked.get(random.nextInt(ranked.size())));
        }
        return profiles.get(pick(random, profiles.keySet()));
    }

    private static long pick(RandomDatasets random, Set<Long> ids) {
        return new ArrayList<>(ids).get(random.nextInt(ids.size()));
    }

    private static void assertReported(Map<Long, List<ScoredMatch>> current, List<TopKChange> reported,
            Map<Long, ProfileData> profiles, Map<Long, OfferData> offers, RuleSetData ruleSet) {
        Map<Long, List<ScoredMatch>> expected = fresh(profiles, offers, ruleSet);
        Map<Long, List<ScoredMatch>> expectedChanges = new TreeMap<>();
        expected.forEach((offerId, top) -> {
            if (!top.equals(current.get(offerId))) {
                expectedChanges.put(offerId, top);
            }
        });
        Map<Long, List<ScoredMatch>> reportedChanges = new TreeMap<>();
        reported.forEach(change -> reportedChanges.put(change.offerId(), change.topK()));
        assertEquals(expectedChanges, reportedChanges);
        // Each changed offer once, by offer id: the store writes them in this order.
        assertEquals(List.copyOf(reportedChanges.keySet()), reported.stream().map(TopKChange::offerId).toList());
        current.putAll(reportedChanges);
    }

    private static void assertMatchesForProfiles(MatchEngine engine, Set<Long> profileIds, Map<Long, List<ScoredMatch>> current) {
        Map<Long, Set<Long>> expected = new HashMap<>();
        current.values().forEach(top -> top.forEach(
                match -> expected.computeIfAbsent(match.profileId(), id -> new TreeSet<>()).add(match.offerId())));
        for (long profileId : profileIds) {
            Set<Long> offerIds = new TreeSet<>();
            engine.matchesForProfile(profileId).forEach(match -> offerIds.add(match.offerId()));
            assertEquals(expected.getOrDefault(profileId, Set.of()), offerIds, "offers ranking profile " + profileId);
        }
    }

    private static Map<Long, List<ScoredMatch>> fresh(Map<Long, ProfileData> profiles, Map<Long, OfferData> offers,
            RuleSetData ruleSet) {
        return new TreeMap<>(BruteForce.topK(new ArrayList<>(profiles.values()), new ArrayList<>(offers.values()), ruleSet));
    }
}
