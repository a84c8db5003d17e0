package ua.kuznia.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes rows (records) as RFC 4180 CSV with CRLF line ends, one column per record
 * component, named as in the JSON. Columns that are empty in every row (the unused key of a
 * grouping, a column the release lacks) are left out of reports; an export that a spreadsheet
 * or a script reads by position keeps every column.
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static String write(List<? extends Record> rows, Class<? extends Record> type) {
        return write(rows, type, true);
    }

    public static String write(List<? extends Record> rows, Class<? extends Record> type, boolean dropEmptyColumns) {
        RecordComponent[] components = type.getRecordComponents();
        List<Object[]> values = new ArrayList<>();
        for (Record row : rows) {
            Object[] cells = new Object[components.length];
            for (int c = 0; c < components.length; c++) {
                try {
                    cells[c] = components[c].getAccessor().invoke(row);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Unreadable report column " + components[c].getName(), e);
                }
            }
            values.add(cells);
        }
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < components.length; c++) {
            int column = c;
            if (!dropEmptyColumns || rows.isEmpty() || values.stream().anyMatch(cells -> cells[column] != null)) {
                used.add(c);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(used.stream().map(c -> components[c].getName()).collect(Collectors.joining(","))).append("\r\n");
        for (Object[] cells : values) {
            out.append(used.stream().map(c -> cell(cells[c])).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Number || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Collection<?> list) {
            return quote(list.stream().map(Object::toString).collect(Collectors.joining(";")));
        }
        String text = value.toString();
        // A spreadsheet runs a cell starting with = + - @ as a formula; text from uploaded files
        // (donor names, categories) must not be able to do that.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return quote(text);
    }

    private static String quote(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
