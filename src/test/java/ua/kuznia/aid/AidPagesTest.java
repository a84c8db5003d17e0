package ua.kuznia.aid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;
import ua.kuznia.web.Csrf;
import ua.kuznia.web.UiContext;

/** The aid audit pages: uploads through multipart forms, charts whose figures are the report API's, the feed's overrides. */
@QuarkusTest
class AidPagesTest {

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    /** Applying effectiveness figures stores a rule set and starts a full re-match; later tests must not race with it. */
    @org.junit.jupiter.api.AfterEach
    void awaitRematch() {
        new ua.kuznia.fuzz.DatabaseFingerprint(db).awaitIdleJobs();
    }

    private static RequestSpecification coordinatorMultipart() {
        String token = given().get("/").getCookie(Csrf.COOKIE);
        return given().auth().oauth2(Tokens.coordinator()).redirects().follow(false).cookie(Csrf.COOKIE, token)
                .multiPart(Csrf.FIELD, token);
    }

    private static void importRelease29() {
        RequestSpecification upload = coordinatorMultipart();
        for (String name : KielImportTest.R29_FILES) {
            upload.multiPart("file", name, KielImportTest.resource(KielImportTest.R29 + name), "text/csv");
        }
        upload.post("/ui/aid/kiel").then().statusCode(303).header("Location", containsString("/ui/aid?kiel=29"));
    }

    @Test
    void aKielReleaseUploadedThroughTheFormIsChartedWithTheReportApisFigures() {
        // The CSRF filter reads multipart forms too: without the field nothing is imported.
        String token = given().get("/").getCookie(Csrf.COOKIE);
        given().auth().oauth2(Tokens.coordinator()).cookie(Csrf.COOKIE, token)
                .multiPart("file", "release_info.csv", KielImportTest.resource(KielImportTest.R29 + "release_info.csv"), "text/csv")
                .post("/ui/aid/kiel").then().statusCode(403);
        importRelease29();

        String html = given().auth().oauth2(Tokens.coordinator()).queryParam("release", "29").get("/ui/aid").then()
                .statusCode(200).extract().asString();
        assertTrue(html.contains("<svg class=\"chart\" id=\"chart-stocks\""), "stocks chart");
        assertTrue(html.contains("<svg class=\"chart\" id=\"chart-donors\""), "donor chart");
        assertTrue(html.contains("<svg class=\"chart\" id=\"chart-weapons-category\""), "weapons chart");
        assertTrue(html.contains("Kiel Institute for the World Economy"), "credit");

        JsonPath api = given().auth().oauth2(Tokens.auditor()).queryParam("release", "29")
                .get("/api/v1/aid/reports/stocks-vs-procurement").then().statusCode(200).extract().jsonPath()
                .using(KielImportTest.DECIMALS);
        List<Map<String, Object>> rows = api.getList("rows");
        assertTrue(rows.size() >= 3);
        for (Map<String, Object> row : rows) {
            int year = ((Number) row.get("year")).intValue();
            int start = html.indexOf("<tr id=\"stocks-" + year + "\">");
            assertTrue(start >= 0, "row of " + year);
            List<String> values = dataValues(html.substring(start, html.indexOf("</tr>", start)));
            assertEquals(0, new BigDecimal(values.get(0)).compareTo((BigDecimal) row.get("stockpile")), "stockpile " + year);
            assertEquals(0, new BigDecimal(values.get(1)).compareTo((BigDecimal) row.get("procurement")), "procurement " + year);
        }
        // The bars carry the same figures: every stockpile value of the API is a bar of the chart.
        String chart = html.substring(html.indexOf("id=\"chart-stocks\""), html.indexOf("</svg>", html.indexOf("id=\"chart-stocks\"")));
        for (Map<String, Object> row : rows) {
            assertTrue(chart.contains("data-value=\"" + ((BigDecimal) row.get("stockpile")).toPlainString() + "\""), chart);
        }
    }

