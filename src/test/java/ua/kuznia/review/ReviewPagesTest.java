package ua.kuznia.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;
import ua.kuznia.web.Csrf;
import ua.kuznia.web.UiContext;

/** The coordinators' review pages, rendered per role through the same services as the API. */
@QuarkusTest
class ReviewPagesTest {

    private Org ministry;
    private Org maker;

    /** A match both sides want, for an offer with the given title by a ministry of the given country. */
    private long mutualMatch(String title, String country) {
        ministry = createOrganization("MINISTRY", country);
        Map<String, Object> offer = offerBody(ministry.id(), List.of("munitions.tank-125"));
        offer.put("title", title);
        long offerId = createOffer(ministry, offer);
        maker = createOrganization("MANUFACTURER", "UA");
        long profile = createProfile(maker, profileBody(maker.id(), List.of(capability("munitions.tank-125", 8, 8, 500))));
        // Other tests' manufacturers may rank higher for the same area: pick this one's match.
        long match = given().auth().oauth2(maker.token()).get("/api/v1/manufacturers/{id}/matches", profile).then()
                .statusCode(200).extract().jsonPath().getLong("items.find { it.offerId == " + offerId + " }.id");
        for (Org side : List.of(maker, ministry)) {
            given().auth().oauth2(side.token()).contentType(ContentType.JSON).body(Map.of())
                    .post("/api/v1/matches/{id}/interest", match).then().statusCode(200);
        }
        return match;
    }

    private static String csrfToken() {
        return given().get("/").getCookie(Csrf.COOKIE);
    }

