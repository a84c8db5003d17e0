package ua.kuznia.aid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ua.kuznia.common.ViolationMessages;

/**
 * A CSV file whose first row names its columns. Columns are found by name (trimmed, case
 * ignored), never by position, because exports add, drop and reorder columns between versions.
 */
record CsvTable(List<String> header, Map<String, Integer> index, List<CsvReader.Row> rows) {

    static CsvTable read(byte[] bytes) {
        List<CsvReader.Row> all = CsvReader.parse(bytes);
        if (all.isEmpty()) {
            throw new CsvReader.CsvException(0, ViolationMessages::csv_empty);
        }
        CsvReader.Row head = all.get(0);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < head.fields().size(); i++) {
            String name = normalize(head.fields().get(i));
            if (index.putIfAbsent(name, i) != null) {
                throw new CsvReader.CsvException(head.line(), m -> m.csv_column_twice(name));
            }
        }
        List<CsvReader.Row> rows = all.subList(1, all.size());
        for (CsvReader.Row row : rows) {
            if (row.fields().size() != head.fields().size()) {
                throw new CsvReader.CsvException(row.line(), m -> m.csv_field_count(row.fields().size(), head.fields().size()));
            }
        }
        return new CsvTable(List.copyOf(index.keySet()), Map.copyOf(index), List.copyOf(rows));
    }

    static String normalize(String columnName) {
        return columnName.strip().toLowerCase(Locale.ROOT);
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    /** The stripped value of a column in a row; null when the column is absent or the cell is empty. */
    String value(CsvReader.Row row, String column) {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        String value = row.fields().get(i).strip();
        return value.isEmpty() ? null : value;
    }
}
