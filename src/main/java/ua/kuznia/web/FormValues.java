package ua.kuznia.web;

import java.util.List;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ViolationMessages;

/**
 * Numbers typed into page forms: parsed leniently as people write them (spaces, a decimal comma),
 * an unreadable value reported as a violation of its field rather than thrown.
 */
public final class FormValues {

    private FormValues() {
    }

    public static Integer integer(String raw, String field, List<Problem.Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            violations.add(new Problem.Violation(field, ViolationMessages::whole_number));
            return null;
        }
    }

    public static Double decimal(String raw, String field, List<Problem.Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw.strip().replace(',', '.').replace(" ", "").replace("\u00a0", ""));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Problem.Violation(field, ViolationMessages::number));
        return null;
    }

    /** A stored number as the form shows it again: "500", not "500.0". */
    public static String plain(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue()) : String.valueOf(value);
    }
}
