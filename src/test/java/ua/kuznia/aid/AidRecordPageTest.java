package ua.kuznia.aid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;
import ua.kuznia.web.Csrf;
import ua.kuznia.web.UiContext;

/** One aid record entered through the page: the API's checks, next to each field, in the page's language. */
@QuarkusTest
class AidRecordPageTest {

    /** Every field of the API's request body, as the form posts it. */
    static final List<String> FIELDS = List.of("donorCountry", "asOfDate", "supportModel", "area", "commitmentDate",
            "committedValueEur", "deliveredValueEur", "committedQuantity", "deliveredQuantity", "quantityUnit",
            "firstDeliveryDate", "lastDeliveryDate", "source", "notes");

    @Inject
    DataSource db;

    private static RequestSpecification form(String bearer) {
        String token = given().get("/").getCookie(Csrf.COOKIE);
        return given().auth().oauth2(bearer).redirects().follow(false).cookie(Csrf.COOKIE, token)
                .formParam(Csrf.FIELD, token);
    }

    private static Map<String, String> valid(String source) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("donorCountry", "DK");
        values.put("asOfDate", "2025-03-31");
        values.put("supportModel", "DIRECT_FINANCING");
        values.put("area", "artillery.self-propelled");
        values.put("commitmentDate", "2024-02-20");
        values.put("committedValueEur", "1 250 000,50");
        values.put("deliveredValueEur", "500000");
        values.put("committedQuantity", "18");
        values.put("deliveredQuantity", "6");
        values.put("quantityUnit", "vehicles");
        values.put("firstDeliveryDate", "2024-06-01");
        values.put("lastDeliveryDate", "2024-11-15");
        values.put("source", source);
        values.put("notes", "Entered through the page");
        return values;
    }

    private long stored(String source) {
        return AidRecordTest.recordsWithSource(db, source);
    }

    /** The markup of one field: its label, its control and whatever message stands next to it. */
    private static String field(String html, String name) {
        int label = html.indexOf("<label for=\"" + name + "\">");
        assertTrue(label >= 0, "no label for " + name);
        int start = html.lastIndexOf("<div class=\"field", label);
        return html.substring(start, html.indexOf("</div>", label));
    }

    @Test
    void theFormLabelsEveryFieldOfTheApiInEnglishAndUkrainian() {
        String en = given().auth().oauth2(Tokens.coordinator()).get("/ui/aid/records/new").then().statusCode(200)
                .extract().asString();
        for (String name : FIELDS) {
            assertTrue(field(en, name).contains("name=\"" + name + "\""), "a control named " + name);
        }
        assertTrue(en.contains("name=\"" + Csrf.FIELD + "\""), "the CSRF field");
        assertTrue(field(en, "donorCountry").contains("Donor country"), en);
        assertTrue(field(en, "commitmentDate").contains("Commitment date"));
        assertTrue(field(en, "supportModel").contains("<option value=\"DIRECT_FINANCING\">Direct financing (Danish model)</option>"));
        assertTrue(field(en, "area").contains("value=\"artillery.self-propelled\""));
        assertTrue(en.contains("Save aid record"));

        String uk = given().auth().oauth2(Tokens.coordinator()).cookie(UiContext.LANGUAGE_COOKIE, "uk")
                .get("/ui/aid/records/new").then().statusCode(200).extract().asString();
        assertTrue(field(uk, "donorCountry").contains("Країна-донор"), uk);
        assertTrue(field(uk, "commitmentDate").contains("Дата зобов’язання"));
        assertTrue(field(uk, "lastDeliveryDate").contains("Дата останньої поставки"));
        assertTrue(field(uk, "supportModel").contains("Пряме фінансування (данська модель)"));
        assertTrue(uk.contains("Зберегти запис про допомогу"));
        assertTrue(!uk.contains("Donor country") && !uk.contains("Save aid record"), "no English left on the Ukrainian page");

        // The audit page leads to the form, for those who may use it.
        given().auth().oauth2(Tokens.coordinator()).get("/ui/aid").then().statusCode(200)
                .body(containsString("href=\"/ui/aid/records/new\""), containsString("href=\"/ui/aid/compare\""));
        given().auth().oauth2(Tokens.auditor()).get("/ui/aid").then().statusCode(200)
                .body(not(containsString("href=\"/ui/aid/records/new\"")), containsString("href=\"/ui/aid/compare\""));
    }

    @Test
    void aValidRecordIsStoredOnceAndConfirmed() {
        String source = Fixtures.unique("page-record");
        RequestSpecification post = form(Tokens.coordinator());
        valid(source).forEach(post::formParam);
        String location = post.post("/ui/aid/records/new").then().statusCode(303).extract().header("Location");
        assertTrue(location.contains("/ui/aid?recorded="), location);
        assertEquals(1, stored(source));

        String id = location.replaceAll(".*recorded=(\\d+).*", "$1");
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/records/" + id).then().statusCode(200)
                .body("source", equalTo(source)).body("donorCountry", equalTo("DK"))
                .body("supportModel", equalTo("DIRECT_FINANCING")).body("area", equalTo("artillery.self-propelled"))
                .body("quantityUnit", equalTo("vehicles")).body("asOfDate", equalTo("2025-03-31"))
                .body("commitmentDate", equalTo("2024-02-20")).body("firstDeliveryDate", equalTo("2024-06-01"))
                .body("lastDeliveryDate", equalTo("2024-11-15")).body("notes", equalTo("Entered through the page"))
                .body("createdBy", equalTo("coordinator"));
        JsonPath figures = given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/records/" + id).then().statusCode(200)
                .extract().jsonPath(KielImportTest.DECIMALS);
        // Typed as "1 250 000,50": spaces between thousands and a decimal comma are read as people write them.
        assertEquals(0, new BigDecimal("1250000.50").compareTo(figures.get("committedValueEur")));
        assertEquals(0, new BigDecimal("500000").compareTo(figures.get("deliveredValueEur")));
        assertEquals(0, new BigDecimal("18").compareTo(figures.get("committedQuantity")));
        assertEquals(0, new BigDecimal("6").compareTo(figures.get("deliveredQuantity")));
        given().auth().oauth2(Tokens.coordinator()).get("/ui/aid?recorded=" + id).then().statusCode(200)
                .body(containsString("id=\"record-saved\""), containsString("Aid record " + id + " saved."));
        given().auth().oauth2(Tokens.coordinator()).cookie(UiContext.LANGUAGE_COOKIE, "uk").get("/ui/aid?recorded=" + id)
                .then().statusCode(200).body(containsString("Запис про допомогу " + id + " збережено."));
    }

    @Test
    void anInvalidRecordIsShownAgainWithEachErrorNextToItsFieldAndNothingIsStored() {
        String source = Fixtures.unique("page-invalid");
        Map<String, String> values = valid(source);
        values.put("donorCountry", "XX");
        values.put("committedValueEur", "lots");
        values.put("firstDeliveryDate", "2024-01-01"); // before the commitment
        values.put("commitmentDate", "2024-02-20");
        values.put("lastDeliveryDate", "15.11.2024");
        values.put("supportModel", "");
        RequestSpecification post = form(Tokens.coordinator());
        values.forEach(post::formParam);
        String html = post.post("/ui/aid/records/new").then().statusCode(422).extract().asString();
        assertEquals(0, stored(source));

        assertTrue(html.contains("id=\"form-errors\""), html);
        assertTrue(field(html, "donorCountry").contains("<p class=\"field-error\" id=\"error-donorCountry\">&#39;XX&#39; is not"),
                field(html, "donorCountry"));
        assertTrue(field(html, "committedValueEur").contains("id=\"error-committedValueEur\">must be a number</p>"),
                field(html, "committedValueEur"));
        assertTrue(field(html, "firstDeliveryDate").contains("id=\"error-firstDeliveryDate\">must not be before commitmentDate"),
                field(html, "firstDeliveryDate"));
        assertTrue(field(html, "lastDeliveryDate").contains("is not an ISO date such as 2024-06-30"), field(html, "lastDeliveryDate"));
        assertTrue(field(html, "supportModel").contains("id=\"error-supportModel\""), field(html, "supportModel"));
        assertTrue(field(html, "source").contains("value=\"" + source + "\"") && !field(html, "source").contains("field-error"),
                "a right field keeps its value and has no message");
        // What was typed stays in the form, wrong values included.
        for (String name : FIELDS) {
            String typed = values.get(name);
            String control = field(html, name);
            assertTrue(switch (name) {
                case "supportModel", "area" -> typed.isEmpty() ? !control.contains(" selected>")
                        : control.contains("<option value=\"" + typed + "\" selected>");
                case "notes" -> control.contains(">" + typed + "</textarea>");
                default -> control.contains("value=\"" + typed + "\"");
            }, name + ": " + control);
        }

        RequestSpecification uk = form(Tokens.coordinator()).cookie(UiContext.LANGUAGE_COOKIE, "uk");
        values.forEach(uk::formParam);
        String ukHtml = uk.post("/ui/aid/records/new").then().statusCode(422).extract().asString();
        assertTrue(field(ukHtml, "committedValueEur").contains("id=\"error-committedValueEur\">має бути числом</p>"),
                field(ukHtml, "committedValueEur"));
        assertTrue(field(ukHtml, "firstDeliveryDate").contains("не може бути раніше дати зобов’язання"));
        assertTrue(field(ukHtml, "supportModel").contains("обов’язкове поле"), field(ukHtml, "supportModel"));
        assertTrue(field(ukHtml, "lastDeliveryDate").contains("не є датою у форматі ISO"));
        assertTrue(!ukHtml.contains("must be a number") && !ukHtml.contains("must not be before"), "no English messages");
        assertEquals(0, stored(source));
    }

    @Test
    void aPostWithoutTheCsrfTokenOrByOthersThanCoordinatorsIsRefused() {
        String source = Fixtures.unique("page-refused");
        String token = given().get("/").getCookie(Csrf.COOKIE);
        RequestSpecification noField = given().auth().oauth2(Tokens.coordinator()).redirects().follow(false)
                .cookie(Csrf.COOKIE, token);
        valid(source).forEach(noField::formParam);
        noField.post("/ui/aid/records/new").then().statusCode(403);
        RequestSpecification wrongField = given().auth().oauth2(Tokens.coordinator()).redirects().follow(false)
                .cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, "x".repeat(43));
        valid(source).forEach(wrongField::formParam);
        wrongField.post("/ui/aid/records/new").then().statusCode(403);
        assertEquals(0, stored(source));

        RequestSpecification auditor = form(Tokens.auditor());
        valid(source).forEach(auditor::formParam);
        auditor.post("/ui/aid/records/new").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).get("/ui/aid/records/new").then().statusCode(403);
        Org maker = Fixtures.createOrganization("MANUFACTURER", "UA");
        RequestSpecification manufacturer = form(maker.token());
        valid(source).forEach(manufacturer::formParam);
        manufacturer.post("/ui/aid/records/new").then().statusCode(403);
        assertEquals(0, stored(source));

        // An admin may, as through the API.
        RequestSpecification admin = form(Tokens.admin());
        valid(source).forEach(admin::formParam);
        admin.post("/ui/aid/records/new").then().statusCode(303);
        assertEquals(1, stored(source));
    }
}
