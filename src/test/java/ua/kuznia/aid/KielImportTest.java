package ua.kuznia.aid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Tokens;

/** Kiel Ukraine Support Tracker imports and the reports over them, checked against the CSV files themselves. */
@QuarkusTest
class KielImportTest {

    static final String R29 = "/aid/kiel-ust-release29/";
    static final List<String> R29_FILES = List.of("data_explorer.csv", "procurement_trends.csv", "weapons.csv",
            "total_allocations.csv", "release_info.csv");
    static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Inject
    AgroalDataSource db;

    @Inject
    KielDirectoryImport directoryImport;

    static byte[] resource(String path) {
        try (InputStream in = KielImportTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart upload of the named classpath files, each sent under its own file name. */
    static RequestSpecification upload(String token, String release, Map<String, String> fileToResource) {
        RequestSpecification request = given().auth().oauth2(token).contentType("multipart/form-data");
        for (Map.Entry<String, String> file : fileToResource.entrySet()) {
            request = request.multiPart("file", file.getKey(), resource(file.getValue()), "text/csv");
        }
        return release == null ? request : request.multiPart("release", release);
    }

    static Map<String, String> release29() {
        Map<String, String> files = new TreeMap<>();
        R29_FILES.forEach(f -> files.put(f, R29 + f));
        return files;
    }

    private void importRelease29() {
        upload(Tokens.coordinator(), null, release29()).post("/api/v1/aid/imports").then().statusCode(200);
    }

    private long count(String table, String release) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE release = ?")) {
            s.setString(1, release);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long countAll(String table) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test's own reading of a Kiel CSV, independent of the service's reader: these exports
     * have no commas inside quoted fields, so splitting on commas and dropping quotes is exact.
     */
    static List<Map<String, String>> csv(String path) {
        List<String> lines = new String(resource(path), StandardCharsets.UTF_8).replace("\uFEFF", "").lines()
                .filter(l -> !l.isBlank()).toList();
        List<String> header = split(lines.get(0));
        return lines.subList(1, lines.size()).stream().map(line -> {
            List<String> cells = split(line);
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            return row;
        }).toList();
    }

    private static List<String> split(String line) {
        return List.of(line.split(",", -1)).stream().map(c -> c.replace("\"", "")).toList();
    }

    static Map<String, BigDecimal> sumBy(List<Map<String, String>> rows, String key, String column) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        rows.forEach(r -> sums.merge(r.get(key), new BigDecimal(r.get(column)), BigDecimal::add));
        return sums;
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }

    @Test
    void release29ImportsWithProvenanceAndReimportReplacesInsteadOfDuplicating() {
        JsonPath first = upload(Tokens.coordinator(), null, release29()).post("/api/v1/aid/imports").then().statusCode(200)
                .body("release", equalTo("29"))
                .body("label", equalTo("Ukraine Support Tracker, Release 29 (04/2026)"))
                .body("period", equalTo("04/2026")).body("releaseDate", equalTo("2026-08-04"))
                .body("files.size()", equalTo(5))
                .body("files.find { it.kind == 'DATA_EXPLORER' }.rows", equalTo(1079))
                .extract().jsonPath();
        assertEquals(List.of(), first.getList("files.find { it.kind == 'DATA_EXPLORER' }.missingOptionalColumns"));
        long[] counts = {count("aid_kiel_donor_month", "29"), count("aid_kiel_procurement_month", "29"),
                count("aid_kiel_weapons", "29"), count("aid_kiel_allocation_month", "29")};
        assertEquals(1079, counts[0]);
        assertEquals(52, counts[1]);
        assertEquals(61, counts[2]);
        assertEquals(52, counts[3]);

        upload(Tokens.admin(), null, release29()).post("/api/v1/aid/imports").then().statusCode(200)
                .body("files.find { it.kind == 'DATA_EXPLORER' }.replacedRows", equalTo(1079));
        assertEquals(counts[0], count("aid_kiel_donor_month", "29"));
        assertEquals(counts[1], count("aid_kiel_procurement_month", "29"));
        assertEquals(counts[2], count("aid_kiel_weapons", "29"));
        assertEquals(counts[3], count("aid_kiel_allocation_month", "29"));
        assertEquals(5, count("aid_import", "29"));

        String sha = KielImportService.sha256(resource(R29 + "weapons.csv"));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/imports").then().statusCode(200)
                .body("find { it.release == '29' }.files.size()", equalTo(5))
                .body("find { it.release == '29' }.files.find { it.kind == 'WEAPONS' }.sha256", equalTo(sha))
                .body("find { it.release == '29' }.files.find { it.kind == 'WEAPONS' }.fileName", equalTo("weapons.csv"))
                .body("find { it.release == '29' }.files.find { it.kind == 'WEAPONS' }.importedBy", equalTo("admin"));
        given().auth().oauth2(Tokens.auditor()).queryParam("entityType", "AID_IMPORT").queryParam("entityId", "29")
                .get("/api/v1/audit-trail").then().statusCode(200)
                .body("items.username", hasItem("coordinator")).body("items.note", hasItem(containsString("replacing 1079")));
    }

    @Test
    void stocksVersusProcurementEqualTheSumsOfProcurementTrends() {
        importRelease29();
        List<Map<String, String>> source = csv(R29 + "procurement_trends.csv");
        Map<String, BigDecimal> stockpile = sumBy(source, "year", "stockpile");
        Map<String, BigDecimal> procurement = sumBy(source, "year", "procurement");

        JsonPath report = given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/stocks-vs-procurement").then()
                .statusCode(200).body("release", equalTo("29")).body("sourceFile", equalTo("procurement_trends.csv"))
                .body("credit", startsWith("Source: Kiel Institute for the World Economy"))
                .extract().jsonPath(DECIMALS);
        List<Map<String, Object>> rows = report.getList("rows");
        assertEquals(stockpile.keySet().size(), rows.size());
        for (Map<String, Object> row : rows) {
            String year = row.get("year").toString();
            assertEquals(0, stockpile.get(year).compareTo(decimal(row.get("stockpile"))), "stockpile " + year);
            assertEquals(0, procurement.get(year).compareTo(decimal(row.get("procurement"))), "procurement " + year);
        }
        // The figures the aid audit quotes (EUR bn, rounded to 2 decimals), from the report...
        Map<String, String> expected = Map.of("2022", "21.34 10.06", "2023", "20.24 19.61", "2024", "12.87 24.36");
        expected.forEach((year, figures) -> {
            Map<String, Object> row = rows.stream().filter(r -> r.get("year").toString().equals(year)).findFirst().orElseThrow();
            assertEquals(figures, round(decimal(row.get("stockpile"))) + " " + round(decimal(row.get("procurement"))));
            // ...and from the CSV directly.
            assertEquals(figures, round(stockpile.get(year)) + " " + round(procurement.get(year)));
        });
    }

    private static String round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void totalsByYearAndByDonorReconcileWithDataExplorer() {
        importRelease29();
        List<Map<String, String>> source = csv(R29 + "data_explorer.csv");
        for (String column : List.of("total", "financial", "humanitarian", "military", "commitments")) {
            Map<String, BigDecimal> byYear = sumBy(source, "year", column);
            List<Map<String, Object>> rows = given().auth().oauth2(Tokens.coordinator())
                    .get("/api/v1/aid/reports/totals?release=29&by=year").then().statusCode(200)
                    .extract().jsonPath(DECIMALS).getList("rows");
            assertEquals(byYear.size(), rows.size());
            rows.forEach(r -> assertEquals(0, byYear.get(r.get("year").toString()).compareTo(decimal(r.get(column))),
                    column + " " + r.get("year")));
        }
        Map<String, BigDecimal> military = sumBy(source, "iso", "military");
        Map<String, BigDecimal> total = sumBy(source, "iso", "total");
        JsonPath byDonor = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/aid/reports/totals?release=29&by=donor")
                .then().statusCode(200).extract().jsonPath(DECIMALS);
        List<Map<String, Object>> rows = byDonor.getList("rows");
        assertEquals(42, rows.size());
        rows.forEach(r -> {
            assertEquals(0, military.get((String) r.get("iso")).compareTo(decimal(r.get("military"))), "military " + r.get("iso"));
            assertEquals(0, total.get((String) r.get("iso")).compareTo(decimal(r.get("total"))), "total " + r.get("iso"));
        });
        assertEquals(1079, rows.stream().mapToInt(r -> ((Number) r.get("sourceRows")).intValue()).sum());
        assertEquals("Germany", byDonor.getString("rows.find { it.iso == 'DEU' }.donor"));
    }

    @Test
    void heavyWeaponsByCategoryAndByDonorReconcileWithWeaponsCsv() {
        importRelease29();
        List<Map<String, String>> source = csv(R29 + "weapons.csv");
        Map<String, BigDecimal> pieces = sumBy(source, "category", "number_of_weapons");
        Map<String, BigDecimal> value = sumBy(source, "category", "monetary_value_eur");
        List<Map<String, Object>> rows = given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/heavy-weapons?release=29")
                .then().statusCode(200).body("unit", containsString("EUR")).extract().jsonPath(DECIMALS).getList("rows");
        assertEquals(pieces.size(), rows.size());
        rows.forEach(r -> {
            assertEquals(0, pieces.get((String) r.get("category")).compareTo(decimal(r.get("numberOfWeapons"))));
            assertEquals(0, value.get((String) r.get("category")).compareTo(decimal(r.get("monetaryValueEur"))));
        });
        Map<String, BigDecimal> byDonor = sumBy(source, "donor", "number_of_weapons");
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/heavy-weapons?release=29&by=donor").then()
                .statusCode(200).body("rows.size()", equalTo(byDonor.size()))
                .body("rows.find { it.donor == 'United States' }.numberOfWeapons",
                        equalTo(byDonor.get("United States").intValue()));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/heavy-weapons?release=29&by=donor-category").then()
                .statusCode(200).body("rows.size()", equalTo(source.size()));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/heavy-weapons?release=29&by=tank").then()
                .statusCode(400).body("violations[0].field", equalTo("by"))
                .body("violations[0].message", containsString("donor-category"));
    }

    @Test
    void reportsAreCsvWhenAskedForByAcceptHeaderOrFormat() {
        importRelease29();
        String byFormat = given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/stocks-vs-procurement?release=29&format=csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("kiel-29-stocks-vs-procurement.csv")).extract().asString();
        String byAccept = given().auth().oauth2(Tokens.auditor()).accept("text/csv")
                .get("/api/v1/aid/reports/stocks-vs-procurement?release=29").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals(byFormat, byAccept);
        List<String> lines = byFormat.lines().toList();
        assertEquals("year,sourceRows,stockpile,procurement,unspecified,natoPurl,stockpileShare", lines.get(0));
        BigDecimal stockpile2022 = sumBy(csv(R29 + "procurement_trends.csv"), "year", "stockpile").get("2022");
        List<String> row2022 = List.of(lines.get(1).split(","));
        assertEquals("2022", row2022.get(0));
        assertEquals("12", row2022.get(1));
        assertEquals(0, stockpile2022.compareTo(new BigDecimal(row2022.get(2))));
        assertTrue(byFormat.contains("\r\n"), "RFC 4180 lines end in CRLF");
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/stocks-vs-procurement?format=xml").then()
                .statusCode(400).body("violations[0].field", equalTo("format"));
    }

