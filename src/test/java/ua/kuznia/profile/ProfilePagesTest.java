package ua.kuznia.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.web.PageForms.form;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;
import ua.kuznia.web.UiContext;

@QuarkusTest
class ProfilePagesTest {

    private static RequestSpecification validProfile(Org maker, String edrpou) {
        return form(maker.token())
                .formParam("legalName", "Fictional Forge <b>Works</b>").formParam("edrpou", edrpou)
                .formParam("oblast", "UA-46").formParam("employees", "140").formParam("description", "Fictional shells")
                .formParam("capArea", "munitions.artillery-155").formParam("capTrl", "8").formParam("capMrl", "7")
                .formParam("capCapacity", "1500").formParam("capUnit", "shells").formParam("capNotes", "")
                .formParam("capArea", "").formParam("capTrl", "").formParam("capMrl", "")
                .formParam("capCapacity", "").formParam("capUnit", "").formParam("capNotes", "")
                .formParam("certifications", "ISO-9001").formParam("clearance", "NATO_RESTRICTED")
                .formParam("seekingAreas", "munitions").formParam("seekingTransferTypes", "LICENSED_PRODUCTION");
    }

    private static String wrongCheckDigit() {
        String valid = Fixtures.validEdrpou();
        return valid.substring(0, 7) + (char) ('0' + (valid.charAt(7) - '0' + 1) % 10);
    }

    @Test
    void aManufacturerCreatesEditsAndPublishesItsProfile() {
        Org maker = createOrganization("MANUFACTURER", "UA");
        given().auth().oauth2(maker.token()).get("/ui/profile").then().statusCode(200)
                .body(containsString("id=\"no-profile\""), containsString("name=\"capArea\""),
                        containsString("<label for=\"legalName\">"), containsString("data-add-row=\"capability-template\""));

        validProfile(maker, Fixtures.validEdrpou()).post("/ui/profile").then().statusCode(303)
                .header("Location", containsString("/ui/profile?saved=true"));
        String page = given().auth().oauth2(maker.token()).get("/ui/profile").then().statusCode(200)
                .body(containsString("id=\"completeness\">100%"), containsString("id=\"publish\""),
                        containsString("Fictional Forge &lt;b&gt;Works&lt;/b&gt;"), not(containsString("<b>Works</b>")),
                        containsString("value=\"munitions.artillery-155\" selected"))
                .extract().asString();
        String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

        form(maker.token()).formParam("status", "PUBLISHED").formParam("version", version).post("/ui/profile/status")
                .then().statusCode(303);
        given().auth().oauth2(maker.token()).get("/ui/profile").then().statusCode(200)
                .body(containsString("id=\"unpublish\""));
        given().auth().oauth2(Tokens.coordinator()).queryParam("q", "Fictional Forge").get("/api/v1/manufacturers").then()
                .body(containsString("PUBLISHED"));
    }

    @Test
    void addingAndRemovingRowsWorksWithoutScripts() {
        Org maker = createOrganization("MANUFACTURER", "UA");
        String added = validProfile(maker, Fixtures.validEdrpou()).formParam("addRow", "1").post("/ui/profile").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(3, added.split("name=\"capArea\"", -1).length - 1 - 1,
                "two typed rows and one added, besides the script template");
        String removed = validProfile(maker, Fixtures.validEdrpou()).formParam("removeRow", "0").post("/ui/profile").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(1, removed.split("name=\"capArea\"", -1).length - 1 - 1);
        // Enter in a field submits with the form's first submit button: it must save, not remove a row.
        String form = removed.substring(removed.indexOf("action=\"/ui/profile\""));
        String firstSubmit = form.substring(form.indexOf("type=\"submit\""));
        org.junit.jupiter.api.Assertions.assertTrue(firstSubmit.startsWith("type=\"submit\" id=\"default-save\""), firstSubmit);
        given().auth().oauth2(maker.token()).get("/ui/profile").then().body(containsString("id=\"no-profile\""));
    }

