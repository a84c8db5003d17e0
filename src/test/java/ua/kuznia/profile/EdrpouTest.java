package ua.kuznia.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EdrpouTest {

    @Test
    void acceptsCodesWhoseLastDigitIsTheCheckDigit() {
        // Published codes of Ukrainian state bodies, one from each weighting range.
        assertTrue(Edrpou.isValid("00034045"));
        assertTrue(Edrpou.isValid("32855961"));
        assertTrue(Edrpou.isValid("14360570"));
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertFalse(Edrpou.isValid("00034046"));
        assertFalse(Edrpou.isValid("32855962"));
    }

    @Test
    void rejectsWrongShapes() {
        assertFalse(Edrpou.isValid(null));
        assertFalse(Edrpou.isValid("1234567"));
        assertFalse(Edrpou.isValid("123456789"));
        assertFalse(Edrpou.isValid("1234567a"));
    }

    @Test
    void middleRangeUsesShiftedWeights() {
        // 3000000x lies in the 30,000,000..60,000,000 range: weights 7,1,2,3,4,5,6 -> 3*7 = 21, 21 % 11 = 10,
        // so the raised weights 9,3,4,5,6,7,8 apply: 3*9 = 27, 27 % 11 = 5.
        assertEquals(5, Edrpou.checkDigit("3000000"));
        // Outside the range: weights 1..7 -> 2*1 = 2.
        assertEquals(2, Edrpou.checkDigit("2000000"));
    }
}