    @Test
    void aReleaseWithAnotherColumnSetImportsAndReportsFromTheColumnsItHas() {
        String release = Fixtures.unique("older");
        Map<String, String> files = Map.of("data_explorer.csv", "/aid/variant-release/data_explorer.csv",
                "procurement_trends.csv", "/aid/variant-release/procurement_trends.csv");
        JsonPath imported = upload(Tokens.coordinator(), release, files).post("/api/v1/aid/imports").then().statusCode(200)
                .body("release", equalTo(release)).extract().jsonPath();
        assertEquals(List.of("commitments", "to_be_allocated"),
                imported.getList("files.find { it.kind == 'DATA_EXPLORER' }.missingOptionalColumns"));
        assertEquals(List.of("nato_purl"), imported.getList("files.find { it.kind == 'PROCUREMENT_TRENDS' }.missingOptionalColumns"));
        List<Map<String, String>> source = csv("/aid/variant-release/data_explorer.csv");
        assertEquals(source.size(), count("aid_kiel_donor_month", release));

        Map<String, BigDecimal> military = sumBy(source, "year", "military");
        List<Map<String, Object>> rows = given().auth().oauth2(Tokens.auditor())
                .get("/api/v1/aid/reports/totals?by=year&release=" + release).then().statusCode(200)
                .body("release", equalTo(release)).extract().jsonPath(DECIMALS).getList("rows");
        assertEquals(military.size(), rows.size());
        rows.forEach(r -> {
            assertEquals(0, military.get(r.get("year").toString()).compareTo(decimal(r.get("military"))));
            assertNull(r.get("commitments"), "the release has no commitments column");
        });
        String csv = given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/totals?by=year&format=csv&release=" + release)
                .then().statusCode(200).extract().asString();
        assertEquals("year,sourceRows,total,financial,humanitarian,military", csv.lines().findFirst().orElseThrow());
        // Without ?release= the reports keep using the latest dated release, 29.
        importRelease29();
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/totals?by=year").then().body("release", equalTo("29"));
    }

