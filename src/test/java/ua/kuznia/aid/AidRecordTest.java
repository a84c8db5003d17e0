package ua.kuznia.aid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Tokens;

/** Aid records entered one by one and imported from the project's CSV format, and the support-model reports. */
@QuarkusTest
class AidRecordTest {

    static final String HEADER = "donor_country,as_of_date,support_model,capability_area,commitment_date,"
            + "committed_value_eur,delivered_value_eur,committed_quantity,delivered_quantity,quantity_unit,"
            + "first_delivery_date,last_delivery_date,source,notes";

    @Inject
    AgroalDataSource db;

    static ValidatableResponse importCsv(String token, String fileName, byte[] bytes) {
        return given().auth().oauth2(token).contentType("multipart/form-data")
                .multiPart("file", fileName, bytes, "text/csv").post("/api/v1/aid/records/import").then();
    }

    static ValidatableResponse importCsv(String text) {
        return importCsv(Tokens.coordinator(), "records.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private long recordsWithSource(String source) {
        return recordsWithSource(db, source);
    }

    /** Aid records stored with this source text: what a refused import must leave at zero. */
    static long recordsWithSource(javax.sql.DataSource db, String source) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM aid_record WHERE source = ?")) {
            s.setString(1, source);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> body(String source) {
        Map<String, Object> body = new HashMap<>();
        body.put("donorCountry", "DK");
        body.put("asOfDate", "2025-03-31");
        body.put("supportModel", "DIRECT_FINANCING");
        body.put("area", "artillery.self-propelled");
        body.put("commitmentDate", "2024-03-15");
        body.put("committedValueEur", 250_000_000);
        body.put("deliveredValueEur", 180_000_000);
        body.put("committedQuantity", 18);
        body.put("deliveredQuantity", 12);
        body.put("quantityUnit", "systems");
        body.put("firstDeliveryDate", "2024-07-01");
        body.put("lastDeliveryDate", "2025-02-20");
        body.put("source", source);
        return body;
    }

    @Test
    void aCoordinatorEntersARecordThatStaffCanReadAndFilter() {
        String source = Fixtures.unique("entered");
        var created = given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(body(source))
                .post("/api/v1/aid/records").then().statusCode(201)
                .body("createdBy", equalTo("coordinator")).body("committedValueEur", equalTo(250_000_000))
                .extract();
        int id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/aid/records/" + id), created.header("Location"));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/records/{id}", id).then().statusCode(200)
                .body("source", equalTo(source)).body("area", equalTo("artillery.self-propelled"));
        given().auth().oauth2(Tokens.auditor()).queryParam("donor", "dk").queryParam("model", "DIRECT_FINANCING")
                .queryParam("area", "artillery").queryParam("year", 2024).queryParam("size", 200)
                .get("/api/v1/aid/records").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.auditor()).queryParam("year", 2023).queryParam("size", 200)
                .get("/api/v1/aid/records").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.auditor()).queryParam("model", "GIFT").get("/api/v1/aid/records").then()
                .statusCode(400).body("violations[0].field", equalTo("model"));
        given().auth().oauth2(Tokens.auditor()).queryParam("entityType", "AID_RECORD").queryParam("entityId", String.valueOf(id))
                .get("/api/v1/audit-trail").then().body("items.action", hasItem("CREATE"));

        String maker = Tokens.token("maker-y", "manufacturer", null);
        given().auth().oauth2(maker).contentType(ContentType.JSON).body(body(source)).post("/api/v1/aid/records").then().statusCode(403);
        given().auth().oauth2(maker).get("/api/v1/aid/records").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).contentType(ContentType.JSON).body(body(source)).post("/api/v1/aid/records").then()
                .statusCode(403);
    }

    @Test
    void anInvalidRecordListsEveryProblemByField() {
        Map<String, Object> body = body(Fixtures.unique("invalid"));
        body.put("donorCountry", "XX");
        body.put("area", "munitions.no-such-area");
        body.put("firstDeliveryDate", "2024-01-01");
        body.put("committedValueEur", -5);
        body.remove("quantityUnit");
        body.remove("source");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(body).post("/api/v1/aid/records").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("donorCountry", "area", "firstDeliveryDate", "committedValueEur",
                        "quantityUnit", "source"));
        body.put("supportModel", "GIFT");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(body).post("/api/v1/aid/records").then()
                .statusCode(400).body("violations[0].field", equalTo("supportModel"));
    }

    @Test
    void aFileWithABadRowIsRefusedNamingLineAndColumnAndNothingOfItIsImported() {
        String source = Fixtures.unique("csv");
        StringBuilder good = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < 5; i++) {
            good.append("CZ,2025-03-31,INDUSTRY_PROCUREMENT,munitions.artillery-155,2024-02-20,1000000,500000,1000,500,rounds,")
                    .append("2024-06-10,,").append(source).append(",\"row ").append(i).append(", with a comma\"\r\n");
        }
        // Line 7: a decimal comma, quoted so the row still has the right number of fields.
        String bad = good + "CZ,2025-03-31,INDUSTRY_PROCUREMENT,munitions.artillery-155,2024-02-20,\"12,5\",0,,,,,," + source + ",\r\n";
        importCsv(bad).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("line 7, column committed_value_eur"))
                .body("violations[0].message", containsString("'12,5' is not a number"));
        assertEquals(0, recordsWithSource(source));

        String dates = good + "CZ,2025-03-31,INDUSTRY_PROCUREMENT,munitions.nope,2024-02-20,5,0,,,,2024-01-01,,"
                + source + ",\r\n";
        importCsv(dates).statusCode(400)
                .body("violations.field", hasItems("line 7, column capability_area", "line 7, column first_delivery_date"));
        assertEquals(0, recordsWithSource(source));

        importCsv(good.toString()).statusCode(201).body("imported", equalTo(5));
        assertEquals(5, recordsWithSource(source));
        importCsv(good.toString()).statusCode(409);
        assertEquals(5, recordsWithSource(source));
    }

    /** A double submit: the same file twice at once is imported once, and the other upload is told so. */
    @Test
    void theSameFileUploadedTwiceAtOnceIsImportedOnce() throws Exception {
        String source = Fixtures.unique("twice");
        StringBuilder file = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < 200; i++) {
            file.append("PL,2025-03-31,INDUSTRY_PROCUREMENT,munitions.artillery-155,2024-02-20,1000,500,10,5,rounds,")
                    .append("2024-06-10,,").append(source).append(",row ").append(i).append("\r\n");
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> uploads = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                uploads.add(pool.submit(() -> importCsv(file.toString()).extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> upload : uploads) {
                statuses.add(upload.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, recordsWithSource(source));
    }

    @Test
    void brokenQuotingForeignEncodingsAndUnknownColumnsAreRefused() {
        String source = Fixtures.unique("quote");
        String row = "CZ,2025-03-31,INDUSTRY_PROCUREMENT,munitions.mortar,2024-02-20,1,1,,,,,," + source;
        importCsv(HEADER + "\n" + row + ",ok\n" + row + ",\"never closed\n").statusCode(400)
                .body("violations[0].field", equalTo("line 3")).body("violations[0].message", containsString("never closed"));
        importCsv(HEADER + "\n" + row + ",ok\n" + row + ",\"a\"b\n").statusCode(400)
                .body("violations[0].field", equalTo("line 3"));
        importCsv(HEADER + "\n" + row + ",ok,extra\n").statusCode(400).body("violations[0].field", equalTo("line 2"));
        importCsv(Tokens.coordinator(), "records.csv", (HEADER + "\n" + row + ",Zürich\n").getBytes(StandardCharsets.ISO_8859_1))
                .statusCode(400).body("detail", containsString("UTF-8"));
        importCsv(HEADER.replace("notes", "remarks") + "\n" + row + ",x\n").statusCode(400)
                .body("violations[0].field", equalTo("header")).body("violations[0].message", containsString("'remarks'"));
        importCsv(HEADER.replace(",source,", ",") + "\n").statusCode(400)
                .body("violations.message", hasItem(containsString("'source'")));
        assertEquals(0, recordsWithSource(source));
        given().auth().oauth2(Tokens.coordinator()).contentType("multipart/form-data").multiPart("other", "x")
                .post("/api/v1/aid/records/import").then().statusCode(400).body("violations[0].field", equalTo("file"));
    }

    @Test
    void theDocumentedExampleImports() {
        String doc = new String(KielImportTest.resource("/aid/AID_RECORDS_FORMAT.md"), StandardCharsets.UTF_8);
        String example = doc.substring(doc.indexOf("```csv\n") + 7, doc.indexOf("```", doc.indexOf("```csv\n") + 7));
        importCsv(Tokens.admin(), "example.csv", example.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("imported", equalTo(3)).body("fileName", equalTo("example.csv"));
        assertEquals(List.of(HEADER), example.lines().limit(1).toList(), "the documented header is the format's header");
    }

    @Test
    void supportModelReportsReconcileWithTheRecords() {
        // radar.counter-battery is used by no other test, so the figures are exactly these rows'.
        String source = Fixtures.unique("report");
        String area = "radar.counter-battery";
        String csv = HEADER + "\n"
                + "DK,2025-01-31,DIRECT_FINANCING," + area + ",2023-05-01,100,100,10,10,systems,2023-05-31,,"
                + source + ",\n"
                + "DK,2025-01-31,DIRECT_FINANCING," + area + ",2024-01-01,300,150,10,5,systems,2024-03-01,,"
                + source + ",\n"
                + "DE,2025-01-31,STOCK_DONATION," + area + ",2024-02-01,50,50,,,,2024-02-11,2024-03-01,"
                + source + ",\n"
                + "DE,2025-01-31,JOINT_VENTURE," + area + ",2024-06-01,200,0,,,,,," + source + ",\n";
        importCsv(csv).statusCode(201).body("imported", equalTo(4));

        String models = "/api/v1/aid/reports/support-models?area=" + area;
        given().auth().oauth2(Tokens.auditor()).get(models).then().statusCode(200)
                .body("rows.size()", equalTo(3))
                .body("method", containsString("0.6"))
                // 400 committed, 250 delivered; lead times 30 and 60 days.
                .body("rows.find { it.model == 'DIRECT_FINANCING' }.committedValueEur", equalTo(400.0f))
                .body("rows.find { it.model == 'DIRECT_FINANCING' }.deliveredValueEur", equalTo(250.0f))
                .body("rows.find { it.model == 'DIRECT_FINANCING' }.deliveryRatio", equalTo(0.625f))
                .body("rows.find { it.model == 'DIRECT_FINANCING' }.medianLeadDays", equalTo(45.0f))
                .body("rows.find { it.model == 'DIRECT_FINANCING' }.transferTypes", equalTo(List.of("DIRECT_FINANCING")))
                // 0.6 × 0.625 + 0.4 × 1 / (1 + 45 / 90)
                .body("rows.find { it.model == 'DIRECT_FINANCING' }.effectiveness", equalTo(0.6417f))
                .body("rows.find { it.model == 'STOCK_DONATION' }.effectiveness", equalTo(0.96f))
                .body("rows.find { it.model == 'JOINT_VENTURE' }.effectiveness", equalTo(0.0f))
                .body("rows.find { it.model == 'JOINT_VENTURE' }.recordsWithDelivery", equalTo(0));

        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/what-worked-best?area=" + area).then().statusCode(200)
                .body("rows.model", equalTo(List.of("STOCK_DONATION", "DIRECT_FINANCING", "JOINT_VENTURE")))
                .body("rows.rank", equalTo(List.of(1, 2, 3)))
                .body("rows.area", equalTo(List.of(area, area, area)));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/support-models/cost-per-unit?area=" + area).then()
                .statusCode(200).body("rows.size()", equalTo(1))
                // 250 EUR for 15 systems delivered
                .body("rows[0].eurPerUnit", equalTo(16.67f)).body("rows[0].unit", equalTo("systems"));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/support-models/share-by-year?area=" + area).then()
                .statusCode(200)
                .body("rows.find { it.year == 2023 }.share", equalTo(1.0f))
                // 2024: 300 direct financing of 550 committed
                .body("rows.find { it.year == 2024 && it.model == 'DIRECT_FINANCING' }.share", equalTo(0.5455f));
        String csvReport = given().auth().oauth2(Tokens.auditor()).accept("text/csv")
                .get("/api/v1/aid/reports/what-worked-best?area=" + area).then().statusCode(200).extract().asString();
        assertEquals("area,rank,model,transferTypes,records,committedValueEur,deliveredValueEur,deliveryRatio,"
                + "medianLeadDays,recordsWithDelivery,speedScore,effectiveness", csvReport.lines().findFirst().orElseThrow());
        assertEquals(4, csvReport.lines().count());
        given().auth().oauth2(Tokens.token("ministry-y", "ministry", null)).get(models).then().statusCode(403);
    }
}
