package ua.kuznia.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;
import static ua.kuznia.web.PageForms.form;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.web.UiContext;

@QuarkusTest
class OfferPagesTest {

    @Test
    void aMinistryPostsAnOfferAndSeesRankedCandidatesShortlistsAndAsksWhyNot() {
        Org ministry = createOrganization("MINISTRY", "DE");
        Org maker = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> body = profileBody(maker.id(), List.of(capability("ew.jamming", 8, 8, 40)));
        long profile = createProfile(maker, body);
        Org far = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> farBody = profileBody(far.id(), List.of(capability("radar.air-surveillance", 3, 3, 1)));
        createProfile(far, farBody);

        given().auth().oauth2(ministry.token()).get("/ui/offers/new").then().statusCode(200)
                .body(containsString("<label for=\"title\">"), containsString("name=\"areas\""));
        String location = form(ministry.token()).formParam("title", "Jammers <i>now</i>").formParam("areas", "ew.jamming")
                .formParam("transferType", "LICENSED_PRODUCTION").formParam("minTrl", "6").formParam("minMrl", "6")
                .formParam("minMonthlyCapacity", "10").formParam("requiredClearance", "UNCLASSIFIED")
                .formParam("classification", "UNCLASSIFIED").formParam("status", "OPEN")
                .post("/ui/offers").then().statusCode(303).extract().header("Location");
        String offer = location.replaceAll(".*/ui/offers/(\\d+)/candidates", "$1");

        given().auth().oauth2(ministry.token()).get("/ui/offers").then().statusCode(200)
                .body(containsString("Jammers &lt;i&gt;now&lt;/i&gt;"), containsString("href=\"/ui/offers/" + offer + "/candidates\""));
        given().auth().oauth2(ministry.token()).get("/ui/offers/{id}/candidates", offer).then().statusCode(200)
                .body(containsString(body.get("legalName").toString()), containsString("id=\"empty-shortlist\""),
                        containsString("class=\"interest\""));

        form(ministry.token()).formParam("profileId", profile).formParam("action", "add")
                .post("/ui/offers/{id}/shortlist", offer).then().statusCode(303);
        given().auth().oauth2(ministry.token()).get("/ui/offers/{id}/candidates", offer).then().statusCode(200)
                .body(containsString("id=\"shortlist-entries\""), containsString("class=\"secondary unmark\""),
                        containsString("href=\"/ui/offers/" + offer + "/shortlist.csv\""));
        String csv = given().auth().oauth2(ministry.token()).get("/ui/offers/{id}/shortlist.csv", offer).then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("profileId,legalName,edrpou,addedBy,addedAt\r\n"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(profile + "," + body.get("legalName") + "," + body.get("edrpou") + ","), csv);
        org.junit.jupiter.api.Assertions.assertEquals(2, csv.split("\r\n").length, "a header and the one shortlisted candidate");
        // Unpublished by its owner, the candidate is no longer named to the ministry; published again, it is back.
        for (String status : List.of("DRAFT", "PUBLISHED")) {
            body.put("status", status);
            body.put("version", given().auth().oauth2(maker.token()).get("/api/v1/manufacturers/{id}", profile).then()
                    .extract().jsonPath().getInt("version"));
            given().auth().oauth2(maker.token()).contentType(io.restassured.http.ContentType.JSON).body(body)
                    .put("/api/v1/manufacturers/{id}", profile).then().statusCode(200);
            String listed = given().auth().oauth2(ministry.token()).get("/ui/offers/{id}/shortlist.csv", offer).then()
                    .statusCode(200).extract().asString();
            org.junit.jupiter.api.Assertions.assertEquals(status.equals("PUBLISHED"), listed.contains(body.get("legalName").toString()),
                    status + ": " + listed);
        }
        form(ministry.token()).formParam("profileId", profile).formParam("action", "remove")
                .post("/ui/offers/{id}/shortlist", offer).then().statusCode(303);
        given().auth().oauth2(ministry.token()).get("/ui/offers/{id}/candidates", offer).then()
                .body(containsString("id=\"empty-shortlist\""));

        given().auth().oauth2(ministry.token()).redirects().follow(false).queryParam("who", farBody.get("edrpou"))
                .get("/ui/offers/{id}/why-not", offer).then().statusCode(303)
                .header("Location", containsString("/ui/explain?offer=" + offer + "&manufacturer="));
        given().auth().oauth2(ministry.token()).queryParam("who", "nobody-by-this-name-xyz")
                .get("/ui/offers/{id}/why-not", offer).then().statusCode(200).body(containsString("id=\"why-not-none\""));
    }

