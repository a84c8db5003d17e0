package ua.kuznia.web;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** A signed-in browser posting forms to the pages: the CSRF cookie and the field travel together. */
public final class PageForms {

    private PageForms() {
    }

    /** A request carrying a fresh CSRF cookie and the matching form field, not following redirects. */
    public static RequestSpecification form(String token) {
        String csrf = given().get("/").getCookie(Csrf.COOKIE);
        return given().auth().oauth2(token).redirects().follow(false)
                .cookie(Csrf.COOKIE, csrf).formParam(Csrf.FIELD, csrf);
    }
}
