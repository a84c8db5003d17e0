package ua.kuznia.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;

/** The search page: the API's full-text search and filters, need-to-know, validation next to fields. */
@QuarkusTest
class SearchPagesTest {

    @Test
    void findsProfilesAndOffersByTextAndEscapesWhatItShows() {
        String word = "Zorvik" + System.nanoTime();
        Org ministry = createOrganization("MINISTRY", "NL");
        Map<String, Object> offer = new java.util.HashMap<>(offerBody(ministry.id(), List.of("munitions.artillery-155")));
        offer.put("title", word + " <b>shells</b>");
        createOffer(ministry, offer);
        Org maker = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> profile = new java.util.HashMap<>(profileBody(maker.id(),
                List.of(capability("munitions.artillery-155", 7, 7, 900))));
        profile.put("description", "Forging " + word);
        createProfile(maker, profile);

        given().auth().oauth2(Tokens.coordinator()).queryParam("q", word).get("/ui/search").then().statusCode(200)
                .body(containsString("id=\"offer-results\""), containsString("id=\"profile-results\""),
                        containsString(word + " &lt;b&gt;shells&lt;/b&gt;"), not(containsString("<b>shells</b>")));
    }

    @Test
    void aClassifiedOfferStaysInvisibleToAManufacturerWithoutClearance() {
        String word = "Quellan" + System.nanoTime();
        Org ministry = createOrganization("MINISTRY", "DE", "NATO_SECRET");
        Map<String, Object> offer = new java.util.HashMap<>(offerBody(ministry.id(), List.of("munitions")));
        offer.put("title", word);
        offer.put("classification", "NATO_SECRET");
        createOffer(ministry, offer);
        Org maker = createOrganization("MANUFACTURER", "UA");
        given().auth().oauth2(maker.token()).queryParam("q", word).get("/ui/search").then().statusCode(200)
                .body(containsString("id=\"no-offers\""), not(containsString(word + "</a>")));
        // The owning ministry, cleared for it, finds it with the same words.
        given().auth().oauth2(ministry.token()).queryParam("q", word).get("/ui/search").then().statusCode(200)
                .body(containsString("id=\"offer-results\""));
    }

    @Test
    void badFiltersAreShownNextToTheirFieldsInTheUsersLanguage() {
        given().auth().oauth2(Tokens.coordinator()).queryParam("minTrl", "12").queryParam("country", "Ukraine")
                .get("/ui/search").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("aria-invalid=\"true\""), containsString("must be between 1 and 9"),
                        containsString("must be a two-letter ISO 3166-1 code"));
        given().auth().oauth2(Tokens.coordinator()).header("Accept-Language", "uk").get("/ui/search").then().statusCode(200)
                .body(containsString("<html lang=\"uk\">"));
    }
}
