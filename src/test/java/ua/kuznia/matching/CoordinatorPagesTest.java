package ua.kuznia.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;
import ua.kuznia.web.Csrf;

/** The gap view and the rule-set editor, per role, against the figures of the API. */
@QuarkusTest
class CoordinatorPagesTest {

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    /** Saving a rule set starts a full re-match; later tests must not race with it. */
    @org.junit.jupiter.api.AfterEach
    void awaitRematch() {
        new ua.kuznia.fuzz.DatabaseFingerprint(db).awaitIdleJobs();
    }

    private static Map<String, Object> gap(String area) {
        List<Map<String, Object>> rows = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/gaps").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().filter(r -> area.equals(r.get("area"))).findFirst().orElseThrow();
    }

    @Test
    void gapsCountCapacityAndOffersOfAnAreaAndItsSubAreas() {
        Map<String, Object> before = gap("ew");
        Org maker = Fixtures.createOrganization("MANUFACTURER", "UA");
        Fixtures.createProfile(maker, Fixtures.profileBody(maker.id(), List.of(
                Fixtures.capability("ew.jamming", 7, 7, 30), Fixtures.capability("ew", 7, 7, 12.5))));
        Org ministry = Fixtures.createOrganization("MINISTRY", "NL");
        Fixtures.createOffer(ministry, Fixtures.offerBody(ministry.id(), List.of("ew.jamming")));
        Map<String, Object> after = gap("ew");
        assertEquals(((Number) before.get("ukrainianCapacity")).doubleValue() + 42.5,
                ((Number) after.get("ukrainianCapacity")).doubleValue(), 1e-9);
        assertEquals(((Number) before.get("manufacturers")).longValue() + 1, ((Number) after.get("manufacturers")).longValue());
        assertEquals(((Number) before.get("openOffers")).longValue() + 1, ((Number) after.get("openOffers")).longValue());
        assertEquals(0.7, ((Number) after.get("priority")).doubleValue(), 1e-6);
    }

