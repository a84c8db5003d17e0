package ua.kuznia.aid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Tokens;
import ua.kuznia.web.UiContext;

/** Two Kiel releases side by side: each column is its release's own donor report, the change their difference. */
@QuarkusTest
class KielComparePageTest {

    /** Release 29 and the variant release under a fresh name; returns the variant's name. */
    private static String importTwoReleases() {
        KielImportTest.upload(Tokens.coordinator(), null, KielImportTest.release29()).post("/api/v1/aid/imports").then()
                .statusCode(200);
        String older = Fixtures.unique("older");
        KielImportTest.upload(Tokens.coordinator(), older, Map.of("data_explorer.csv", "/aid/variant-release/data_explorer.csv"))
                .post("/api/v1/aid/imports").then().statusCode(200);
        return older;
    }

    /** The single-release donor report, total by ISO code. */
    private static Map<String, BigDecimal> singleReport(String release) {
        List<Map<String, Object>> rows = given().auth().oauth2(Tokens.auditor())
                .get("/api/v1/aid/reports/totals?by=donor&release=" + release).then().statusCode(200)
                .extract().jsonPath(KielImportTest.DECIMALS).getList("rows");
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        rows.forEach(r -> totals.put((String) r.get("iso"), KielImportTest.decimal(r.get("total"))));
        return totals;
    }

    private static List<String> dataValues(String html) {
        Matcher m = Pattern.compile("data-value=\"([^\"]*)\"").matcher(html);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static void assertSame(BigDecimal expected, String shown, String what) {
        if (expected == null) {
            assertEquals("", shown, what);
        } else {
            assertEquals(0, expected.compareTo(new BigDecimal(shown)), what + ": " + expected + " vs " + shown);
        }
    }

    @Test
    void theComparedColumnsAreEachReleasesDonorReportAndTheChangeIsTheirDifference() {
        String older = importTwoReleases();
        Map<String, BigDecimal> a = singleReport(older);
        Map<String, BigDecimal> b = singleReport("29");
        Set<String> donors = new HashSet<>(a.keySet());
        donors.addAll(b.keySet());
        assertTrue(a.keySet().stream().anyMatch(b::containsKey), "the releases share donors");

        String html = given().auth().oauth2(Tokens.auditor()).queryParam("a", older).queryParam("b", "29")
                .get("/ui/aid/compare").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<option value=\"" + older + "\" selected>"), "release A chosen in its select");
        assertTrue(html.contains("Total in release 29 (EUR bn)"), "column of release B");
        int checked = 0;
        for (String iso : donors) {
            int start = html.indexOf("<tr id=\"compare-" + iso + "\">");
            assertTrue(start >= 0, "row of " + iso);
            List<String> values = dataValues(html.substring(start, html.indexOf("</tr>", start)));
            assertEquals(3, values.size(), iso);
            assertSame(a.get(iso), values.get(0), "A " + iso);
            assertSame(b.get(iso), values.get(1), "B " + iso);
            assertSame(a.containsKey(iso) && b.containsKey(iso) ? b.get(iso).subtract(a.get(iso)) : null, values.get(2),
                    "difference " + iso);
            checked++;
        }
        assertEquals(donors.size(), checked);
        assertEquals(donors.size(), html.split("<tr id=\"compare-", -1).length - 1, "one row per donor, no more");

        // The API: the same figures as JSON and as CSV.
        JsonPath api = given().auth().oauth2(Tokens.auditor()).queryParam("a", older).queryParam("b", "29")
                .get("/api/v1/aid/reports/compare").then().statusCode(200)
                .body("a.release", equalTo(older)).body("b.release", equalTo("29"))
                .body("b.sourceFile", equalTo("data_explorer.csv")).extract().jsonPath(KielImportTest.DECIMALS);
        List<Map<String, Object>> rows = api.getList("rows");
        assertEquals(donors.size(), rows.size());
        for (Map<String, Object> row : rows) {
            String iso = (String) row.get("iso");
            BigDecimal totalA = row.get("totalA") == null ? null : KielImportTest.decimal(row.get("totalA"));
            BigDecimal totalB = row.get("totalB") == null ? null : KielImportTest.decimal(row.get("totalB"));
            assertEquals(a.get(iso) == null, totalA == null, iso);
            assertEquals(b.get(iso) == null, totalB == null, iso);
            if (totalA != null && totalB != null) {
                assertEquals(0, a.get(iso).compareTo(totalA), iso);
                assertEquals(0, b.get(iso).compareTo(totalB), iso);
                assertEquals(0, totalB.subtract(totalA).compareTo(KielImportTest.decimal(row.get("difference"))), iso);
            } else {
                assertNull(row.get("difference"), iso);
            }
        }
        String csv = given().auth().oauth2(Tokens.auditor()).queryParam("a", older).queryParam("b", "29")
                .queryParam("format", "csv").get("/api/v1/aid/reports/compare").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("donor,iso,totalA,totalB,difference", lines.get(0));
        assertEquals(donors.size() + 1, lines.size());
        String deu = lines.stream().filter(l -> l.contains(",DEU,")).findFirst().orElseThrow();
        List<String> cells = List.of(deu.split(",", -1));
        assertSame(a.get("DEU"), cells.get(2), "CSV A DEU");
        assertSame(b.get("DEU"), cells.get(3), "CSV B DEU");
    }

    @Test
    void releasesAreChosenWithSelectsAndThePageSpeaksUkrainian() {
        String older = importTwoReleases();
        String uk = given().auth().oauth2(Tokens.coordinator()).cookie(UiContext.LANGUAGE_COOKIE, "uk")
                .queryParam("a", "29").queryParam("b", older).get("/ui/aid/compare").then().statusCode(200)
                .extract().asString();
        assertTrue(uk.contains("<select id=\"release-a\" name=\"a\">") && uk.contains("<select id=\"release-b\" name=\"b\">"));
        assertTrue(uk.contains("<label for=\"release-a\">Випуск A (раніший)</label>"), uk);
        assertTrue(uk.contains("Зміна B − A (млрд євро)"));
        assertTrue(uk.contains("Разом у випуску " + older + " (млрд євро)"));
        assertFalse(uk.contains("Compare Kiel releases") || uk.contains("Change B − A"), "no English left");
        // Without a choice the page compares the two latest releases and still renders.
        given().auth().oauth2(Tokens.auditor()).get("/ui/aid/compare").then().statusCode(200)
                .body(containsString("id=\"table-compare\""));
        // A release without a donor file is named, not a failure.
        given().auth().oauth2(Tokens.auditor()).queryParam("a", "no-such-release").queryParam("b", "29")
                .get("/ui/aid/compare").then().statusCode(200).body(containsString("id=\"compare-missing\""));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/reports/compare?b=29").then().statusCode(400)
                .body("violations[0].field", equalTo("a"));
        Fixtures.Org maker = Fixtures.createOrganization("MANUFACTURER", "UA");
        given().auth().oauth2(maker.token()).get("/ui/aid/compare").then().statusCode(403);
    }
}