    private static List<String> dataValues(String html) {
        Matcher m = Pattern.compile("data-value=\"([^\"]*)\"").matcher(html);
        List<String> values = new java.util.ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /**
     * A support model whose records have no delivery yet has no lead time from commitment to
     * delivery: the page shows that cell empty instead of failing.
     */
    @Test
    void aSupportModelWithoutAnyDeliveryIsShownWithEmptyFigures() {
        java.util.Map<String, Object> body = AidRecordTest.body("Coalition pledge, fictional " + System.nanoTime());
        body.put("supportModel", "CAPABILITY_COALITION");
        body.put("deliveredValueEur", 0);
        body.put("deliveredQuantity", 0);
        body.remove("firstDeliveryDate");
        body.remove("lastDeliveryDate");
        given().auth().oauth2(Tokens.coordinator()).contentType(io.restassured.http.ContentType.JSON).body(body)
                .post("/api/v1/aid/records").then().log().ifValidationFails().statusCode(201);
        given().auth().oauth2(Tokens.coordinator()).get("/ui/aid").then().statusCode(200)
                .body(containsString("<tr id=\"model-CAPABILITY_COALITION\">"));
        given().auth().oauth2(Tokens.coordinator()).cookie("kuznia_lang", "uk").get("/ui/aid").then().statusCode(200)
                .body(containsString("<tr id=\"model-CAPABILITY_COALITION\">"));
    }

    @Test
    void aBadAidRecordFileIsRefusedWithEachProblemByLineAndColumn() {
        String csv = AidRecordTest.HEADER + "\n"
                + "XX,2024-06-30,DIRECT_FINANCING,munitions,2024-01-10,1000.00,500.00,,,,,,Test source,\n"
                + "DK,2024-06-30,NO_SUCH_MODEL,munitions,2024-01-10,1000.00,500.00,,,,,,Test source,\n"
                + "DK,2024-06-30,DIRECT_FINANCING,munitions,2024-01-10,1000.00,500.00,,,,,,,\n";
        coordinatorMultipart().multiPart("file", "bad-records.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/ui/aid/records").then().statusCode(422)
                .body(containsString("id=\"upload-problems\""), containsString("line 2, column donor_country"),
                        containsString("line 3, column support_model"),
                        containsString("<td>line 4, column source</td><td>must not be blank</td>"));
        coordinatorMultipart().post("/ui/aid/records").then().statusCode(422).body(containsString("choose a CSV file"));
        coordinatorMultipart().cookie(UiContext.LANGUAGE_COOKIE, "uk")
                .multiPart("file", "bad-records.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/ui/aid/records").then().statusCode(422)
                .body(containsString("<td>рядок 3, стовпець support_model</td><td>невідома модель підтримки «NO_SUCH_MODEL»;"),
                        containsString("<td>рядок 2, стовпець donor_country</td><td>«XX» не є кодом країни"),
                        // Bean validation of a row speaks the page's language too.
                        containsString("<td>рядок 4, стовпець source</td><td>не може бути порожнім</td>"),
                        not(containsString("line 2")), not(containsString("must not be blank")));
    }

    @Test
    void aKielFileWithoutARequiredColumnIsRefusedInThePageLanguage() {
        byte[] weapons = "donor,category\nPoland,Tanks\n".getBytes(StandardCharsets.UTF_8);
        coordinatorMultipart().multiPart("file", "weapons.csv", weapons, "text/csv").multiPart("release", "29")
                .post("/ui/aid/kiel").then().statusCode(422)
                .body(containsString("<td>weapons.csv</td><td>lacks the required column &#39;number_of_weapons&#39; of"
                        + " weapons.csv; required columns: donor, category, number_of_weapons</td>"));
        coordinatorMultipart().cookie(UiContext.LANGUAGE_COOKIE, "uk").multiPart("file", "weapons.csv", weapons, "text/csv")
                .multiPart("release", "29").post("/ui/aid/kiel").then().statusCode(422)
                .body(containsString("<td>weapons.csv</td><td>бракує обов’язкового стовпця «number_of_weapons» файлу"
                        + " weapons.csv; обов’язкові стовпці: donor, category, number_of_weapons</td>"),
                        not(containsString("lacks the required column")));
        // A broken line is placed by file and line in the page's language as well.
        coordinatorMultipart().cookie(UiContext.LANGUAGE_COOKIE, "uk")
                .multiPart("file", "weapons.csv", "donor,category,number_of_weapons\nPoland,Tanks\n".getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .multiPart("release", "29").post("/ui/aid/kiel").then().statusCode(422)
                .body(containsString("<td>weapons.csv, рядок 2</td><td>кількість полів — 2, а в заголовку їх 3</td>"));
    }

    /** A refused Kiel upload comes back with the release as typed, escaped, whatever the reason for the refusal. */
    @Test
    void aRefusedKielUploadKeepsTheTypedRelease() {
        byte[] weapons = "donor,category\nPoland,Tanks\n".getBytes(StandardCharsets.UTF_8);
        String badFile = coordinatorMultipart().multiPart("file", "weapons.csv", weapons, "text/csv").multiPart("release", "29")
                .post("/ui/aid/kiel").then().statusCode(422).extract().asString();
        assertEquals("29", typedRelease(badFile), badFile);
        String noFile = coordinatorMultipart().multiPart("release", "31").post("/ui/aid/kiel").then().statusCode(422)
                .extract().asString();
        assertTrue(noFile.contains("id=\"upload-problems\""), noFile);
        assertEquals("31", typedRelease(noFile));
        String badLabel = coordinatorMultipart().multiPart("file", "weapons.csv", weapons, "text/csv")
                .multiPart("release", "\"><b>32</b>").post("/ui/aid/kiel").then().statusCode(422).extract().asString();
        assertTrue(badLabel.contains("is not a valid release label"), badLabel);
        assertEquals("&quot;&gt;&lt;b&gt;32&lt;/b&gt;", typedRelease(badLabel));
        assertTrue(!badLabel.contains("<b>32</b>"), "the typed release is escaped");
    }

    /** The value of the form's release field; empty when it has none. */
    private static String typedRelease(String html) {
        int start = html.indexOf("id=\"kiel-release\"");
        assertTrue(start >= 0, "the release field");
        Matcher value = Pattern.compile(" value=\"([^\"]*)\"").matcher(html.substring(start, html.indexOf('>', start)));
        return value.find() ? value.group(1) : "";
    }

    @Test
    void auditorsReadOnlyAndOthersAreRefused() {
        given().auth().oauth2(Tokens.auditor()).get("/ui/aid").then().statusCode(200)
                .body(not(containsString("id=\"kiel-form\"")), not(containsString("id=\"apply-effectiveness\"")),
                        containsString("id=\"effectiveness\""));
        String token = given().get("/").getCookie(Csrf.COOKIE);
        given().auth().oauth2(Tokens.auditor()).cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, token)
                .formParam("note", "x").post("/ui/aid/effectiveness").then().statusCode(403);
        Org maker = Fixtures.createOrganization("MANUFACTURER", "UA");
        given().auth().oauth2(maker.token()).get("/ui/aid").then().statusCode(403);
        Org ministry = Fixtures.createOrganization("MINISTRY", "FR");
        given().auth().oauth2(ministry.token()).get("/ui/aid").then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).header("Accept-Language", "uk").get("/ui/aid").then().statusCode(200)
                .body(containsString("Ефективність, що передається до зіставлення"));
    }