    @Test
    void theGapPageShowsTheApiFiguresAndMarksPrioritiesWithoutPartner() {
        String html = given().auth().oauth2(Tokens.coordinator()).get("/ui/gaps").then().statusCode(200).extract().asString();
        List<Map<String, Object>> rows = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/gaps").then()
                .extract().jsonPath().getList("$");
        for (Map<String, Object> row : rows) {
            String area = (String) row.get("area");
            int start = html.indexOf("<tr id=\"gap-" + area + "\"");
            assertTrue(start >= 0, area);
            String tr = html.substring(start, html.indexOf("</tr>", start));
            assertEquals(Boolean.TRUE.equals(row.get("noPartnerYet")), tr.contains("class=\"gap-open\""), area);
            assertEquals(Boolean.TRUE.equals(row.get("noPartnerYet")), tr.contains("No partner yet"), area);
            List<String> cells = cells(tr);
            assertEquals(String.format(java.util.Locale.ENGLISH, "%,d", ((Number) row.get("openOffers")).longValue()),
                    cells.get(3), area);
            assertEquals(String.format(java.util.Locale.ENGLISH, "%,d", ((Number) row.get("approvedPartnerships")).longValue()),
                    cells.get(5), area);
        }
        given().auth().oauth2(Tokens.auditor()).queryParam("priorityOnly", "true").get("/ui/gaps").then().statusCode(200)
                .body(containsString("id=\"gap-air-defense\""), not(containsString("id=\"gap-components\"")));
        Org maker = Fixtures.createOrganization("MANUFACTURER", "UA");
        given().auth().oauth2(maker.token()).get("/ui/gaps").then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).header("Accept-Language", "uk").get("/ui/gaps").then()
                .body(containsString("Українська потужність на місяць"));
    }

    private static List<String> cells(String tr) {
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(tr);
        while (m.find()) {
            cells.add(m.group(1));
        }
        return cells;
    }

    private static RequestSpecification form() {
        String token = given().get("/").getCookie(Csrf.COOKIE);
        return given().auth().oauth2(Tokens.coordinator()).redirects().follow(false).cookie(Csrf.COOKIE, token)
                .formParam(Csrf.FIELD, token);
    }

    /** The current rule set as the editor posts it. */
    private static RequestSpecification currentRuleSet(RequestSpecification request, Map<String, Object> overrides) {
        JsonPath current = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset").then().extract().jsonPath();
        request.formParam("version", overrides.getOrDefault("version", current.getInt("version")))
                .formParam("minScore", overrides.getOrDefault("minScore", current.getDouble("minScore")))
                .formParam("topK", current.getInt("topK"));
        Map<String, Object> weights = current.getMap("weights");
        weights.forEach((rule, value) -> request.formParam("weightRule", rule)
                .formParam("weightValue", overrides.getOrDefault("weights." + rule, value)));
        Map<String, Object> priorities = current.getMap("areaPriorities");
        priorities.forEach((area, value) -> request.formParam("priorityArea", area)
                .formParam("priorityValue", overrides.getOrDefault("areaPriorities." + area, value)));
        return request;
    }

    @Test
    void theRuleSetIsPreviewedThenSavedAndBadValuesAreShownNextToTheirFields() {
        given().auth().oauth2(Tokens.coordinator()).get("/ui/ruleset").then().statusCode(200)
                .body(containsString("id=\"w-support-model\""), containsString("<label for=\"p-air-defense\">"),
                        containsString("id=\"preview-button\""));
        given().auth().oauth2(Tokens.auditor()).get("/ui/ruleset").then().statusCode(200)
                .body(not(containsString("id=\"preview-button\"")), containsString("readonly"));
        Org ministry = Fixtures.createOrganization("MINISTRY", "DE");
        given().auth().oauth2(ministry.token()).get("/ui/ruleset").then().statusCode(403);

        currentRuleSet(form(), Map.of("weights.low-risk", "heavy", "areaPriorities.radar", "2")).post("/ui/ruleset/preview")
                .then().statusCode(422)
                .body(containsString("id=\"w-low-risk-error\""), containsString("must be a number"),
                        containsString("id=\"p-radar-error\""), containsString("must be between 0 and 1"),
                        containsString("value=\"heavy\""), not(containsString("id=\"preview\"")));

        JsonPath before = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset").then().extract().jsonPath();
        Response preview = currentRuleSet(form(), Map.of("minScore", "100")).post("/ui/ruleset/preview");
        preview.then().statusCode(200).body(containsString("id=\"preview\""), containsString("id=\"confirm-form\""),
                containsString("id=\"preview-after\">0<"));
        assertEquals(before.getInt("version"), given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset")
                .then().extract().jsonPath().getInt("version"), "a preview saves nothing");

        // Saving the current values again: a new version that changes no ranking.
        Response saved = currentRuleSet(form(), Map.of()).formParam("note", "Re-saved from the editor").post("/ui/ruleset");
        saved.then().statusCode(303).header("Location", containsString("/ui/ruleset?saved=" + (before.getInt("version") + 1)));
        JsonPath after = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset").then().extract().jsonPath();
        assertEquals(before.getInt("version") + 1, after.getInt("version"));
        assertEquals("Re-saved from the editor", after.getString("note"));
        assertEquals(before.getMap("weights"), after.getMap("weights"));

        // A note longer than the editor allows (a crafted post) is refused next to the note, and the text typed kept.
        currentRuleSet(form(), Map.of()).formParam("note", "x".repeat(2001)).post("/ui/ruleset").then().statusCode(422)
                .body(containsString("id=\"note-error\""), containsString("is 2001 characters long"),
                        containsString("x".repeat(2001) + "</textarea>"));

        // A form read before that save is stale.
        currentRuleSet(form(), Map.of("version", before.getInt("version"))).post("/ui/ruleset").then().statusCode(409).body(containsString("id=\"ruleset-problem\""));
        form().formParam("version", after.getInt("version")).post("/ui/ruleset").then().statusCode(422)
                .body(containsString("id=\"min-score-error\""), containsString("id=\"top-k-error\""));
        String token = given().get("/").getCookie(Csrf.COOKIE);
        given().auth().oauth2(Tokens.coordinator()).cookie(Csrf.COOKIE, token).formParam("version", after.getInt("version"))
                .post("/ui/ruleset/preview").then().statusCode(403);
    }
}
