package ua.kuznia.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
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
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;

@QuarkusTest
class MatchPagesTest {

    private Org ministry;
    private Org maker;
    private long offer;
    private long profile;

    private long match(String area, String title) {
        ministry = createOrganization("MINISTRY", "PL");
        Map<String, Object> body = offerBody(ministry.id(), List.of(area));
        body.put("title", title);
        offer = createOffer(ministry, body);
        maker = createOrganization("MANUFACTURER", "UA");
        profile = createProfile(maker, profileBody(maker.id(), List.of(capability(area, 8, 8, 500))));
        return given().auth().oauth2(maker.token()).get("/api/v1/manufacturers/{id}/matches", profile).then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.offerId == " + offer + " }.id");
    }

    @Test
    void aManufacturerSeesItsRankedMatchesOpensTheExplanationAndExpressesInterest() {
        long match = match("munitions.tank-125", "Tank rounds <script>alert(1)</script>");
        given().auth().oauth2(maker.token()).get("/ui/my-matches").then().statusCode(200)
                .body(containsString("href=\"/ui/matches/" + match + "\""),
                        containsString("Tank rounds &lt;script&gt;alert(1)&lt;/script&gt;"), not(containsString("<script>alert")));
        given().auth().oauth2(maker.token()).get("/ui/matches/{id}", match).then().statusCode(200)
                .body(containsString("class=\"hard-rules\""), containsString("class=\"soft-rules\""),
                        containsString("<svg class=\"chart\" id=\"contribution-chart\""),
                        matchesPattern("(?s).*<rect class=\"bar\" x=\"\\d+\" y=\"\\d+\" width=\"\\d+\".*"),
                        containsString("id=\"express-interest\""), containsString("<label for=\"reason\">"),
                        not(containsString("style=")));
        form(maker.token()).post("/ui/matches/{id}/interest", match).then().statusCode(303)
                .header("Location", containsString("/ui/matches/" + match));
        given().auth().oauth2(maker.token()).get("/ui/matches/{id}", match).then().statusCode(200)
                .body(containsString("Manufacturer interested"), not(containsString("id=\"express-interest\"")));
        form(maker.token()).post("/ui/matches/{id}/interest", match).then().statusCode(409)
                .body(containsString("id=\"form-errors\""));
    }

    @Test
    void declineNeedsAReasonShownNextToTheField() {
        long match = match("radar.air-surveillance", "Radar line");
        form(maker.token()).header("Accept-Language", "uk").formParam("reason", " ").post("/ui/matches/{id}/decline", match)
                .then().statusCode(422)
                .body(containsString("class=\"field invalid\""), containsString("aria-describedby=\"error-reason\""),
                        containsString("id=\"error-reason\">заповніть, щоб відмовитися"), containsString("Причина відмови"));
        form(maker.token()).formParam("reason", "Line fully booked <until> spring").post("/ui/matches/{id}/decline", match)
                .then().statusCode(303);
        given().auth().oauth2(ministry.token()).get("/ui/matches/{id}", match).then().statusCode(200)
                .body(containsString("Declined"), containsString("Line fully booked &lt;until&gt; spring"));
    }

    @Test
    void outsidersGet404OrForbiddenExactlyAsFromTheApi() {
        long match = match("components.optics", "Optics");
        Org stranger = createOrganization("MANUFACTURER", "UA");
        createProfile(stranger, profileBody(stranger.id(), List.of()));
        given().auth().oauth2(stranger.token()).get("/ui/matches/{id}", match).then().statusCode(404)
                .contentType(containsString("text/html"));
        form(stranger.token()).post("/ui/matches/{id}/interest", match).then().statusCode(404);
        Org otherMinistry = createOrganization("MINISTRY", "DE");
        given().auth().oauth2(otherMinistry.token()).queryParam("offer", offer).queryParam("manufacturer", profile)
                .get("/ui/explain").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).get("/ui/matches/{id}", match).then().statusCode(200)
                .body(not(containsString("id=\"express-interest\"")));
        form(Tokens.coordinator()).post("/ui/matches/{id}/interest", match).then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).get("/ui/my-matches").then().statusCode(403);
    }

    @Test
    void theExplanationOfAnyPairIsInTheUsersLanguage() {
        match("armor.tanks", "Armour");
        Org far = createOrganization("MANUFACTURER", "UA");
        long other = createProfile(far, profileBody(far.id(), List.of(capability("radar.air-surveillance", 3, 3, 1))));
        given().auth().oauth2(ministry.token()).header("Accept-Language", "uk").queryParam("offer", offer)
                .queryParam("manufacturer", other).get("/ui/explain").then().statusCode(200)
                .body(containsString("Пояснення"), containsString("id=\"why-not\""), containsString("class=\"failed\""),
                        containsString("id=\"explain-manufacturer\""),
                        // The values compared are in Ukrainian too, codes left as they are.
                        containsString("<td>спроможність у напрямі armor.tanks чи в піднапрямі</td>"),
                        containsString("<td>спроможності лише в radar.air-surveillance</td>"),
                        containsString("(річний цільовий обсяг 120000 / 12)</td>"),
                        containsString("Вимога пропозиції: TRL ≥ 6 і MRL ≥ 6 у напрямі пропозиції"),
                        not(containsString("a capability in armor.tanks")));
        given().auth().oauth2(ministry.token()).queryParam("offer", offer).queryParam("manufacturer", other).get("/ui/explain")
                .then().statusCode(200).body(containsString("<td>a capability in armor.tanks, or below</td>"),
                        not(containsString("спроможність у напрямі")));
        given().auth().oauth2(ministry.token()).queryParam("offer", offer).get("/ui/explain").then().statusCode(400);
    }
}
