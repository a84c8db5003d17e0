package ua.kuznia.aid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.Session;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.AuditService;
import ua.kuznia.identity.Caller;

/**
 * Imports Kiel Ukraine Support Tracker exports. An upload is checked completely before anything
 * is written, then written in one transaction: a refused file leaves the database as it was, and
 * importing a release again replaces its rows of each kind uploaded instead of adding to them.
 */
@ApplicationScoped
public class KielImportService {

    static final String AUDIT_TYPE = "AID_IMPORT";
    /** Release labels appear in URLs (?release=) and file names. */
    static final Pattern RELEASE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$");
    /** Enough to fix a file; a file with thousands of bad cells is the wrong file. */
    static final int MAX_VIOLATIONS = 50;
    /** Longer than any name or weapons list in the tracker; a longer cell is a broken file. */
    static final int MAX_TEXT = 10_000;
    /** Amounts in EUR bn or EUR and shares of GDP (the tracker writes up to 21 decimals) stay far inside these bounds. */
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_FRACTION_DIGITS = 40;

    /** A file as it arrived. */
    public record IncomingFile(String fileName, byte[] bytes) {
    }

    public record ReleaseInfo(String label, String period, LocalDate date) {
    }

    /** One checked file: its values in {@link KielFile#columns()} order, null where a column is missing or empty. */
    record ParsedFile(KielFile kind, String fileName, String sha256, List<String> columns, List<Integer> lines,
                      List<Object[]> values) {
    }

    /** A checked upload, ready to store. */
    public record Upload(String release, ReleaseInfo info, List<ParsedFile> files) {
    }

    public record ImportedFile(KielFile kind, String fileName, String sha256, int rows, int replacedRows,
                               List<String> columns, List<String> missingOptionalColumns) {
    }

    public record ImportSummary(String release, String label, String period, LocalDate releaseDate,
                                List<ImportedFile> files) {
    }

    public record FileView(KielFile kind, String fileName, String sha256, int rows, List<String> columns,
                           String importedBy, Instant importedAt) {
    }

    public record ReleaseView(String release, String label, String period, LocalDate releaseDate, List<FileView> files) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditService audit;

    @Transactional
    public ImportSummary importFiles(List<IncomingFile> files, String releaseField, Caller caller) {
        return store(prepare(files, releaseField), caller);
    }

