package ua.kuznia.aid;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Kiel Ukraine Support Tracker exports Kuznia imports, with the columns each must have and
 * the ones it may have. Required columns are those the reports are built from; the others are
 * kept when present because some releases lack them (older ones have no to_be_allocated, some
 * no commitments). Database columns carry the CSV's names.
 */
enum KielFile {

    RELEASE_INFO("release_info.csv", null,
            List.of(text("release")),
            List.of(text("period"), text("date"), text("label"))),
    DATA_EXPLORER("data_explorer.csv", "aid_kiel_donor_month",
            List.of(text("country"), text("iso"), integer("year"), integer("month"), decimal("total"),
                    decimal("financial"), decimal("humanitarian"), decimal("military")),
            List.of(decimal("commitments"), decimal("to_be_allocated"), decimal("gdp"), decimal("pct_gdp"))),
    PROCUREMENT_TRENDS("procurement_trends.csv", "aid_kiel_procurement_month",
            List.of(integer("year"), integer("month"), decimal("stockpile"), decimal("procurement")),
            List.of(decimal("unspecified"), decimal("nato_purl"))),
    WEAPONS("weapons.csv", "aid_kiel_weapons",
            List.of(text("donor"), text("category"), integer("number_of_weapons")),
            List.of(decimal("monetary_value_eur"), text("weapons_list"))),
    TOTAL_ALLOCATIONS("total_allocations.csv", "aid_kiel_allocation_month",
            List.of(integer("year"), integer("month"), decimal("total_allocations")),
            List.of(decimal("military"), decimal("financial"), decimal("humanitarian")));

    enum Type {
        TEXT, INTEGER, DECIMAL
    }

    record Column(String name, Type type) {
    }

    final String fileName;
    /** Where the rows go; null for release_info.csv, which describes the release itself. */
    final String table;
    final List<Column> required;
    final List<Column> optional;

    KielFile(String fileName, String table, List<Column> required, List<Column> optional) {
        this.fileName = fileName;
        this.table = table;
        this.required = required;
        this.optional = optional;
    }

    List<Column> columns() {
        return Stream.concat(required.stream(), optional.stream()).toList();
    }

    private static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    private static Column integer(String name) {
        return new Column(name, Type.INTEGER);
    }

    private static Column decimal(String name) {
        return new Column(name, Type.DECIMAL);
    }

    static String knownFileNames() {
        return Arrays.stream(values()).map(k -> k.fileName).collect(Collectors.joining(", "));
    }

    /** By name when the name says it ("data_explorer (1).csv" still counts), else null. */
    static KielFile byName(String fileName) {
        String base = baseName(fileName).toLowerCase(Locale.ROOT);
        for (KielFile kind : values()) {
            if (base.startsWith(kind.fileName.replace(".csv", ""))) {
                return kind;
            }
        }
        return null;
    }

    /**
     * For a renamed file: the kind whose known columns overlap the header most (Jaccard index),
     * if that overlap is at least half, so a file that lost a required column is still recognised
     * and refused for the right reason.
     */
    static KielFile byHeader(List<String> header) {
        KielFile best = null;
        double bestScore = 0.5;
        for (KielFile kind : values()) {
            Set<String> known = kind.columns().stream().map(Column::name).collect(Collectors.toSet());
            Set<String> union = new HashSet<>(known);
            union.addAll(header);
            long common = header.stream().filter(known::contains).count();
            double score = (double) common / union.size();
            if (score >= bestScore) {
                best = kind;
                bestScore = score;
            }
        }
        return best;
    }

    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }
}
