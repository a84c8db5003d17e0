package ua.kuznia.matching;

import java.util.List;
import java.util.Locale;
import ua.kuznia.matching.engine.Explanation;

/**
 * An explanation as a page shows it: descriptions and compared values in the page's language,
 * each soft rule's share of the score, and the geometry of the server-drawn bar chart (no
 * scripts, no styles: widths are SVG attributes).
 */
public record ExplanationView(Explanation explanation, List<Hard> hard, List<Soft> soft, List<String> whyNot,
                              int chartHeight) {

    /** Pixels of the widest possible bar. */
    static final int CHART_WIDTH = 320;
    static final int LABEL_WIDTH = 190;
    static final int ROW = 26;

    public record Hard(String ruleId, boolean passed, String expected, String actual, String description) {
    }

    /**
     * @param share   score points the rule adds at value 1
     * @param y       top of this rule's row in the chart
     * @param track   width of the bar at value 1
     * @param bar     width of the bar at the actual value
     */
    public record Soft(String ruleId, String description, double value, double weight, double contribution, double share,
                       String basis, int y, int track, int bar) {

        public int textY() {
            return y + 16;
        }

        public int barY() {
            return y + 4;
        }

        public int barX() {
            return LABEL_WIDTH;
        }

        public int valueX() {
            return LABEL_WIDTH + track + 6;
        }

        /** value as a percentage, for people */
        public double percent() {
            return value * 100;
        }
    }

    public static ExplanationView of(Explanation e, Locale locale) {
        boolean uk = "uk".equals(locale.getLanguage());
        List<Hard> hard = e.hardRules().stream()
                .map(h -> new Hard(h.ruleId(), h.passed(), uk ? h.expectedUk() : h.expected(), uk ? h.actualUk() : h.actual(),
                        uk ? h.descriptionUk() : h.descriptionEn()))
                .toList();
        double weights = e.softRules().stream().mapToDouble(Explanation.SoftResult::weight).sum();
        double widest = e.softRules().stream().mapToDouble(s -> share(s.weight(), weights)).max().orElse(0);
        double scale = widest <= 0 ? 0 : CHART_WIDTH / widest;
        List<Soft> soft = new java.util.ArrayList<>();
        for (Explanation.SoftResult s : e.softRules()) {
            double share = share(s.weight(), weights);
            int y = soft.size() * ROW;
            soft.add(new Soft(s.ruleId(), uk ? s.descriptionUk() : s.descriptionEn(), s.value(), s.weight(), s.contribution(),
                    share, uk ? s.basisUk() : s.basis(), y, (int) Math.round(share * scale),
                    (int) Math.round(Math.max(0, s.contribution()) * scale)));
        }
        List<String> whyNot = e.whyNot().stream().map(r -> uk ? r.messageUk() : r.messageEn()).toList();
        return new ExplanationView(e, hard, soft, whyNot, Math.max(ROW, soft.size() * ROW));
    }

    private static double share(double weight, double weights) {
        return weights <= 0 ? 0 : 100 * weight / weights;
    }

    public int chartWidth() {
        return LABEL_WIDTH + CHART_WIDTH + 70;
    }

    public long failedHardRules() {
        return hard.stream().filter(h -> !h.passed()).count();
    }
}