    @Test
    void invalidOffersAreShownNextToTheFieldsAndOtherMinistriesAreRefused() {
        Org ministry = createOrganization("MINISTRY", "FR");
        form(ministry.token()).header("Accept-Language", "uk").formParam("title", "").formParam("transferType", "LICENSED_PRODUCTION")
                .formParam("minTrl", "12").formParam("minMrl", "x").formParam("requiredClearance", "UNCLASSIFIED")
                .formParam("classification", "UNCLASSIFIED").formParam("status", "DRAFT")
                .post("/ui/offers").then().statusCode(422)
                .body(containsString("id=\"error-title\""), containsString("id=\"error-areas\">укажіть щонайменше один напрям спроможностей"),
                        containsString("id=\"error-minTrl\""), containsString("id=\"error-minMrl\">має бути цілим числом"),
                        containsString("id=\"error-minTrl\">має бути не більше 9"), containsString("Нова пропозиція"));
        form(ministry.token()).formParam("title", "").formParam("transferType", "LICENSED_PRODUCTION")
                .formParam("minTrl", "12").formParam("requiredClearance", "UNCLASSIFIED")
                .formParam("classification", "UNCLASSIFIED").formParam("status", "DRAFT")
                .post("/ui/offers").then().statusCode(422)
                .body(containsString("id=\"error-areas\">must name at least one capability area"),
                        containsString("id=\"error-minTrl\">must be less than or equal to 9"));
        // Errors on the selects are shown by them and tied to them too.
        form(ministry.token()).formParam("title", "Fictional selects").formParam("areas", "radar")
                .formParam("transferType", "LICENSED_PRODUCTION").formParam("minTrl", "5").formParam("minMrl", "5")
                .formParam("requiredClearance", "SECRETISH").formParam("classification", "UNCLASSIFIED").formParam("status", "MAYBE")
                .post("/ui/offers").then().statusCode(422)
                .body(containsString("name=\"requiredClearance\" aria-invalid=\"true\" aria-describedby=\"error-requiredClearance\""),
                        containsString("name=\"status\" aria-invalid=\"true\" aria-describedby=\"error-status\""),
                        containsString("id=\"error-status\">"));
        long offer = createOffer(ministry, offerBody(ministry.id(), List.of("munitions")));
        Org other = createOrganization("MINISTRY", "IT");
        given().auth().oauth2(other.token()).get("/ui/offers/{id}/candidates", offer).then().statusCode(403);
        given().auth().oauth2(other.token()).get("/ui/offers/{id}/edit", offer).then().statusCode(403);
        given().auth().oauth2(other.token()).get("/ui/offers/{id}/shortlist.csv", offer).then().statusCode(403);
        form(other.token()).formParam("profileId", 1).post("/ui/offers/{id}/shortlist", offer).then().statusCode(403);
        Org maker = createOrganization("MANUFACTURER", "UA");
        given().auth().oauth2(maker.token()).get("/ui/offers").then().statusCode(403);
        given().auth().oauth2(ministry.token()).formParam("profileId", 1).post("/ui/offers/{id}/shortlist", offer)
                .then().statusCode(403);
        Map<String, Object> secret = offerBody(ministry.id(), List.of("munitions"));
        secret.put("classification", "NATO_SECRET");
        long hidden = createOffer(ministry, secret);
        Org lowMinistry = createOrganization("MINISTRY", "NL", "NATO_RESTRICTED");
        given().auth().oauth2(lowMinistry.token()).get("/ui/offers/{id}/candidates", hidden).then().statusCode(404)
                .body(containsString("<p class=\"detail\">Offer " + hidden + " does not exist</p>"));
        // The page names what is missing in its own language; the API keeps the English detail.
        given().auth().oauth2(lowMinistry.token()).cookie(UiContext.LANGUAGE_COOKIE, "uk")
                .get("/ui/offers/{id}/candidates", hidden).then().statusCode(404)
                .body(containsString("<p class=\"detail\">Пропозиції " + hidden + " не існує</p>"));
        given().auth().oauth2(lowMinistry.token()).header("Accept-Language", "uk").get("/api/v1/offers/{id}", hidden).then()
                .statusCode(404).body("detail", org.hamcrest.Matchers.equalTo("Offer " + hidden + " does not exist"));
        given().auth().oauth2(ministry.token()).get("/ui/offers/{id}/candidates", hidden).then().statusCode(200)
                .body(not(containsString("id=\"error")));
    }