    /** Parses and checks every file of an upload; throws one problem listing everything wrong. */
    public Upload prepare(List<IncomingFile> files, String releaseField) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (files == null || files.isEmpty()) {
            throw ProblemException.invalid(List.of(new Problem.Violation(ViolationMessages::place_file,
                    m -> m.kiel_no_files(KielFile.knownFileNames()))));
        }
        Map<KielFile, ParsedFile> parsed = new EnumMap<>(KielFile.class);
        for (IncomingFile file : files) {
            ParsedFile result = parse(file, violations);
            if (result == null) {
                continue;
            }
            ParsedFile earlier = parsed.putIfAbsent(result.kind(), result);
            if (earlier != null) {
                violations.add(new Problem.Violation(result.fileName(),
                        m -> m.kiel_second_file(result.kind().fileName, earlier.fileName())));
            }
        }
        ReleaseInfo info = null;
        String release = releaseField == null || releaseField.isBlank() ? null : releaseField.strip();
        ParsedFile releaseInfo = parsed.get(KielFile.RELEASE_INFO);
        if (releaseInfo != null) {
            if (releaseInfo.values().size() != 1) {
                violations.add(new Problem.Violation(releaseInfo.fileName(),
                        m -> m.kiel_one_release_row(releaseInfo.values().size())));
            } else {
                Object[] row = releaseInfo.values().get(0);
                String fromFile = (String) row[0];
                if (release != null && fromFile != null && !release.equals(fromFile)) {
                    String inForm = release;
                    violations.add(new Problem.Violation(ViolationMessages::place_release,
                            m -> m.kiel_release_mismatch(inForm, releaseInfo.fileName(), fromFile)));
                }
                release = fromFile;
                info = new ReleaseInfo((String) row[3], (String) row[1], parseDate(releaseInfo, row[2], violations));
            }
        } else if (release == null) {
            violations.add(new Problem.Violation(ViolationMessages::place_release, ViolationMessages::kiel_release_required));
        }
        if (release != null && !RELEASE.matcher(release).matches()) {
            String label = release;
            violations.add(new Problem.Violation(ViolationMessages::place_release, m -> m.kiel_release_label(label)));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.size() > MAX_VIOLATIONS ? violations.subList(0, MAX_VIOLATIONS) : violations);
        }
        return new Upload(release, info, List.copyOf(parsed.values()));
    }

    private static LocalDate parseDate(ParsedFile file, Object value, List<Problem.Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse((String) value);
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(m -> m.place_file_line_column(file.fileName(), file.lines().get(0), "date"),
                    m -> m.not_iso_date((String) value, "2026-08-04")));
            return null;
        }
    }

    private static ParsedFile parse(IncomingFile file, List<Problem.Violation> violations) {
        String name = file.fileName() == null || file.fileName().isBlank() ? "file" : KielFile.baseName(file.fileName());
        CsvTable table;
        try {
            table = CsvTable.read(file.bytes());
        } catch (CsvReader.CsvException e) {
            violations.add(e.line > 0 ? new Problem.Violation(m -> m.place_file_line(name, e.line), e.text)
                    : new Problem.Violation(name, e.text));
            return null;
        }
        KielFile kind = KielFile.byName(name);
        if (kind == null) {
            kind = KielFile.byHeader(table.header());
        }
        if (kind == null) {
            violations.add(new Problem.Violation(name, m -> m.kiel_unknown_file(KielFile.knownFileNames())));
            return null;
        }
        int before = violations.size();
        String required = kind.required.stream().map(KielFile.Column::name).collect(Collectors.joining(", "));
        for (KielFile.Column column : kind.required) {
            if (!table.has(column.name())) {
                String kindName = kind.fileName;
                violations.add(new Problem.Violation(name, m -> m.kiel_missing_column(column.name(), kindName, required)));
            }
        }
        if (violations.size() > before) {
            return null;
        }
        List<KielFile.Column> columns = kind.columns();
        List<Integer> lines = new ArrayList<>(table.rows().size());
        List<Object[]> values = new ArrayList<>(table.rows().size());
        for (CsvReader.Row row : table.rows()) {
            Object[] rowValues = new Object[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                KielFile.Column column = columns.get(c);
                rowValues[c] = value(table.value(row, column.name()), column, c < kind.required.size(),
                        m -> m.place_file_line_column(name, row.line(), column.name()), violations);
            }
            lines.add(row.line());
            values.add(rowValues);
            if (violations.size() > MAX_VIOLATIONS) {
                break;
            }
        }
        return new ParsedFile(kind, name, sha256(file.bytes()), table.header(), lines, values);
    }

    private static Object value(String raw, KielFile.Column column, boolean required, Problem.Text field,
                                List<Problem.Violation> violations) {
        // R, which produces these exports, writes missing values as NA.
        if (raw == null || raw.equals("NA")) {
            if (required) {
                violations.add(new Problem.Violation(field, ViolationMessages::required));
            }
            return null;
        }
        switch (column.type()) {
            case TEXT:
                if (raw.length() > MAX_TEXT) {
                    violations.add(new Problem.Violation(field, m -> m.too_long(raw.length(), MAX_TEXT)));
                    return null;
                }
                return raw;
            case INTEGER:
                try {
                    int value = new BigDecimal(raw).intValueExact();
                    if (value < 0 || column.name().equals("month") && (value < 1 || value > 12)) {
                        violations.add(new Problem.Violation(field, column.name().equals("month")
                                ? m -> m.not_a_month(shown(raw)) : m -> m.negative(shown(raw))));
                    }
                    return value;
                } catch (NumberFormatException | ArithmeticException e) {
                    violations.add(new Problem.Violation(field, m -> m.not_whole_number(shown(raw))));
                    return null;
                }
            default:
                try {
                    BigDecimal value = new BigDecimal(raw);
                    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS) {
                        violations.add(new Problem.Violation(field,
                                m -> m.out_of_range(shown(raw), MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS)));
                        return null;
                    }
                    return value;
                } catch (NumberFormatException e) {
                    violations.add(new Problem.Violation(field, m -> m.not_a_number(shown(raw))));
                    return null;
                }
        }
    }

    /** A bad cell as quoted back in a problem: enough to find it, never the whole of a huge one. */
    static String shown(String raw) {
        return raw.length() <= 60 ? raw : raw.substring(0, 60) + "…";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** True when every file of the upload is byte for byte the one already imported for its release and kind. */
    @Transactional
    public boolean alreadyImported(Upload upload) {
        Map<String, String> stored = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT file_kind, sha256 FROM aid_import WHERE release = :release")
                .setParameter("release", upload.release()).getResultList();
        for (Object[] row : rows) {
            stored.put((String) row[0], (String) row[1]);
        }
        return upload.files().stream().allMatch(f -> f.sha256().equals(stored.get(f.kind().name())));
    }

    @Transactional
    public ImportSummary store(Upload upload, Caller caller) {
        List<ImportedFile> imported = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            upsertRelease(connection, upload);
            for (ParsedFile file : upload.files()) {
                int replaced = file.kind().table == null ? 0 : replaceRows(connection, upload.release(), file);
                recordProvenance(connection, upload.release(), file, caller);
                List<String> missing = file.kind().optional.stream().map(KielFile.Column::name)
                        .filter(c -> !file.columns().contains(c)).toList();
                imported.add(new ImportedFile(file.kind(), file.fileName(), file.sha256(), file.values().size(), replaced,
                        file.columns(), missing));
            }
        });
        ReleaseView release = release(upload.release());
        ImportSummary summary = new ImportSummary(release.release(), release.label(), release.period(),
                release.releaseDate(), imported);
        audit.record(caller, AUDIT_TYPE, upload.release(), AuditService.Action.CREATE, null, summary,
                "Kiel Ukraine Support Tracker release " + upload.release() + ": " + imported.stream()
                        .map(f -> f.fileName() + " (" + f.rows() + " rows" + (f.replacedRows() > 0
                                ? ", replacing " + f.replacedRows() : "") + ")")
                        .collect(Collectors.joining(", ")));
        return summary;
    }

    /**
     * Creates or updates the release row. The upsert also locks it until commit, so two imports
     * of the same release run one after the other instead of interleaving their rows.
     */
    private static void upsertRelease(Connection connection, Upload upload) throws SQLException {
        ReleaseInfo info = upload.info();
        String sql = info == null
                ? "INSERT INTO aid_release (release) VALUES (?) ON CONFLICT (release) DO UPDATE SET release = EXCLUDED.release"
                : "INSERT INTO aid_release (release, label, period, release_date) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (release) DO UPDATE SET label = EXCLUDED.label, period = EXCLUDED.period,"
                        + " release_date = EXCLUDED.release_date";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, upload.release());
            if (info != null) {
                s.setString(2, info.label());
                s.setString(3, info.period());
                s.setDate(4, info.date() == null ? null : Date.valueOf(info.date()));
            }
            s.executeUpdate();
        }
    }

    private static int replaceRows(Connection connection, String release, ParsedFile file) throws SQLException {
        KielFile kind = file.kind();
        int replaced;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + kind.table + " WHERE release = ?")) {
            delete.setString(1, release);
            replaced = delete.executeUpdate();
        }
        List<KielFile.Column> columns = kind.columns();
        String sql = "INSERT INTO " + kind.table + " (release, source_line, "
                + columns.stream().map(KielFile.Column::name).collect(Collectors.joining(", ")) + ") VALUES (?, ?"
                + ", ?".repeat(columns.size()) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int r = 0; r < file.values().size(); r++) {
                Object[] row = file.values().get(r);
                insert.setString(1, release);
                insert.setInt(2, file.lines().get(r));
                for (int c = 0; c < columns.size(); c++) {
                    int parameter = c + 3;
                    switch (columns.get(c).type()) {
                        case TEXT -> insert.setString(parameter, (String) row[c]);
                        case INTEGER -> insert.setObject(parameter, row[c], Types.INTEGER);
                        case DECIMAL -> insert.setBigDecimal(parameter, (BigDecimal) row[c]);
                    }
                }
                insert.addBatch();
                if (r % 500 == 499) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return replaced;
    }

    private static void recordProvenance(Connection connection, String release, ParsedFile file, Caller caller)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO aid_import (release, file_kind, file_name,"
                + " sha256, row_count, columns, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (release, file_kind) DO UPDATE SET file_name = EXCLUDED.file_name,"
                + " sha256 = EXCLUDED.sha256, row_count = EXCLUDED.row_count, columns = EXCLUDED.columns,"
                + " imported_by = EXCLUDED.imported_by, imported_at = now()")) {
            s.setString(1, release);
            s.setString(2, file.kind().name());
            s.setString(3, file.fileName());
            s.setString(4, file.sha256());
            s.setInt(5, file.values().size());
            Array columns = connection.createArrayOf("text", file.columns().toArray());
            s.setArray(6, columns);
            s.setString(7, caller.username());
            s.executeUpdate();
        }
    }

    /** Every imported release with the provenance of each of its files; the newest release first. */
    @Transactional
    public List<ReleaseView> releases() {
        return releases(null);
    }

    @Transactional
    public ReleaseView release(String release) {
        return releases(release).stream().findFirst().orElseThrow(() -> ProblemException.notFound(Missing.KIEL_RELEASE, release));
    }

    private List<ReleaseView> releases(String only) {
        List<ReleaseView> result = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT r.release, r.label, r.period, r.release_date,"
                    + " i.file_kind, i.file_name, i.sha256, i.row_count, i.columns, i.imported_by, i.imported_at"
                    + " FROM aid_release r LEFT JOIN aid_import i ON i.release = r.release"
                    + " WHERE ?::text IS NULL OR r.release = ?"
                    + " ORDER BY r.release_date DESC NULLS LAST,"
                    + " max(i.imported_at) OVER (PARTITION BY r.release) DESC, r.release, i.file_kind")) {
                s.setString(1, only);
                s.setString(2, only);
                try (ResultSet rs = s.executeQuery()) {
                    ReleaseView current = null;
                    while (rs.next()) {
                        String release = rs.getString(1);
                        if (current == null || !current.release().equals(release)) {
                            Date date = rs.getDate(4);
                            current = new ReleaseView(release, rs.getString(2), rs.getString(3),
                                    date == null ? null : date.toLocalDate(), new ArrayList<>());
                            result.add(current);
                        }
                        if (rs.getString(5) != null) {
                            current.files().add(new FileView(KielFile.valueOf(rs.getString(5)), rs.getString(6),
                                    rs.getString(7), rs.getInt(8), Arrays.asList((String[]) rs.getArray(9).getArray()),
                                    rs.getString(10), rs.getTimestamp(11).toInstant()));
                        }
                    }
                }
            }
        });
        return result;
    }
}