    /** A form post as the coordinator, with a valid CSRF cookie and field. */
    private static RequestSpecification coordinatorForm() {
        String token = csrfToken();
        return given().auth().oauth2(Tokens.coordinator()).redirects().follow(false)
                .cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, token);
    }

    private static String status(long match) {
        return given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matches/{id}", match).then().statusCode(200)
                .extract().jsonPath().getString("status");
    }

    @Test
    void theQueueShowsMutualInterestWithFiltersAndIsForStaffOnly() {
        long match = mutualMatch("Queue test offer " + System.nanoTime(), "NO");
        given().auth().oauth2(Tokens.coordinator()).queryParam("status", "MUTUAL_INTEREST").queryParam("country", "no")
                .queryParam("area", "munitions").get("/ui/review").then().statusCode(200)
                .body(containsString("id=\"match-" + match + "\""), containsString("Mutual interest"),
                        containsString("id=\"bulk-apply\""), containsString("name=\"_csrf\""),
                        containsString("<label for=\"f-area\">"));
        given().auth().oauth2(Tokens.coordinator()).queryParam("country", "SE").queryParam("status", "MUTUAL_INTEREST")
                .get("/ui/review").then().statusCode(200).body(not(containsString("id=\"match-" + match + "\"")));
        given().auth().oauth2(Tokens.coordinator()).queryParam("area", "radar").queryParam("status", "MUTUAL_INTEREST")
                .get("/ui/review").then().statusCode(200).body(not(containsString("id=\"match-" + match + "\"")));

        given().auth().oauth2(maker.token()).get("/ui/review").then().statusCode(403)
                .contentType(containsString("text/html"));
        given().auth().oauth2(ministry.token()).get("/ui/review/{id}", match).then().statusCode(403);
        given().get("/ui/review").then().statusCode(401);

        // Auditors read the queue and the match but get no decision forms and cannot post one.
        given().auth().oauth2(Tokens.auditor()).get("/ui/review").then().statusCode(200)
                .body(not(containsString("id=\"bulk-apply\"")), containsString("decisions are taken by coordinators"));
        given().auth().oauth2(Tokens.auditor()).get("/ui/review/{id}", match).then().statusCode(200)
                .body(not(containsString("id=\"decision-form\"")));
        String token = csrfToken();
        given().auth().oauth2(Tokens.auditor()).cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, token)
                .formParam("decision", "START_REVIEW").post("/ui/review/{id}", match).then().statusCode(403);
        assertEquals("MUTUAL_INTEREST", status(match));
    }

    @Test
    void theQueueAndTheReviewPageLeadToTheMatchExplanation() {
        long match = mutualMatch("Explained offer " + System.nanoTime(), "FI");
        given().auth().oauth2(Tokens.coordinator()).queryParam("status", "MUTUAL_INTEREST").queryParam("country", "fi")
                .get("/ui/review").then().statusCode(200)
                .body(containsString("href=\"/ui/matches/" + match + "\" class=\"explain-link\""));
        given().auth().oauth2(Tokens.coordinator()).get("/ui/review/{id}", match).then().statusCode(200)
                .body(containsString("<a href=\"/ui/matches/" + match + "\" id=\"open-explanation\">Explanation</a>"));
        given().auth().oauth2(Tokens.coordinator()).cookie("kuznia_lang", "uk").get("/ui/review/{id}", match).then()
                .statusCode(200).body(containsString("id=\"open-explanation\">Пояснення</a>"));
        // The link leads to the explanation the coordinator may read: the rules, passed or failed.
        given().auth().oauth2(Tokens.coordinator()).get("/ui/matches/{id}", match).then().statusCode(200)
                .body(containsString("contribution-chart"));
    }

    @Test
    void badFiltersAreShownNextToTheirFields() {
        given().auth().oauth2(Tokens.coordinator()).queryParam("minScore", "lots").queryParam("country", "Norway")
                .queryParam("area", "no-such-area").get("/ui/review").then().statusCode(422)
                .body(containsString("id=\"f-min-score-error\""), containsString("must be a number between 0 and 100"),
                        containsString("id=\"f-country-error\""), containsString("aria-invalid=\"true\""),
                        containsString("id=\"f-area-error\""), containsString("value=\"Norway\""));
    }

    @Test
    void aCoordinatorStartsReviewHoldsWithANoteAndApproves() {
        long match = mutualMatch("Decision test offer", "DK");
        given().auth().oauth2(Tokens.coordinator()).get("/ui/review/{id}", match).then().statusCode(200)
                .body(containsString("id=\"decision-START_REVIEW\""), not(containsString("id=\"decision-APPROVE\"")));

        // Without the CSRF field the decision is refused and nothing changes.
        given().auth().oauth2(Tokens.coordinator()).cookie(Csrf.COOKIE, csrfToken()).formParam("decision", "START_REVIEW")
                .post("/ui/review/{id}", match).then().statusCode(403);
        assertEquals("MUTUAL_INTEREST", status(match));

        coordinatorForm().formParam("decision", "START_REVIEW").post("/ui/review/{id}", match).then().statusCode(303)
                .header("Location", containsString("/ui/review?done=" + match));
        given().auth().oauth2(Tokens.coordinator()).get("/ui/review?done=" + match).then().statusCode(200)
                .body(containsString("id=\"decision-done\""), containsString("Under review"));

        coordinatorForm().formParam("decision", "REJECT").formParam("note", " ").post("/ui/review/{id}", match).then()
                .statusCode(422).body(containsString("id=\"note-error\">is required for reject"),
                        containsString("aria-invalid=\"true\""));
        coordinatorForm().cookie(UiContext.LANGUAGE_COOKIE, "uk").formParam("decision", "REJECT").formParam("note", " ")
                .post("/ui/review/{id}", match).then().statusCode(422)
                .body(containsString("id=\"note-error\">заповніть, щоб відхилити"));
        coordinatorForm().formParam("decision", "HOLD").formParam("note", "Waiting for the <export> licence")
                .post("/ui/review/{id}", match).then().statusCode(303);
        given().auth().oauth2(Tokens.coordinator()).get("/ui/review/{id}", match).then().statusCode(200)
                .body(containsString("Waiting for the &lt;export&gt; licence"), containsString("On hold"),
                        not(containsString("<export>")));
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matches/{id}", match).then()
                .body("status", equalTo("UNDER_REVIEW")).body("onHold", equalTo(true));

        // A page read before the hold carries the old version: the decision is refused with 409 and the current state.
        coordinatorForm().formParam("decision", "APPROVE").formParam("version", 0).post("/ui/review/{id}", match).then()
                .statusCode(409).body(containsString("id=\"decision-problem\""), containsString("changed by someone else"));
        long version = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matches/{id}", match).then().extract()
                .jsonPath().getLong("version");
        coordinatorForm().formParam("decision", "APPROVE").formParam("note", "Capacity verified").formParam("version", version)
                .post("/ui/review/{id}", match).then().statusCode(303);
        assertEquals("APPROVED", status(match));
        given().auth().oauth2(Tokens.auditor()).queryParam("entityType", "MATCH").queryParam("entityId", String.valueOf(match))
                .get("/api/v1/audit-trail").then().body("items[0].note", containsString("Capacity verified"))
                .body("items[1].note", containsString("HOLD: Waiting for the <export> licence"));
    }

    @Test
    void bulkDecisionsReportEachMatchAndAConflictDoesNotUndoTheOthers() {
        long first = mutualMatch("Bulk offer one", "FI");
        long second = mutualMatch("Bulk offer two", "FI");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(Map.of("decision", "START_REVIEW"))
                .post("/api/v1/matches/{id}/decision", second).then().statusCode(200);

        coordinatorForm().formParam("action", "REJECT").formParam("ids", first, second).post("/ui/review/bulk").then()
                .statusCode(422).body(containsString("id=\"bulk-note-error\""), containsString("checked"));
        coordinatorForm().formParam("action", "START_REVIEW").post("/ui/review/bulk").then().statusCode(422)
                .body(containsString("id=\"ids-error\""), containsString("select at least one match"));
        // A crafted id that is no number is refused as such, and nothing is decided.
        coordinatorForm().formParam("action", "START_REVIEW").formParam("ids", first, "abc").post("/ui/review/bulk").then()
                .statusCode(400).body(containsString("abc"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matches/{id}", first).then().body("status", equalTo("MUTUAL_INTEREST"));

        Response result = coordinatorForm().formParam("action", "START_REVIEW").formParam("ids", first, second)
                .post("/ui/review/bulk");
        result.then().statusCode(200).body(containsString("1 of 2 selected matches decided."));
        String html = result.asString();
        String firstRow = html.substring(html.indexOf("id=\"outcome-" + first + "\""));
        assertTrue(firstRow.substring(0, firstRow.indexOf("</tr>")).contains("Decided"), firstRow);
        String secondRow = html.substring(html.indexOf("id=\"outcome-" + second + "\""));
        assertTrue(secondRow.substring(0, secondRow.indexOf("</tr>")).contains("Changed in the meantime (409)"), secondRow);
        assertEquals("UNDER_REVIEW", status(first));
        assertEquals("UNDER_REVIEW", status(second));
    }

    @Test
    void refusedDecisionsAreExplainedInThePageLanguage() {
        long match = mutualMatch("Refusal language offer", "EE");
        // APPROVE is not offered on a match that is not under review; a stale form may still post it.
        coordinatorForm().formParam("decision", "APPROVE").post("/ui/review/{id}", match).then().statusCode(409)
                .body(containsString("id=\"decision-problem\">APPROVE is not possible while the match is MUTUAL_INTEREST<"));
        coordinatorForm().cookie(UiContext.LANGUAGE_COOKIE, "uk").formParam("decision", "APPROVE")
                .post("/ui/review/{id}", match).then().statusCode(409)
                .body(containsString("id=\"decision-problem\">Дія «Схвалити» неможлива, поки збіг має статус «Взаємний інтерес»<"));
        coordinatorForm().cookie(UiContext.LANGUAGE_COOKIE, "uk").formParam("decision", "START_REVIEW").formParam("version", 0)
                .post("/ui/review/{id}", match).then().statusCode(409)
                .body(containsString("Збіг тим часом змінив хтось інший: ви надіслали версію 0, а поточна версія — "));
        coordinatorForm().formParam("decision", "START_REVIEW").formParam("version", 0).post("/ui/review/{id}", match).then()
                .statusCode(409).body(containsString("Match was changed by someone else: you sent version 0 but the current version is "));
        // The API keeps its English detail whatever the language of the caller.
        given().auth().oauth2(Tokens.coordinator()).header("Accept-Language", "uk").contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE")).post("/api/v1/matches/{id}/decision", match).then().statusCode(409)
                .body("detail", equalTo("APPROVE is not possible while the match is MUTUAL_INTEREST"));

        // In a bulk decision each refused match says why, in the page's language too.
        coordinatorForm().formParam("action", "START_REVIEW").formParam("ids", match).post("/ui/review/bulk").then()
                .statusCode(200);
        Response bulk = coordinatorForm().cookie(UiContext.LANGUAGE_COOKIE, "uk").formParam("action", "START_REVIEW")
                .formParam("ids", match).post("/ui/review/bulk");
        bulk.then().statusCode(200).body(containsString("Дія «Почати розгляд» неможлива, поки збіг має статус «На розгляді»"),
                not(containsString("is not possible")), not(containsString("START_REVIEW неможлива")));
    }

    @Test
    void theShortlistExportsAsQuotedFormulaSafeCsv() {
        String title = "=HYPERLINK(\"http://evil.example\"), \"quoted\" offer";
        long match = mutualMatch(title, "EE");
        Response csv = coordinatorForm().formParam("ids", match).post("/ui/review/export");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"));
        String[] lines = csv.asString().split("\r\n");
        assertEquals("matchId,status,onHold,score,rank,offerId,offerTitle,offerCountry,offerAreas,manufacturerId,"
                + "manufacturerName,reviewNote,decidedBy,decidedAt", lines[0]);
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith(match + ",MUTUAL_INTEREST,false,"), lines[1]);
        assertTrue(lines[1].contains(",\"'=HYPERLINK(\"\"http://evil.example\"\"), \"\"quoted\"\" offer\",EE,munitions.tank-125,"),
                lines[1]);

        // The view's export link (GET) carries the filters; a match outside them is not in it.
        String view = given().auth().oauth2(Tokens.auditor()).queryParam("status", "MUTUAL_INTEREST").queryParam("country", "EE")
                .get("/ui/review/export").then().statusCode(200).extract().asString();
        assertTrue(view.contains("\r\n" + match + ","), view);
        String other = given().auth().oauth2(Tokens.auditor()).queryParam("country", "LT").get("/ui/review/export").then()
                .statusCode(200).extract().asString();
        assertTrue(!other.contains("\r\n" + match + ","), other);
        given().auth().oauth2(maker.token()).get("/ui/review/export").then().statusCode(403);
    }

    @Test
    void theQueueSpeaksUkrainian() {
        given().auth().oauth2(Tokens.coordinator()).header("Accept-Language", "uk").get("/ui/review").then().statusCode(200)
                .body(containsString("<html lang=\"uk\">"), containsString("Країна міністерства"),
                        containsString("Застосувати до вибраних"),
                        // A count as "Збігів: N", which reads right for every N (the plural ending changes with N).
                        containsString("Збігів: "));
    }
}
