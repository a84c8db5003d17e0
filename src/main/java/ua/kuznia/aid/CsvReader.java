package ua.kuznia.aid;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ViolationMessages;

/**
 * An RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line
 * breaks and doubled quotes; lines end in CRLF (LF alone is accepted too, as spreadsheets on
 * Unix write it). A leading UTF-8 byte-order mark is skipped. Input that is not UTF-8, or whose
 * quoting is broken, is refused rather than guessed at: a misread row would silently change the
 * figures an audit reports.
 */
final class CsvReader {

    /** One record; {@code line} is the line it starts on (1 = the header), as an editor shows it. */
    record Row(int line, List<String> fields) {
    }

    /**
     * The file cannot be read as CSV; {@code line} is 0 when the problem is not on one line.
     * {@code text} says why in any language; the message is its English text.
     */
    static final class CsvException extends RuntimeException {

        final int line;
        final Problem.Text text;

        CsvException(int line, Problem.Text text) {
            super(null, null, false, false);
            this.line = line;
            this.text = text;
        }

        @Override
        public String getMessage() {
            return Problem.Text.english(text);
        }
    }

    private CsvReader() {
    }

    /** Decodes strictly as UTF-8 and parses; the first row is the header. Blank lines are skipped. */
    static List<Row> parse(byte[] bytes) {
        return parse(decode(bytes));
    }

    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CsvException(0, ViolationMessages::csv_not_utf8);
        }
    }

    static List<Row> parse(String text) {
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            // No text column can hold U+0000; a file containing it is binary or mis-encoded.
            throw new CsvException(lineOf(text, nul), ViolationMessages::csv_nul);
        }
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int i = 0;
        int n = text.length();
        boolean rowHasContent = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                // A quoted field: runs to the closing quote, which must end the field.
                int quoteLine = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new CsvException(quoteLine, ViolationMessages::csv_unclosed_quote);
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n' || q == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                rowHasContent = true;
                if (i < n && !isFieldEnd(text, i)) {
                    throw new CsvException(line, ViolationMessages::csv_text_after_quote);
                }
                continue;
            }
            if (c == '"') {
                throw new CsvException(line, ViolationMessages::csv_quote_in_field);
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                rowHasContent = true;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n') {
                // CRLF, LF or a bare CR each end one line.
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                endRow(rows, fields, field, rowLine, rowHasContent);
                rowHasContent = false;
                line++;
                rowLine = line;
                continue;
            }
            field.append(c);
            rowHasContent = true;
            i++;
        }
        endRow(rows, fields, field, rowLine, rowHasContent);
        return rows;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean isFieldEnd(String text, int i) {
        char c = text.charAt(i);
        return c == ',' || c == '\r' || c == '\n';
    }

    private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, int line, boolean hasContent) {
        if (hasContent) {
            fields.add(field.toString());
            rows.add(new Row(line, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
    }
}
