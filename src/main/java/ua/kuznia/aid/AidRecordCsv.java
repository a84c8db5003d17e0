package ua.kuznia.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ViolationMessages;

/**
 * The project's own CSV format for aid records (documented in
 * src/main/resources/aid/AID_RECORDS_FORMAT.md): one record per row, columns by name in any
 * order, snake_case names of the {@link AidRecordView} fields. Unknown columns are refused:
 * in our own format a misspelt column is a mistake whose data would otherwise be lost silently.
 */
final class AidRecordCsv {

    enum Type {
        TEXT, DATE, DECIMAL, MODEL
    }

    /** A CSV column and the JSON field it fills. */
    record Column(String name, String field, Type type, boolean required) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("donor_country", "donorCountry", Type.TEXT, true),
            new Column("as_of_date", "asOfDate", Type.DATE, true),
            new Column("support_model", "supportModel", Type.MODEL, true),
            new Column("capability_area", "area", Type.TEXT, true),
            new Column("commitment_date", "commitmentDate", Type.DATE, true),
            new Column("committed_value_eur", "committedValueEur", Type.DECIMAL, true),
            new Column("delivered_value_eur", "deliveredValueEur", Type.DECIMAL, true),
            new Column("committed_quantity", "committedQuantity", Type.DECIMAL, false),
            new Column("delivered_quantity", "deliveredQuantity", Type.DECIMAL, false),
            new Column("quantity_unit", "quantityUnit", Type.TEXT, false),
            new Column("first_delivery_date", "firstDeliveryDate", Type.DATE, false),
            new Column("last_delivery_date", "lastDeliveryDate", Type.DATE, false),
            new Column("source", "source", Type.TEXT, true),
            new Column("notes", "notes", Type.TEXT, false));

    private static final Map<String, Column> BY_FIELD = COLUMNS.stream()
            .collect(Collectors.toMap(Column::field, Function.identity()));

    /** A parsed row; {@code view} is null when a cell could not be read. */
    record Parsed(int line, AidRecordView view) {
    }

    private AidRecordCsv() {
    }

    /** A cell that cannot be read; {@code text} says why. */
    private static final class BadCell extends RuntimeException {

        final Problem.Text text;

        BadCell(Problem.Text text) {
            super(null, null, false, false);
            this.text = text;
        }
    }

    /** Where a violation of a JSON field is, in the file: "line 7, column committed_value_eur". */
    static Problem.Text location(int line, String field) {
        Column column = BY_FIELD.get(field);
        return column == null ? m -> m.place_line(line) : m -> m.place_line_column(line, column.name());
    }

    /** Header problems go to {@code violations} with the field "header"; cell problems with their location. */
    static List<Parsed> read(CsvTable table, List<Problem.Violation> violations) {
        Set<String> known = COLUMNS.stream().map(Column::name).collect(Collectors.toSet());
        String all = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
        for (String name : table.header()) {
            if (!known.contains(name)) {
                violations.add(new Problem.Violation(ViolationMessages::place_header, m -> m.records_unknown_column(name, all)));
            }
        }
        for (Column column : COLUMNS) {
            if (column.required() && !table.has(column.name())) {
                violations.add(new Problem.Violation(ViolationMessages::place_header,
                        m -> m.records_missing_column(column.name())));
            }
        }
        if (!violations.isEmpty()) {
            return List.of();
        }
        List<Parsed> parsed = new ArrayList<>();
        for (CsvReader.Row row : table.rows()) {
            Map<String, Object> values = new HashMap<>();
            boolean readable = true;
            for (Column column : COLUMNS) {
                String raw = table.value(row, column.name());
                if (raw == null) {
                    continue;
                }
                try {
                    values.put(column.field(), convert(raw, column.type()));
                } catch (BadCell e) {
                    violations.add(new Problem.Violation(location(row.line(), column.field()), e.text));
                    readable = false;
                }
            }
            parsed.add(new Parsed(row.line(), readable ? view(values) : null));
        }
        return parsed;
    }

    /** The cell's value; a {@link BadCell} says what is wrong with it. */
    private static Object convert(String raw, Type type) {
        switch (type) {
            case DATE:
                try {
                    return LocalDate.parse(raw);
                } catch (DateTimeParseException e) {
                    throw new BadCell(m -> m.not_iso_date(KielImportService.shown(raw), "2024-06-30"));
                }
            case DECIMAL:
                try {
                    return new BigDecimal(raw);
                } catch (NumberFormatException e) {
                    throw new BadCell(m -> m.records_not_a_number(KielImportService.shown(raw)));
                }
            case MODEL:
                try {
                    return SupportModel.valueOf(raw);
                } catch (IllegalArgumentException e) {
                    String allowed = Arrays.stream(SupportModel.values()).map(Enum::name).collect(Collectors.joining(", "));
                    throw new BadCell(m -> m.unknown_support_model(KielImportService.shown(raw), allowed));
                }
            default:
                return raw;
        }
    }

    private static AidRecordView view(Map<String, Object> v) {
        return new AidRecordView(null, (String) v.get("donorCountry"), (LocalDate) v.get("asOfDate"),
                (SupportModel) v.get("supportModel"), (String) v.get("area"), (LocalDate) v.get("commitmentDate"),
                (BigDecimal) v.get("committedValueEur"), (BigDecimal) v.get("deliveredValueEur"),
                (BigDecimal) v.get("committedQuantity"), (BigDecimal) v.get("deliveredQuantity"),
                (String) v.get("quantityUnit"), (LocalDate) v.get("firstDeliveryDate"),
                (LocalDate) v.get("lastDeliveryDate"), (String) v.get("source"), (String) v.get("notes"), null, null);
    }
}
