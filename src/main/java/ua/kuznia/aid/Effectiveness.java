package ua.kuznia.aid;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How well a support model worked, in [0, 1], from aid records:
 *
 * <pre>
 * effectiveness = 0.6 × min(1, delivery ratio) + 0.4 × speed
 * delivery ratio = delivered value / committed value (EUR, as of each record's as-of date)
 * speed          = 1 / (1 + median lead days / 90), 0 when nothing has been delivered yet
 * lead days      = first delivery date − commitment date, over records with a first delivery
 * </pre>
 *
 * Delivering what was promised weighs more than delivering it fast, but a model that delivers
 * everything years late is not one to scale up. 90 days is the lead time that halves the speed
 * score: a delivery within weeks scores near 1, one after a year about 0.2. Over-delivery counts
 * as full delivery (min 1) so a cost overrun does not look like success. Scores are rounded to 4
 * decimals so rule-set versions stay readable; the score is computed from the rounded ratio and speed,
 * so anyone can recompute it from a report.
 */
final class Effectiveness {

    static final double DELIVERY_WEIGHT = 0.6;
    static final double SPEED_WEIGHT = 0.4;
    static final double LEAD_DAYS_HALVING_SPEED = 90;

    static final String FORMULA = "effectiveness = 0.6 × min(1, deliveryRatio) + 0.4 × speedScore;"
            + " deliveryRatio = delivered value / committed value (EUR);"
            + " speedScore = 1 / (1 + median lead days / 90), where lead days = first delivery date − commitment date,"
            + " 0 when no record has a first delivery yet; each rounded to 4 decimals; null without committed value";

    private Effectiveness() {
    }

    /** Null when nothing was committed: there is nothing to deliver against. */
    static Double deliveryRatio(BigDecimal committed, BigDecimal delivered) {
        if (committed == null || committed.signum() == 0) {
            return null;
        }
        return round(delivered.divide(committed, MathContext.DECIMAL64).doubleValue());
    }

    static double speedScore(Double medianLeadDays) {
        return medianLeadDays == null ? 0 : round(1 / (1 + medianLeadDays / LEAD_DAYS_HALVING_SPEED));
    }

    /** From the rounded ratio and speed a report shows, so a reader can recompute it from the report. */
    static Double score(Double deliveryRatio, double speedScore) {
        if (deliveryRatio == null) {
            return null;
        }
        return round(DELIVERY_WEIGHT * Math.min(1, deliveryRatio) + SPEED_WEIGHT * speedScore);
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