    @Test
    void invalidInputIsShownNextToEachFieldInTheUsersLanguage() {
        Org maker = createOrganization("MANUFACTURER", "UA");
        form(maker.token()).header("Accept-Language", "uk")
                .formParam("legalName", "").formParam("edrpou", "12345678").formParam("oblast", "UA-46")
                .formParam("capArea", "munitions").formParam("capTrl", "eleven").formParam("capMrl", "12")
                .formParam("capCapacity", "10").formParam("capUnit", "").formParam("capNotes", "")
                .formParam("clearance", "UNCLASSIFIED")
                .post("/ui/profile").then().statusCode(422)
                .body(containsString("Виправте, будь ласка"), containsString("Мій профіль"),
                        containsString("class=\"field invalid\">\n    <label for=\"legalName\">"),
                        containsString("aria-describedby=\"error-legalName\""),
                        containsString("id=\"cap-0-trl-error\">має бути цілим числом"),
                        containsString("id=\"cap-0-mrl-error\">"),
                        containsString("value=\"eleven\""));
        validProfile(maker, wrongCheckDigit()).post("/ui/profile").then().statusCode(422)
                .body(containsString("id=\"error-edrpou\">check digit does not match"),
                        containsString("value=\"Fictional Forge &lt;b&gt;Works&lt;/b&gt;\""));
    }

    /**
     * The page's language decides, also over a browser that asks for English first; the API keeps
     * its English texts (services' violations even for a client asking for Ukrainian).
     */
    @Test
    void oblastsAreInTheOrderOfTheLanguagesAlphabet() {
        String page = given().auth().oauth2(createOrganization("MANUFACTURER", "UA").token()).header("Accept-Language", "uk")
                .get("/ui/profile").then().statusCode(200).extract().asString();
        int vinnytsia = page.indexOf("Вінницька область");
        int ivanoFrankivsk = page.indexOf("Івано-Франківська область");
        int kyiv = page.indexOf("Київська область");
        org.junit.jupiter.api.Assertions.assertTrue(vinnytsia > 0 && vinnytsia < ivanoFrankivsk && ivanoFrankivsk < kyiv,
                vinnytsia + " < " + ivanoFrankivsk + " < " + kyiv);
    }

    @Test
    void fieldErrorsFollowThePageLanguageWhileTheApiStaysEnglish() {
        Org maker = createOrganization("MANUFACTURER", "UA");
        trl12(maker).cookie(UiContext.LANGUAGE_COOKIE, "uk").header("Accept-Language", "en").post("/ui/profile").then()
                .statusCode(422).body(containsString("id=\"cap-0-trl-error\">має бути не більше 9"),
                        not(containsString("less than or equal")));
        trl12(maker).header("Accept-Language", "en").post("/ui/profile").then().statusCode(422)
                .body(containsString("id=\"cap-0-trl-error\">must be less than or equal to 9"));
        String wrong = wrongCheckDigit();
        validProfile(maker, wrong).cookie(UiContext.LANGUAGE_COOKIE, "uk").post("/ui/profile").then().statusCode(422)
                .body(containsString("id=\"error-edrpou\">контрольна цифра не збігається: «" + wrong + "» не є дійсним кодом ЄДРПОУ"));
        Map<String, Object> body = Fixtures.profileBody(maker.id(), List.of(capability("munitions", 12, 7, 10.0)));
        body.put("edrpou", wrong);
        given().auth().oauth2(maker.token()).contentType("application/json").body(body)
                .post("/api/v1/manufacturers").then().statusCode(400)
                .body("violations.message", hasItem("must be less than or equal to 9"));
        body.put("capabilities", List.of(capability("munitions", 8, 7, 10.0)));
        given().auth().oauth2(maker.token()).header("Accept-Language", "uk").contentType("application/json").body(body)
                .post("/api/v1/manufacturers").then().statusCode(400)
                .body("violations[0].message", equalTo("check digit does not match: '" + wrong + "' is not a valid EDRPOU code"));
    }

