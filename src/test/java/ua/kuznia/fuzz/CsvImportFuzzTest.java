package ua.kuznia.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Tokens;

/**
 * The two CSV imports (Kiel releases at /api/v1/aid/imports, aid records at
 * /api/v1/aid/records/import) against files that are broken in the ways real files are: bad
 * quoting, the wrong encoding, missing or repeated columns, enormous cells, 100 MB uploads with and
 * without a Content-Length. Each is refused with a 4xx problem document (413 when too large) and
 * leaves every application table as it was.
 */
@QuarkusTest
class CsvImportFuzzTest {

    static final String KIEL = "/api/v1/aid/imports";
    static final String RECORDS = "/api/v1/aid/records/import";
    static final long SEED = Long.getLong("kuznia.fuzz.seed", new Random().nextLong());
    static final String RECORDS_HEADER = "donor_country,as_of_date,support_model,capability_area,commitment_date,"
            + "committed_value_eur,delivered_value_eur,committed_quantity,delivered_quantity,quantity_unit,"
            + "first_delivery_date,last_delivery_date,source,notes";
    static final String KIEL_HEADER = "\"country\",\"iso\",\"year\",\"month\",\"total\",\"financial\",\"humanitarian\","
            + "\"military\",\"commitments\",\"to_be_allocated\",\"gdp\",\"pct_gdp\"";
    static final long HUNDRED_MB = 100L * 1024 * 1024;

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URL base;

    static String recordRow(String source, String notes) {
        return "PL,2025-03-31,INDUSTRY_PROCUREMENT,munitions.artillery-155,2024-02-20,1000000,500000,1000,500,rounds,"
                + "2024-06-10,," + source + "," + notes + "\r\n";
    }

    static String recordsFile(String source) {
        return RECORDS_HEADER + "\r\n" + recordRow(source, "\"Київ, Lviv\"") + recordRow(source, "plain");
    }

    static String kielFile() {
        return KIEL_HEADER + "\r\n\"Poland\",\"POL\",2023,5,0.5,0.1,0.1,0.3,0.5,0,700.5,0.07\r\n"
                + "\"Україна\",\"UKR\",2023,6,0.2,0.1,0,0.1,0.2,0,180.2,0.11\r\n";
    }

