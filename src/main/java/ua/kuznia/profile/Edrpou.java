package ua.kuznia.profile;

/**
 * EDRPOU, the 8-digit identifier of Ukrainian legal entities, whose last digit is a check digit
 * (State Statistics Service algorithm): weights 1..7, or 7,1..6 for codes between 30,000,000
 * and 60,000,000; when the remainder mod 11 is 10 or more the weights are raised by 2, and a
 * second remainder of 10 or more gives check digit 0.
 */
public final class Edrpou {

    private Edrpou() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 8 || !code.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return checkDigit(code.substring(0, 7)) == code.charAt(7) - '0';
    }

    /** The check digit for the first seven digits of a code. */
    public static int checkDigit(String firstSeven) {
        long value = Long.parseLong(firstSeven) * 10;
        boolean middleRange = value >= 30_000_000L && value <= 60_000_000L;
        int remainder = weightedSum(firstSeven, middleRange, 0) % 11;
        if (remainder >= 10) {
            remainder = weightedSum(firstSeven, middleRange, 2) % 11;
            if (remainder >= 10) {
                remainder = 0;
            }
        }
        return remainder;
    }

    private static int weightedSum(String digits, boolean middleRange, int raise) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int weight = middleRange ? (i == 0 ? 7 : i) : i + 1;
            sum += (digits.charAt(i) - '0') * (weight + raise);
        }
        return sum;
    }
}
