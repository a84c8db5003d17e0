package ua.kuznia.aid;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart laid out on the server, drawn by the {@code aidchart} tag as inline SVG
 * (attributes only: the content security policy allows no inline styles or scripts). Each
 * category gets one bar per series; bar lengths are proportional to the largest value.
 */
public record BarChart(String id, List<String> series, List<Bar> bars, List<Label> labels, int width, int height) {

    /** One bar; {@code value} is the exact figure (as the report API has it), {@code text} its display. */
    public record Bar(int series, String value, String text, int x, int y, int width, int height, int textX, int textY) {
    }

    public record Label(String text, int y) {
    }

    public record Category(String label, List<BigDecimal> values) {
    }

    static final int LABEL_WIDTH = 190;
    static final int PLOT_WIDTH = 420;
    static final int BAR_HEIGHT = 14;
    static final int GAP = 10;

    public static BarChart of(String id, List<String> series, List<Category> categories, Locale locale, int fractionDigits) {
        double max = categories.stream().flatMap(c -> c.values().stream()).filter(v -> v != null)
                .mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(fractionDigits);
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int y = 4;
        for (Category category : categories) {
            int top = y;
            for (int s = 0; s < category.values().size(); s++) {
                BigDecimal value = category.values().get(s);
                double v = value == null ? 0 : Math.max(0, value.doubleValue());
                int width = max <= 0 ? 0 : (int) Math.round(v / max * PLOT_WIDTH);
                bars.add(new Bar(s, value == null ? "" : value.toPlainString(), value == null ? "–" : format.format(value),
                        LABEL_WIDTH, y, width, BAR_HEIGHT, LABEL_WIDTH + width + 4, y + BAR_HEIGHT - 3));
                y += BAR_HEIGHT + 2;
            }
            labels.add(new Label(category.label(), (top + y) / 2 + 4));
            y += GAP;
        }
        return new BarChart(id, series, bars, labels, LABEL_WIDTH + PLOT_WIDTH + 90, Math.max(y, 20));
    }

    public static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
