package ua.kuznia.aid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs in the application: the reader's messages are rendered from the ViolationMessages bundle. */
@QuarkusTest
class CsvReaderTest {

    private static List<CsvReader.Row> parse(String text) {
        return CsvReader.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> fields(String text) {
        return parse(text).stream().map(CsvReader.Row::fields).toList();
    }

    @Test
    void plainFieldsAndEmptyFields() {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "", "3"), List.of("", "", "")),
                fields("a,b,c\n1,,3\n,,\n"));
    }

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() {
        List<CsvReader.Row> rows = parse("name,note\r\n\"Smith, J.\",\"said \"\"hi\"\"\r\nthen left\"\r\n\"\",x\r\n");
        assertEquals(List.of("Smith, J.", "said \"hi\"\r\nthen left"), rows.get(1).fields());
        assertEquals(List.of("", "x"), rows.get(2).fields());
    }

    @Test
    void linesAreCountedAsAnEditorShowsThemIncludingLinesInsideQuotes() {
        List<CsvReader.Row> rows = parse("h1,h2\r\n\"a\nb\nc\",1\r\n\r\nlast,2");
        assertEquals(3, rows.size());
        assertEquals(1, rows.get(0).line());
        assertEquals(2, rows.get(1).line());
        // The quoted field spans lines 2 to 4, line 5 is blank, so the last record is on line 6.
        assertEquals(6, rows.get(2).line());
    }

    @Test
    void crlfLfAndBareCrAllEndLines() {
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), fields("a\r\nb\nc\rd"));
    }

    @Test
    void aLeadingByteOrderMarkIsSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "year,month\n2022,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        assertEquals(List.of("year", "month"), CsvReader.parse(bytes).get(0).fields());
    }

    @Test
    void utf8TextIsKeptAndOtherEncodingsAreRefused() {
        assertEquals(List.of("Київ", "Zürich"), fields("Київ,Zürich").get(0));
        byte[] latin1 = "Zürich,1".getBytes(StandardCharsets.ISO_8859_1);
        CsvReader.CsvException e = assertThrows(CsvReader.CsvException.class, () -> CsvReader.parse(latin1));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsRefusedNamingTheLineItOpensOn() {
        CsvReader.CsvException e = assertThrows(CsvReader.CsvException.class, () -> parse("a,b\n1,2\n3,\"never closed\n4,5\n"));
        assertEquals(3, e.line);
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        CsvReader.CsvException e = assertThrows(CsvReader.CsvException.class, () -> parse("a,b\n\"x\"y,2\n"));
        assertEquals(2, e.line);
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsRefused() {
        CsvReader.CsvException e = assertThrows(CsvReader.CsvException.class, () -> parse("a,b\n1,2\n12\"inch,3\n"));
        assertEquals(3, e.line);
    }

    @Test
    void tablesFindColumnsByNameAndRefuseRowsWithTheWrongNumberOfFields() {
        CsvTable table = CsvTable.read(" Year ,MONTH\n2022,\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("2022", table.value(table.rows().get(0), "year"));
        assertNull(table.value(table.rows().get(0), "month"));
        assertNull(table.value(table.rows().get(0), "absent"));
        CsvReader.CsvException e = assertThrows(CsvReader.CsvException.class,
                () -> CsvTable.read("a,b\n1,2\n1,2,3\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, e.line);
    }
}
