package ua.kuznia.matching.engine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Steers suggestions towards the areas the Ministry of Defence named as priorities. A priority
 * set for an area holds for its sub-areas unless one of them has its own.
 */
final class AreaPriorityRule implements SoftRule {

    @Override
    public String id() {
        return "area-priority";
    }

    @Override
    public String descriptionEn() {
        return "Priority of the offer's areas in the current rule set (the highest among them);"
                + " an area without its own priority takes its nearest parent's, 0.5 if none has one.";
    }

    @Override
    public String descriptionUk() {
        return "Пріоритет напрямів пропозиції у чинному наборі правил (найвищий серед них);"
                + " напрям без власного пріоритету бере пріоритет найближчого батьківського напряму, або 0,5, якщо його ніде не задано.";
    }

    @Override
    public int featureIndex() {
        return Features.AREA_PRIORITY;
    }

    @Override
    public Value evaluate(PairFacts facts) {
        Map<String, Double> priorities = facts.rules.data.areaPriorities();
        String basis = facts.offer.areas().stream().map(area -> {
            String source = nearestListed(area, priorities);
            return area + ": " + Text.number(priority(area, priorities))
                    + (source == null ? " (default)" : " (set for " + source + ")");
        }).collect(Collectors.joining("; "));
        String basisUk = facts.offer.areas().stream().map(area -> {
            String source = nearestListed(area, priorities);
            return area + ": " + Text.numberUk(priority(area, priorities))
                    + (source == null ? " (за замовчуванням)" : " (задано для " + source + ")");
        }).collect(Collectors.joining("; "));
        return new Value(offerPriority(facts.offer.areas(), priorities), basis, basisUk);
    }

    /** The offer's value; it depends on the offer alone, so the index computes it once per offer. */
    static double offerPriority(List<String> areas, Map<String, Double> priorities) {
        double best = 0;
        for (String area : areas) {
            best = Math.max(best, priority(area, priorities));
        }
        return best;
    }

    static double priority(String area, Map<String, Double> priorities) {
        String source = nearestListed(area, priorities);
        return source == null ? Features.NEUTRAL : priorities.get(source);
    }

    private static String nearestListed(String area, Map<String, Double> priorities) {
        for (String code = area; code != null; code = AreaCodes.parent(code)) {
            if (priorities.containsKey(code)) {
                return code;
            }
        }
        return null;
    }
}
