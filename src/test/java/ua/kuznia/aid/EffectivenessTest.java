package ua.kuznia.aid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EffectivenessTest {

    @Test
    void fullDeliveryOnTheDayScoresOne() {
        assertEquals(1.0, Effectiveness.score(1.0, Effectiveness.speedScore(0.0)));
    }

    @Test
    void ninetyDaysHalvesTheSpeedScore() {
        assertEquals(0.5, Effectiveness.speedScore(90.0));
        // 0.6 × 0.9 + 0.4 × 0.5
        assertEquals(0.74, Effectiveness.score(0.9, Effectiveness.speedScore(90.0)));
    }

    @Test
    void nothingDeliveredYetHasNoSpeed() {
        assertEquals(0.0, Effectiveness.speedScore(null));
        assertEquals(0.0, Effectiveness.score(Effectiveness.deliveryRatio(new BigDecimal("100"), BigDecimal.ZERO), 0));
    }

    @Test
    void overDeliveryCountsAsFullDeliveryButTheRatioShowsIt() {
        Double ratio = Effectiveness.deliveryRatio(new BigDecimal("100"), new BigDecimal("125"));
        assertEquals(1.25, ratio);
        assertEquals(0.6 + 0.4 * 0.5, Effectiveness.score(ratio, 0.5), 1e-9);
    }

    @Test
    void nothingCommittedHasNoRatioAndNoScore() {
        assertNull(Effectiveness.deliveryRatio(BigDecimal.ZERO, BigDecimal.ZERO));
        assertNull(Effectiveness.score(null, 1));
    }
}