    @Test
    void aFileMissingARequiredColumnIsRefusedNamingItAndNothingOfTheUploadIsImported() {
        String release = Fixtures.unique("broken");
        long weapons = countAll("aid_kiel_weapons");
        long provenance = countAll("aid_import");
        Map<String, String> files = Map.of("weapons.csv", R29 + "weapons.csv",
                "data_explorer.csv", "/aid/missing-column/data_explorer.csv");
        upload(Tokens.coordinator(), release, files).post("/api/v1/aid/imports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("data_explorer.csv")).body("detail", containsString("'military'"))
                .body("violations[0].field", equalTo("data_explorer.csv"));
        assertEquals(weapons, countAll("aid_kiel_weapons"));
        assertEquals(provenance, countAll("aid_import"));
        assertEquals(0, count("aid_release", release));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/imports").then()
                .body("release", not(hasItem(release)));
    }

    @Test
    void badFilesAreRefusedNamingFileLineAndColumn() {
        String release = Fixtures.unique("bad");
        given().auth().oauth2(Tokens.coordinator()).contentType("multipart/form-data")
                .multiPart("file", "weapons.csv", resource(R29 + "weapons.csv"), "text/csv")
                .post("/api/v1/aid/imports").then().statusCode(400)
                .body("violations[0].field", equalTo("release"));
        byte[] brokenQuote = "donor,category,number_of_weapons\n\"A\",\"Tanks\",1\n\"B,\"Tanks\",2\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] notANumber = "year,month,stockpile,procurement\n2022,1,0.5,abc\n2022,13,1,1\n".getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(Tokens.coordinator()).contentType("multipart/form-data")
                .multiPart("file", "weapons.csv", brokenQuote, "text/csv")
                .multiPart("file", "procurement_trends.csv", notANumber, "text/csv")
                .multiPart("file", "notes.txt", "hello,world\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("release", release)
                .post("/api/v1/aid/imports").then().statusCode(400)
                .body("violations.field", hasItem("weapons.csv, line 3"))
                .body("violations.field", hasItem("procurement_trends.csv, line 2, column procurement"))
                .body("violations.field", hasItem("procurement_trends.csv, line 3, column month"))
                .body("violations.field", hasItem("notes.txt"));
        byte[] latin1 = "donor,category,number_of_weapons\nTürkiye,Tanks,1\n".getBytes(StandardCharsets.ISO_8859_1);
        given().auth().oauth2(Tokens.coordinator()).contentType("multipart/form-data")
                .multiPart("file", "weapons.csv", latin1, "text/csv").multiPart("release", release)
                .post("/api/v1/aid/imports").then().statusCode(400)
                .body("violations[0].field", equalTo("weapons.csv")).body("violations[0].message", containsString("UTF-8"));
        assertEquals(0, count("aid_release", release));
    }

    @Test
    void anUnknownReleaseIsNotFound() {
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/stocks-vs-procurement?release=no-such-release")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyCoordinatorsAndAdminsImportAndOnlyStaffReadImportsAndReports() {
        String maker = Tokens.token("maker-x", "manufacturer", null);
        String ministry = Tokens.token("ministry-x", "ministry", null);
        for (String token : List.of(maker, ministry, Tokens.auditor())) {
            upload(token, "29", Map.of("weapons.csv", R29 + "weapons.csv")).post("/api/v1/aid/imports").then().statusCode(403);
        }
        for (String token : List.of(maker, ministry)) {
            given().auth().oauth2(token).get("/api/v1/aid/imports").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/aid/reports/totals").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/aid/reports/stocks-vs-procurement").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/aid/reports/heavy-weapons").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/aid/reports/what-worked-best").then().statusCode(403);
        }
        given().get("/api/v1/aid/reports/totals").then().statusCode(401);
    }

    @Test
    void startUpImportsEachReleaseDirectoryOnceAndLeavesUnchangedOnesAlone() throws IOException {
        String release = Fixtures.unique("dir");
        Path dir = Files.createTempDirectory("kiel-import");
        Path releaseDir = Files.createDirectory(dir.resolve("release"));
        Files.writeString(releaseDir.resolve("release_info.csv"),
                "\"release\",\"period\",\"date\",\"label\"\n\"" + release + "\",\"01/2020\",\"2020-02-01\",\"Test release\"\n");
        Files.write(releaseDir.resolve("weapons.csv"), resource(R29 + "weapons.csv"));
        Files.writeString(releaseDir.resolve("README.md"), "not a Kiel export, ignored");

        assertEquals(1, directoryImport.importDirectory(dir));
        assertEquals(61, count("aid_kiel_weapons", release));
        assertEquals(0, directoryImport.importDirectory(dir));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/imports").then()
                .body("find { it.release == '" + release + "' }.files.size()", equalTo(2))
                .body("find { it.release == '" + release + "' }.files[0].importedBy", equalTo("system"))
                .body("find { it.release == '" + release + "' }.releaseDate", equalTo("2020-02-01"));
    }
}
