package ua.kuznia.matching.engine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scales up what worked: the audit of 2022–2024 aid rates each transfer type, overall or in an
 * area. An area without its own rating takes its nearest parent's, then the overall one.
 */
final class SupportModelRule implements SoftRule {

    @Override
    public String id() {
        return "support-model";
    }

    @Override
    public String descriptionEn() {
        return "How well the offer's transfer type worked in the audited aid: its rating for the offer area"
                + " (or the nearest parent area), else its overall rating, else a neutral 0.5; the best over the offer's areas.";
    }

    @Override
    public String descriptionUk() {
        return "Наскільки добре тип передачі пропозиції спрацював за результатами аудиту допомоги: його оцінка для напряму"
                + " пропозиції (або найближчого батьківського напряму), інакше загальна оцінка, інакше нейтральні 0,5;"
                + " найкраща серед напрямів пропозиції.";
    }

    @Override
    public int featureIndex() {
        return Features.SUPPORT_MODEL;
    }

    @Override
    public Value evaluate(PairFacts facts) {
        OfferData offer = facts.offer;
        Map<String, Double> ratings = facts.rules.data.supportEffectiveness();
        String basis = basis(offer, ratings, "no audited rating for %s (neutral)", Text::number);
        String basisUk = basis(offer, ratings, "аудит не оцінював %s (нейтрально)", Text::numberUk);
        return new Value(offerEffectiveness(offer.transferType(), offer.areas(), ratings), basis, basisUk);
    }

    /** Each offer area's rating, or the neutral value when none was audited, in one language. */
    private static String basis(OfferData offer, Map<String, Double> ratings, String unrated,
                                java.util.function.DoubleFunction<String> number) {
        return offer.areas().stream().map(area -> {
            String key = ratingKey(offer.transferType(), area, ratings);
            return area + ": " + (key == null ? String.format(unrated, offer.transferType()) : key + " = " + number.apply(ratings.get(key)));
        }).collect(Collectors.joining("; "));
    }

    /** The offer's value; it depends on the offer alone, so the index computes it once per offer. */
    static double offerEffectiveness(String transferType, List<String> areas, Map<String, Double> ratings) {
        double best = 0;
        for (String area : areas) {
            String key = ratingKey(transferType, area, ratings);
            best = Math.max(best, key == null ? Features.NEUTRAL : ratings.get(key));
        }
        return best;
    }

    private static String ratingKey(String transferType, String area, Map<String, Double> ratings) {
        for (String code = area; code != null; code = AreaCodes.parent(code)) {
            String key = transferType + "|" + code;
            if (ratings.containsKey(key)) {
                return key;
            }
        }
        return ratings.containsKey(transferType) ? transferType : null;
    }
}
