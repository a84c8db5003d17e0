package ua.kuznia.matching.oracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ua.kuznia.matching.engine.ScoredMatch;

/**
 * Compares the engine's rankings with the oracle's. Scores must agree within {@link #TOLERANCE};
 * the order must agree exactly, except that two profiles whose scores differ by less than the
 * tolerance may swap places, since the database's logarithm may round an ulp away from Java's.
 */
public final class RankingComparison {

    public static final double TOLERANCE = 1e-9;

    /** @param nearTieSwaps positions where the two sides ordered near-equal scores differently */
    public record Outcome(List<String> differences, int nearTieSwaps, long pairsCompared) {

        public boolean matches() {
            return differences.isEmpty();
        }
    }

    private RankingComparison() {
    }

    /** @param engine each open offer's top K; offers the oracle has no row for must have empty rankings */
    public static Outcome compareTopK(Map<Long, List<ScoredMatch>> engine, OracleDatabase.Result oracle) {
        Map<Long, List<ScoredMatch>> expected = oracle.topK();
        Map<Long, Map<Long, Double>> oracleScores = scores(oracle);
        List<String> differences = new ArrayList<>();
        int swaps = 0;
        long compared = 0;
        TreeSet<Long> offers = new TreeSet<>(engine.keySet());
        offers.addAll(expected.keySet());
        for (long offer : offers) {
            List<ScoredMatch> mine = engine.getOrDefault(offer, List.of());
            List<ScoredMatch> theirs = expected.getOrDefault(offer, List.of());
            if (mine.size() != theirs.size()) {
                differences.add("offer " + offer + ": engine suggests " + mine.size() + ", oracle " + theirs.size());
                continue;
            }
            for (int i = 0; i < mine.size(); i++) {
                compared++;
                ScoredMatch a = mine.get(i);
                ScoredMatch b = theirs.get(i);
                if (Math.abs(a.score() - b.score()) > TOLERANCE) {
                    differences.add("offer " + offer + " position " + (i + 1) + ": engine " + a + ", oracle " + b);
                } else if (a.profileId() != b.profileId()) {
                    Double oracleScoreOfMine = oracleScores.getOrDefault(offer, Map.of()).get(a.profileId());
                    if (oracleScoreOfMine != null && Math.abs(oracleScoreOfMine - b.score()) <= TOLERANCE) {
                        swaps++;
                    } else {
                        differences.add("offer " + offer + " position " + (i + 1) + ": engine " + a + ", oracle " + b);
                    }
                }
            }
        }
        return new Outcome(differences, swaps, compared);
    }

    /** @param engineEligible each open offer's ranking of all eligible profiles (minimum score 0, K large enough) */
    public static Outcome compareEligible(Map<Long, List<ScoredMatch>> engineEligible, OracleDatabase.Result oracle) {
        Map<Long, Map<Long, Double>> mine = new HashMap<>();
        engineEligible.forEach((offer, matches) -> matches.forEach(
                match -> mine.computeIfAbsent(offer, o -> new HashMap<>()).put(match.profileId(), match.score())));
        Map<Long, Map<Long, Double>> theirs = scores(oracle);
        List<String> differences = new ArrayList<>();
        long compared = 0;
        TreeSet<Long> offers = new TreeSet<>(mine.keySet());
        offers.addAll(theirs.keySet());
        for (long offer : offers) {
            Map<Long, Double> a = mine.getOrDefault(offer, Map.of());
            Map<Long, Double> b = theirs.getOrDefault(offer, Map.of());
            if (!a.keySet().equals(b.keySet())) {
                TreeSet<Long> onlyEngine = new TreeSet<>(a.keySet());
                onlyEngine.removeAll(b.keySet());
                TreeSet<Long> onlyOracle = new TreeSet<>(b.keySet());
                onlyOracle.removeAll(a.keySet());
                differences.add("offer " + offer + ": eligible only for the engine " + onlyEngine + ", only for the oracle " + onlyOracle);
                continue;
            }
            for (Map.Entry<Long, Double> entry : a.entrySet()) {
                compared++;
                if (Math.abs(entry.getValue() - b.get(entry.getKey())) > TOLERANCE) {
                    differences.add("offer " + offer + ", profile " + entry.getKey() + ": engine " + entry.getValue()
                            + ", oracle " + b.get(entry.getKey()));
                }
            }
        }
        return new Outcome(differences, 0, compared);
    }

    private static Map<Long, Map<Long, Double>> scores(OracleDatabase.Result oracle) {
        Map<Long, Map<Long, Double>> scores = new HashMap<>();
        for (OracleDatabase.Row row : oracle.eligible()) {
            scores.computeIfAbsent(row.offerId(), o -> new HashMap<>()).put(row.profileId(), row.score());
        }
        return scores;
    }
}
