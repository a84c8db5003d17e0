package ua.kuznia.matching.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.stream.Collectors;

/** Formatting of the compared values shown to coordinators, in English and in Ukrainian. */
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
        return list(items, "none");
    }

    static String listUk(Collection<String> items) {
        return list(items, "немає");
    }

    private static String list(Collection<String> items, String none) {
        return items.isEmpty() ? none : items.stream().sorted().collect(Collectors.joining(", "));
    }

    static String capability(Capability capability) {
        return capability.area() + " at TRL " + capability.trl() + " / MRL " + capability.mrl()
                + ", " + number(capability.monthlyCapacity()) + " per month";
    }

    static String capabilityUk(Capability capability) {
        return capability.area() + " (TRL " + capability.trl() + " / MRL " + capability.mrl()
                + ", " + numberUk(capability.monthlyCapacity()) + " на місяць)";
    }

    static String capabilities(Collection<Capability> capabilities) {
        return capabilities.stream().map(Text::capability).collect(Collectors.joining("; "));
    }

    static String capabilitiesUk(Collection<Capability> capabilities) {
        return capabilities.stream().map(Text::capabilityUk).collect(Collectors.joining("; "));
    }
}