    /** Named broken files: each must be refused. */
    static Map<String, byte[]> brokenRecordFiles() {
        String source = Fixtures.unique("csv-fuzz");
        String good = recordsFile(source);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("unterminated quote", utf8(good + recordRow(source, "\"never closed")));
        files.put("quote inside an unquoted field", utf8(good + recordRow(source, "12\" shells")));
        files.put("text after a closing quote", utf8(good + recordRow(source, "\"closed\"then more")));
        files.put("quoted line break swallowing the file", utf8(RECORDS_HEADER + "\r\n\"" + good));
        files.put("UTF-16LE with BOM", encode(good, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}));
        files.put("UTF-16BE with BOM", encode(good, StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}));
        files.put("UTF-16 without BOM", good.getBytes(StandardCharsets.UTF_16LE));
        files.put("Windows-1251", good.getBytes(Charset.forName("windows-1251")));
        files.put("invalid UTF-8 sequence", concat(utf8(good), new byte[] {'P', 'L', ',', (byte) 0xC3, 0x28, '\r', '\n'}));
        files.put("truncated UTF-8 character", concat(utf8(good.substring(0, good.length() - 3)), new byte[] {(byte) 0xD0}));
        files.put("UTF-8 BOM then a broken row", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8(good + "PL,2025-03-31\r\n")));
        files.put("only a BOM", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        files.put("empty", new byte[0]);
        files.put("no header row", utf8(recordRow(source, "x") + recordRow(source, "y")));
        files.put("missing required column", utf8(RECORDS_HEADER.replace("source,", "") + "\r\n"
                + recordRow(source, "x").replace("," + source + ",", ",")));
        files.put("duplicated column", utf8(RECORDS_HEADER + ",source\r\n" + recordRow(source, "x").replace("\r\n", "," + source + "\r\n")));
        files.put("unknown column", utf8(RECORDS_HEADER + ",colour\r\n" + recordRow(source, "x").replace("\r\n", ",red\r\n")));
        files.put("row longer than header", utf8(good + recordRow(source, "x,extra")));
        files.put("NUL bytes", utf8(good + recordRow(source, "a\u0000b")));
        files.put("4 MB cell", utf8(good + recordRow(source, "x".repeat(4 * 1024 * 1024))));
        files.put("4 MB unquoted header name", utf8("y".repeat(4 * 1024 * 1024) + "\r\n1\r\n"));
        files.put("overflowing number", utf8(good + recordRow(source, "x").replace("1000000,", "1e400000000,")));
        files.put("date far out of range", utf8(good + recordRow(source, "x").replace("2024-02-20", "+999999999-12-31")));
        files.put("SQL and HTML in the source", utf8(RECORDS_HEADER + "\r\n"
                + recordRow("'); DELETE FROM aid_record; --", "<script>alert(1)</script>") + recordRow(source, "\"x\" \"")));
        return files;
    }

    static Map<String, byte[]> brokenKielFiles() {
        String good = kielFile();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("unterminated quote", utf8(good + "\"Poland,\"POL\",2023,7,1,1,1,1,1,0,1,1\r\n"));
        files.put("UTF-16LE with BOM", encode(good, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}));
        files.put("Windows-1251", good.getBytes(Charset.forName("windows-1251")));
        files.put("invalid UTF-8", concat(utf8(good), new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}));
        files.put("missing required column", utf8(good.replace("\"iso\",", "")));
        files.put("duplicated column", utf8(KIEL_HEADER + ",\"iso\"\r\n\"Poland\",\"POL\",2023,5,0.5,0.1,0.1,0.3,0.5,0,700.5,0.07,\"POL\"\r\n"));
        files.put("header only, garbage rows", utf8(KIEL_HEADER + "\r\nnot,a,row\r\n"));
        files.put("4 MB cell", utf8(good + "\"" + "P".repeat(4 * 1024 * 1024) + "\",\"POL\",2023,8,1,1,1,1,1,0,1,1\r\n"));
        files.put("month 13 and negative year", utf8(good + "\"Poland\",\"POL\",-2023,13,1,1,1,1,1,0,1,1\r\n"));
        files.put("empty", new byte[0]);
        return files;
    }

    @Test
    void brokenAidRecordFilesAreRefusedAndNothingIsImported() {
        DatabaseFingerprint fingerprint = new DatabaseFingerprint(db);
        fingerprint.awaitIdleJobs();
        Map<String, String> before = fingerprint.take();
        brokenRecordFiles().forEach((what, bytes) -> {
            Response response = upload(RECORDS, "records.csv", bytes, null);
            assertRefused(response, "records: " + what, 400, fingerprint, before);
        });
    }

    @Test
    void brokenKielFilesAreRefusedAndNothingIsImported() {
        DatabaseFingerprint fingerprint = new DatabaseFingerprint(db);
        fingerprint.awaitIdleJobs();
        Map<String, String> before = fingerprint.take();
        brokenKielFiles().forEach((what, bytes) -> {
            Response response = upload(KIEL, "data_explorer.csv", bytes, Fixtures.unique("fuzz"));
            assertRefused(response, "Kiel: " + what, 400, fingerprint, before);
        });
        // Two files of the same kind, a release_info.csv with two rows, an unknown file, no file at all.
        Response twice = given().auth().oauth2(Tokens.coordinator()).multiPart("file", "data_explorer.csv", utf8(kielFile()), "text/csv")
                .multiPart("file", "data_explorer.csv", utf8(kielFile()), "text/csv").multiPart("release", "fuzz-twice").post(KIEL);
        assertRefused(twice, "Kiel: the same file twice", 400, fingerprint, before);
        Response twoReleases = given().auth().oauth2(Tokens.coordinator()).multiPart("file", "release_info.csv",
                utf8("\"release\",\"period\",\"date\",\"label\"\r\n\"98\",\"01/2026\",\"2026-01-01\",\"a\"\r\n"
                        + "\"99\",\"02/2026\",\"2026-02-01\",\"b\"\r\n"), "text/csv").post(KIEL);
        assertRefused(twoReleases, "Kiel: two releases in release_info.csv", 400, fingerprint, before);
        assertRefused(upload(KIEL, "invoice.csv", utf8("a,b\r\n1,2\r\n"), "fuzz-unknown"), "Kiel: unknown file", 400,
                fingerprint, before);
        assertRefused(given().auth().oauth2(Tokens.coordinator()).multiPart("release", "fuzz-nofile").post(KIEL),
                "Kiel: no file part", 400, fingerprint, before);
        assertRefused(upload(KIEL, "data_explorer.csv", utf8(kielFile()), "../../etc"), "Kiel: release label with a path",
                400, fingerprint, before);
    }

    /**
     * jqwik-generated damage to a valid file: characters deleted, quotes, commas, line breaks and
     * stray bytes inserted. A file that is still valid may be imported; a refused one changes nothing.
     */
    @Test
    void randomlyDamagedFilesAreEitherImportedOrRefusedCleanly() {
        SourceOfRandomness.create(String.valueOf(SEED));
        DatabaseFingerprint fingerprint = new DatabaseFingerprint(db);
        fingerprint.awaitIdleJobs();
        Arbitrary<byte[]> damaged = Combinators.combine(Arbitraries.of(true, false), damage()).as((records, edits) ->
                apply(utf8(records ? recordsFile(Fixtures.unique("damaged")) : kielFile()), edits));
        Iterator<byte[]> files = damaged.sampleStream().iterator();
        int tries = Integer.getInteger("kuznia.fuzz.tries", 40);
        for (int i = 0; i < tries; i++) {
            byte[] file = files.next();
            boolean records = file[0] == 'd' || file[0] == 'D';
            Map<String, String> before = fingerprint.take();
            Response response = records ? upload(RECORDS, "records.csv", file, null)
                    : upload(KIEL, "data_explorer.csv", file, Fixtures.unique("fuzz"));
            String what = "seed " + SEED + ", " + (records ? "records" : "Kiel") + " file "
                    + WriteEndpointFuzzTest.abbreviate(new String(file, StandardCharsets.UTF_8));
            if (response.statusCode() >= 400) {
                assertRefused(response, what, response.statusCode(), fingerprint, before);
            } else {
                // A Kiel release answers 200 (importing again replaces it), aid records 201.
                assertEquals(records ? 201 : 200, response.statusCode(), what + ": " + response.asString());
                fingerprint.awaitIdleJobs();
            }
        }
    }

    /** Up to five edits: (position fraction, bytes to insert, how many bytes to delete). */
    record Edit(double at, byte[] insert, int delete) {
    }

    static Arbitrary<List<Edit>> damage() {
        Arbitrary<byte[]> inserts = Arbitraries.oneOf(
                Arbitraries.of("\"", ",", "\r\n", "\n", "\r", "\"\"", ",\"", "\u0000", "é", "\uFEFF").map(CsvImportFuzzTest::utf8),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4));
        return Combinators.combine(Arbitraries.doubles().between(0, 1), inserts, Arbitraries.integers().between(0, 3))
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(5);
    }

    /** Damages the file after its header, so the endpoint still recognizes what kind of file it is. */
    static byte[] apply(byte[] file, List<Edit> edits) {
        int headerEnd = new String(file, StandardCharsets.UTF_8).indexOf('\n') + 1;
        byte[] current = file;
        for (Edit edit : edits) {
            int at = headerEnd + (int) ((current.length - headerEnd) * edit.at());
            int deleteEnd = Math.min(current.length, at + edit.delete());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(current, 0, at);
            out.writeBytes(edit.insert());
            out.write(current, deleteEnd, current.length - deleteEnd);
            current = out.toByteArray();
        }
        return current;
    }

    @Test
    void a100MegabyteUploadIsRefusedWith413AndNothingIsImported() throws Exception {
        DatabaseFingerprint fingerprint = new DatabaseFingerprint(db);
        fingerprint.awaitIdleJobs();
        Map<String, String> before = fingerprint.take();
        for (String path : List.of(KIEL, RECORDS)) {
            for (boolean declared : List.of(true, false)) {
                String what = path + " with 100 MB " + (declared ? "and a Content-Length" : "chunked");
                HttpResponse<String> response;
                try {
                    response = streamHundredMegabytes(path, declared);
                } catch (java.io.IOException cutOff) {
                    // The service answers 413 and closes the connection while this client is still
                    // sending; HTTP/1.1 clients then sometimes lose the answer. Refused either way:
                    // what must hold is that nothing was imported.
                    assertEquals(before, fingerprint.take(), what + " changed the database");
                    continue;
                }
                assertEquals(413, response.statusCode(), what + ": " + response.body());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        what + " answered " + response.headers().firstValue("Content-Type") + ": " + response.body());
                assertTrue(response.body().contains("\"title\"") && response.body().contains("\"detail\""),
                        what + ": " + response.body());
                assertEquals(before, fingerprint.take(), what + " changed the database");
            }
        }
    }

    /** Generates the upload as it is sent: the test never holds more than one 64 KB block of it. */
    private HttpResponse<String> streamHundredMegabytes(String path, boolean declareLength) throws Exception {
        String boundary = "kuznia-fuzz-" + System.nanoTime();
        byte[] head = utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data_explorer.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + KIEL_HEADER + "\r\n");
        byte[] tail = utf8("\r\n--" + boundary + "--\r\n");
        long length = head.length + HUNDRED_MB + tail.length;
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                java.util.Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head), new RepeatedRows(HUNDRED_MB),
                        new java.io.ByteArrayInputStream(tail)))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Authorization", "Bearer " + Tokens.coordinator())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(declareLength ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream).build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code size} bytes of plausible Kiel rows, produced on demand. */
    static final class RepeatedRows extends InputStream {

        private static final byte[] ROW = utf8("\"Poland\",\"POL\",2023,5,0.5,0.1,0.1,0.3,0.5,0,700.5,0.07\r\n");
        private long remaining;
        private int offset;

        RepeatedRows(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            byte b = ROW[offset];
            offset = (offset + 1) % ROW.length;
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                buffer[off + i] = ROW[offset];
                offset = (offset + 1) % ROW.length;
            }
            remaining -= n;
            return n;
        }
    }

    static Response upload(String path, String fileName, byte[] bytes, String release) {
        var request = given().auth().oauth2(Tokens.coordinator()).multiPart("file", fileName, bytes, "text/csv");
        if (release != null) {
            request = request.multiPart("release", release);
        }
        return request.post(path);
    }

    static void assertRefused(Response response, String what, int expectedStatus, DatabaseFingerprint fingerprint,
                              Map<String, String> before) {
        assertEquals(expectedStatus, response.statusCode(), what + ": " + WriteEndpointFuzzTest.abbreviate(response.asString()));
        WriteEndpointFuzzTest.assertProblem(response, what);
        Map<String, String> after = fingerprint.take();
        assertEquals(before, after, what + " was refused but changed " + DatabaseFingerprint.difference(before, after));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(String text, Charset charset, byte[] bom) {
        return concat(bom, text.getBytes(charset));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
