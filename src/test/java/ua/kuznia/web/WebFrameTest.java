package ua.kuznia.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;

/**
 * The page frame every screen shares: languages, role-aware navigation, CSRF on forms, the
 * friendly error page. Fast tests sign in with bearer tokens (the browser login through Keycloak is
 * covered by the browser tests).
 */
@QuarkusTest
class WebFrameTest {

    @Test
    void startPageIsPublicAndEnglishByDefault() {
        given().accept("text/html").get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"en\">"), containsString("For manufacturers"),
                        // The product's name once, after what the page is.
                        containsString("<title>Defence-industry partnerships · Kuznia</title>"),
                        containsString("href=\"/static/kuznia.css\""), not(containsString("https://")));
    }

    @Test
    void browserLanguageIsFollowedWhenNothingWasChosen() {
        given().header("Accept-Language", "de-DE,uk;q=0.8,en;q=0.5").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"uk\">"), containsString("Для виробників"),
                        containsString("<title>Партнерства оборонної промисловості · Кузня</title>"));
        given().header("Accept-Language", "pl, de;q=0.5").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void chosenLanguageIsRememberedAndWinsOverTheBrowser() {
        Response page = given().get("/");
        String token = page.getCookie(Csrf.COOKIE);
        Response switched = given().redirects().follow(false).cookie(Csrf.COOKIE, token)
                .formParam(Csrf.FIELD, token).formParam("lang", "uk").formParam("back", "/ui")
                .post("/ui/lang");
        switched.then().statusCode(303).header("Location", startsWith("http")).header("Location", containsString("/ui"));
        String language = switched.getCookie(UiContext.LANGUAGE_COOKIE);
        assertEquals("uk", language);
        given().cookie(UiContext.LANGUAGE_COOKIE, language).header("Accept-Language", "en").get("/").then()
                .body(containsString("<html lang=\"uk\">"));
    }

    /** What a role may read, its navigation offers: an auditor reads the review queue, the rule set and the gaps. */
    @Test
    void theNavigationOffersAnAuditorWhatItMayRead() {
        String home = given().auth().oauth2(Tokens.auditor()).get("/ui").then().statusCode(200).extract().asString();
        for (String page : java.util.List.of("/ui/review", "/ui/ruleset", "/ui/gaps", "/ui/aid")) {
            org.junit.jupiter.api.Assertions.assertTrue(home.contains("<a href=\"" + page + "\""), page + " in the navigation");
            org.junit.jupiter.api.Assertions.assertTrue(home.contains("<a class=\"tile\" href=\"" + page + "\""), page + " on the home page");
            given().auth().oauth2(Tokens.auditor()).get(page).then().statusCode(200);
        }
        // A manufacturer gets none of them, and would be refused them.
        String maker = given().auth().oauth2(Fixtures.createOrganization("MANUFACTURER", "UA").token()).get("/ui").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(maker.contains("href=\"/ui/review\""));
    }

    /** The switch comes back to the same view: its filters kept, and never to a URL that only takes a post. */
    @Test
    void theLanguageSwitchComesBackToTheSameView() {
        given().auth().oauth2(Tokens.coordinator()).queryParam("q", "radar").queryParam("area", "ew").get("/ui/search").then()
                .statusCode(200).body(containsString("name=\"back\" value=\"/ui/search?q=radar&amp;area=ew\""));
        // A page answering a form post (here a refused language form of the effectiveness page)
        // comes back to the page the form was on.
        String token = given().get("/").getCookie(Csrf.COOKIE);
        given().auth().oauth2(Tokens.coordinator()).cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, token)
                .header("Referer", "http://localhost/ui/aid?release=29")
                .formParam("extraKey", "TRAINING").formParam("extraValue", "very").post("/ui/aid/effectiveness").then()
                .statusCode(422).body(containsString("name=\"back\" value=\"/ui/aid?release=29\""));
        given().auth().oauth2(Tokens.coordinator()).cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, token)
                .formParam("extraKey", "TRAINING").formParam("extraValue", "very").post("/ui/aid/effectiveness").then()
                .statusCode(422).body(containsString("name=\"back\" value=\"/ui\""));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedWithAPageNotJson() {
        Response page = given().get("/");
        String token = page.getCookie(Csrf.COOKIE);
        // no field
        given().cookie(Csrf.COOKIE, token).formParam("lang", "uk").post("/ui/lang").then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("You are not allowed to do this."), not(containsString("Exception")),
                        not(containsString("at ua.kuznia")));
        // field from another browser (cookie differs)
        given().cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, "A".repeat(43)).formParam("lang", "uk")
                .post("/ui/lang").then().statusCode(403);
        // no cookie at all
        given().formParam(Csrf.FIELD, token).formParam("lang", "uk").post("/ui/lang").then().statusCode(403);
    }

    @Test
    void theLanguageSwitchNeverRedirectsOffSite() {
        assertEquals("/", HomePages.localPath("//evil.example/x"));
        assertEquals("/", HomePages.localPath("https://evil.example/"));
        assertEquals("/", HomePages.localPath("/\\evil.example"));
        assertEquals("/", HomePages.localPath("/ui\r\nSet-Cookie: x=y"));
        assertEquals("/", HomePages.localPath(null));
        assertEquals("/ui/search", HomePages.localPath("/ui/search"));
        assertEquals("/ui/search?q=radar&area=ew", HomePages.localPath("/ui/search?q=radar&area=ew"));
        // Not a URI at all: home, not a failed redirect.
        assertEquals("/", HomePages.localPath("/ui/a b"));
        assertEquals("/", HomePages.localPath("/ui/%zz"));
    }

    @Test
    void navigationFollowsTheRoles() {
        Org maker = Fixtures.createOrganization("MANUFACTURER", "UA");
        given().auth().oauth2(maker.token()).get("/ui").then().statusCode(200)
                .body(containsString("href=\"/ui/profile\""), containsString("href=\"/ui/my-matches\""),
                        not(containsString("href=\"/ui/review\"")), not(containsString("href=\"/ui/offers\"")),
                        containsString("id=\"sign-out\""));
        given().auth().oauth2(Tokens.coordinator()).get("/ui").then().statusCode(200)
                .body(containsString("href=\"/ui/review\""), containsString("href=\"/ui/ruleset\""),
                        containsString("href=\"/ui/aid\""), not(containsString("href=\"/ui/profile\"")));
    }

    @Test
    void userTextIsEscaped() {
        String hostile = "<script>alert(1)</script>";
        given().auth().oauth2(Tokens.token(hostile, "coordinator", null)).get("/ui").then().statusCode(200)
                .body(not(containsString(hostile)), containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void problemsOnPagesAreShownAsTheErrorPageInTheUsersLanguage() {
        given().header("Accept-Language", "uk").formParam("lang", "en").post("/ui/lang").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("Вам не дозволено це робити."),
                        containsString("<p class=\"detail\">Форма застаріла або надіслана не з цього сайту;"),
                        not(containsString("The form has expired")));
        given().header("Accept-Language", "en").formParam("lang", "en").post("/ui/lang").then().statusCode(403)
                .body(containsString("<p class=\"detail\">The form has expired or did not come from this site;"));
        // A page the role may not open says so in the page's language too.
        given().auth().oauth2(Fixtures.createOrganization("MANUFACTURER", "UA").token()).cookie(UiContext.LANGUAGE_COOKIE, "uk")
                .get("/ui/review").then().statusCode(403)
                .body(containsString("<p class=\"detail\">Ваша роль не дозволяє цієї дії</p>"));
    }

    private static void assertEquals(Object expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