    private static RequestSpecification trl12(Org maker) {
        return form(maker.token()).formParam("legalName", "Fictional Forge").formParam("edrpou", Fixtures.validEdrpou())
                .formParam("oblast", "UA-46").formParam("capArea", "munitions").formParam("capTrl", "12")
                .formParam("capMrl", "7").formParam("capCapacity", "10").formParam("capUnit", "").formParam("capNotes", "")
                .formParam("clearance", "UNCLASSIFIED");
    }

    /**
     * A violation of a field the form has no message for (a row's unit, the hidden version) is
     * listed in the summary above the form, in the page's language; one the form marks stays by
     * its field only.
     */
    @Test
    void violationsNoFieldShowsAreListedInTheSummary() {
        Org maker = createOrganization("MANUFACTURER", "UA");
        String en = withUnit(maker, "u".repeat(61)).post("/ui/profile").then().statusCode(422).extract().asString();
        String summary = summary(en);
        org.junit.jupiter.api.Assertions.assertTrue(summary.contains("capabilities[0].capacityUnit: size must be between 0 and 60"),
                summary);
        org.junit.jupiter.api.Assertions.assertTrue(en.contains("id=\"cap-0-trl-error\">must be less than or equal to 9"), en);
        org.junit.jupiter.api.Assertions.assertFalse(summary.contains("less than or equal to 9"), summary);
        String uk = withUnit(maker, "u".repeat(61)).cookie(UiContext.LANGUAGE_COOKIE, "uk").post("/ui/profile").then()
                .statusCode(422).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(summary(uk).contains("capabilities[0].capacityUnit: розмір має бути між 0 та 60"),
                summary(uk));

        validProfile(maker, Fixtures.validEdrpou()).post("/ui/profile").then().statusCode(303);
        String unversioned = summary(validProfile(maker, Fixtures.validEdrpou()).post("/ui/profile").then().statusCode(422)
                .extract().asString());
        org.junit.jupiter.api.Assertions.assertTrue(
                unversioned.contains("version: is required on update (optimistic locking): send the version you read"), unversioned);
    }

    private static RequestSpecification withUnit(Org maker, String unit) {
        return form(maker.token()).formParam("legalName", "Fictional Forge").formParam("edrpou", Fixtures.validEdrpou())
                .formParam("oblast", "UA-46").formParam("capArea", "munitions").formParam("capTrl", "12")
                .formParam("capMrl", "7").formParam("capCapacity", "10").formParam("capUnit", unit).formParam("capNotes", "")
                .formParam("clearance", "UNCLASSIFIED");
    }

    private static String summary(String html) {
        int start = html.indexOf("id=\"form-errors\"");
        org.junit.jupiter.api.Assertions.assertTrue(start >= 0, html);
        return html.substring(start, html.indexOf("</div>", start));
    }

    @Test
    void onlyManufacturersHaveTheProfilePagesAndFormsNeedTheCsrfToken() {
        Org ministry = createOrganization("MINISTRY", "DE");
        given().auth().oauth2(ministry.token()).get("/ui/profile").then().statusCode(403)
                .contentType(containsString("text/html"));
        Org maker = createOrganization("MANUFACTURER", "UA");
        given().auth().oauth2(maker.token()).formParam("legalName", "x").post("/ui/profile").then().statusCode(403);
        given().auth().oauth2(maker.token()).get("/ui/profile").then().body(containsString("id=\"no-profile\""));
    }

    @Test
    void theOverviewCountsNewMatches() {
        Org ministry = createOrganization("MINISTRY", "PL");
        createOffer(ministry, offerBody(ministry.id(), List.of("munitions.tank-125")));
        Org maker = createOrganization("MANUFACTURER", "UA");
        Fixtures.createProfile(maker, Fixtures.profileBody(maker.id(), List.of(capability("munitions.tank-125", 8, 8, 500))));
        given().auth().oauth2(maker.token()).get("/ui/profile").then().statusCode(200)
                .body(not(containsString("id=\"new-matches\">0<")), containsString("id=\"profile-status\""));
    }
}
