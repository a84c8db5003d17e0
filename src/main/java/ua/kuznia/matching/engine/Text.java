package ua.kuznia.matching.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.stream.Collectors;

/** Formatting of the compared values shown to coordinators. */
final class Text {

    private Text() {
    }

    /** At most two decimals, no trailing zeros. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Ukrainian writes a decimal comma. */
    static String numberUk(double value) {
        return number(value).replace('.', ',');
    }

    /** Sorted, so the same sets always read the same. */
    static String list(Collection<String> items) {
        return items.isEmpty() ? "none" : items.stream().sorted().collect(Collectors.joining(", "));
    }

    static String capability(Capability capability) {
        return capability.area() + " at TRL " + capability.trl() + " / MRL " + capability.mrl()
                + ", " + number(capability.monthlyCapacity()) + " per month";
    }

    static String capabilities(Collection<Capability> capabilities) {
        return capabilities.stream().map(Text::capability).collect(Collectors.joining("; "));
    }
}