    /** The editor has no field for the version it sends: a refusal naming it is listed in the summary, not lost. */
    @Test
    void aViolationOfNoFieldOnTheEditorIsListedInTheSummary() {
        Org ministry = createOrganization("MINISTRY", "CZ");
        long offer = createOffer(ministry, offerBody(ministry.id(), List.of("munitions")));
        for (String language : List.of("en", "uk")) {
            String html = form(ministry.token()).cookie(UiContext.LANGUAGE_COOKIE, language).formParam("title", "Fictional edit")
                    .formParam("areas", "munitions").formParam("transferType", "LICENSED_PRODUCTION").formParam("minTrl", "5")
                    .formParam("minMrl", "5").formParam("requiredClearance", "UNCLASSIFIED").formParam("classification", "UNCLASSIFIED")
                    .formParam("status", "DRAFT").post("/ui/offers/{id}", offer).then().statusCode(422).extract().asString();
            int start = html.indexOf("id=\"form-errors\"");
            org.junit.jupiter.api.Assertions.assertTrue(start >= 0, html);
            String summary = html.substring(start, html.indexOf("</div>", start));
            org.junit.jupiter.api.Assertions.assertTrue(summary.contains(language.equals("en")
                    ? "version: is required on update (optimistic locking): send the version you read"
                    : "version: потрібна для змін (оптимістичне блокування): надішліть версію, яку ви отримали"), summary);
            org.junit.jupiter.api.Assertions.assertTrue(html.contains("value=\"Fictional edit\""), "the typed title is kept");
        }
    }

    /** A ministry with more offers than a page holds pages through them all. */
    @Test
    void myOffersPageThroughEveryOffer() {
        Org ministry = createOrganization("MINISTRY", "LT");
        for (int i = 0; i <= OfferPages.OWN_PAGE_SIZE; i++) {
            createOffer(ministry, ua.kuznia.testing.Fixtures.offerBody(ministry.id(), List.of("radar")));
        }
        String first = given().auth().oauth2(ministry.token()).get("/ui/offers").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(OfferPages.OWN_PAGE_SIZE, first.split("/edit\"", -1).length - 1);
        org.junit.jupiter.api.Assertions.assertTrue(first.contains("href=\"/ui/offers?page=1\" rel=\"next\""), "a link to the next page");
        String second = given().auth().oauth2(ministry.token()).queryParam("page", 1).get("/ui/offers").then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(1, second.split("/edit\"", -1).length - 1);
        org.junit.jupiter.api.Assertions.assertTrue(second.contains("rel=\"prev\""), "a link back");
    }
}