    @Test
    void overridesAreValidatedNextToTheirFieldsThenApplied() {
        String token = given().get("/").getCookie(Csrf.COOKIE);
        RequestSpecification form = given().auth().oauth2(Tokens.coordinator()).redirects().follow(false)
                .cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, token);
        form.formParam("extraKey", "DIRECT_FINANCING").formParam("extraValue", "very").formParam("note", "Judged <by> hand")
                .post("/ui/aid/effectiveness").then().statusCode(422)
                .body(containsString("id=\"extra-value-error\""), containsString("value=\"very\""),
                        containsString("value=\"DIRECT_FINANCING\""), containsString(">Judged &lt;by&gt; hand</textarea>"));
        for (String notANumber : List.of("NaN", "Infinity")) {
            given().auth().oauth2(Tokens.coordinator()).redirects().follow(false).cookie(Csrf.COOKIE, token)
                    .formParam(Csrf.FIELD, token).formParam("extraKey", "TRAINING").formParam("extraValue", notANumber)
                    .post("/ui/aid/effectiveness").then().statusCode(422).body(containsString("id=\"extra-value-error\""));
        }
        given().auth().oauth2(Tokens.coordinator()).redirects().follow(false).cookie(Csrf.COOKIE, token)
                .formParam(Csrf.FIELD, token).formParam("extraKey", "NOT_A_TYPE").formParam("extraValue", "0.5")
                .post("/ui/aid/effectiveness").then().statusCode(422).body(containsString("id=\"extra-key-error\""));

        int before = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset").then().extract().jsonPath()
                .getInt("version");
        given().auth().oauth2(Tokens.coordinator()).redirects().follow(false).cookie(Csrf.COOKIE, token)
                .formParam(Csrf.FIELD, token).formParam("extraKey", "TRAINING").formParam("extraValue", "0,25")
                .formParam("note", "Training judged by the coordinator").post("/ui/aid/effectiveness").then().statusCode(303);
        JsonPath after = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset").then().extract().jsonPath();
        assertTrue(after.getInt("version") > before);
        assertEquals(0.25, after.getDouble("supportEffectiveness.TRAINING"), 1e-9);
        assertTrue(after.getString("note").contains("TRAINING=0.25"), after.getString("note"));
    }
}
