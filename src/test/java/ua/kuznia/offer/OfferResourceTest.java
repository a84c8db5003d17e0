package ua.kuznia.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static ua.kuznia.testing.Fixtures.as;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.staff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;

@QuarkusTest
class OfferResourceTest {


    @Nested
    class Success {

        @Test
        void createReadUpdateDelete() {
            Org ministry = createOrganization("MINISTRY", "FR");
            Map<String, Object> body = offerBody(ministry.id(), List.of("munitions.artillery-155"));
            body.put("maxRiskTier", 3);
            body.put("minMonthlyCapacity", 5000);
            body.put("localizationTargetPercent", 60);
            body.put("opensAt", "2026-12-01");
            body.put("closesAt", "2027-06-30");
            long id = as(ministry).contentType(ContentType.JSON).body(body).post("/api/v1/offers").then().statusCode(201)
                    .header("Location", containsString("/api/v1/offers/"))
                    .body("country", equalTo("FR")).body("areas", hasItem("munitions.artillery-155"))
                    .body("exportControl.mlCodes", hasItem("ML3")).body("exportControl.licenceRequired", equalTo(true))
                    .body("opensAt", equalTo("2026-12-01")).body("maxRiskTier", equalTo(3))
                    .body("version", equalTo(0)).extract().jsonPath().getLong("id");

            staff().get("/api/v1/offers/{id}", id).then().statusCode(200).body("title", equalTo(body.get("title")))
                    .body("transferType", equalTo("LICENSED_PRODUCTION")).body("minMonthlyCapacity", equalTo(5000.0f));

            body.put("version", 0);
            body.put("status", "CLOSED");
            as(ministry).contentType(ContentType.JSON).body(body).put("/api/v1/offers/{id}", id).then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("version", equalTo(1));

            as(ministry).delete("/api/v1/offers/{id}", id).then().statusCode(204);
            staff().get("/api/v1/offers/{id}", id).then().statusCode(404).contentType("application/problem+json");
        }

        @Test
        void listFiltersByAreaDescendantsCountryStatusTrlAndText() {
            String marker = Fixtures.unique("kalyna").replace("-", "");
            Org de = createOrganization("MINISTRY", "DE");
            Org pl = createOrganization("MINISTRY", "PL");
            long a = offerWith(de, marker, List.of("air-defense.fire-control"), 7, "OPEN");
            long b = offerWith(pl, marker, List.of("ew.jamming", "radar.ground"), 5, "OPEN");
            long c = offerWith(pl, marker, List.of("air-defense"), 8, "DRAFT");

            staff().queryParam("q", marker).get("/api/v1/offers").then().body("total", equalTo(3));
            staff().queryParam("q", marker).queryParam("area", "air-defense").get("/api/v1/offers").then()
                    .body("total", equalTo(2)).body("items.id", not(hasItem((int) b)));
            staff().queryParam("q", marker).queryParam("area", "radar").get("/api/v1/offers").then()
                    .body("total", equalTo(1)).body("items[0].id", equalTo((int) b));
            staff().queryParam("q", marker).queryParam("country", "PL").get("/api/v1/offers").then().body("total", equalTo(2));
            staff().queryParam("q", marker).queryParam("status", "OPEN").get("/api/v1/offers").then()
                    .body("total", equalTo(2)).body("items.id", not(hasItem((int) c)));
            staff().queryParam("q", marker).queryParam("minTrl", 7).get("/api/v1/offers").then()
                    .body("total", equalTo(2)).body("items.id", hasItem((int) a)).body("items.id", hasItem((int) c));
            staff().queryParam("q", marker).queryParam("size", 1).queryParam("page", 1).get("/api/v1/offers").then()
                    .body("total", equalTo(3)).body("items", hasSize(1)).body("page", equalTo(1));
        }

        private long offerWith(Org org, String marker, List<String> areas, int minTrl, String status) {
            Map<String, Object> body = offerBody(org.id(), areas);
            body.put("description", "Fictional offer " + marker);
            body.put("minTrl", minTrl);
            body.put("status", status);
            return createOffer(org, body);
        }
    }

    @Nested
    class Errors {

        @Test
        void offerNeedsAtLeastOneKnownArea() {
            Org ministry = createOrganization("MINISTRY", "IT");
            as(ministry).contentType(ContentType.JSON).body(offerBody(ministry.id(), List.of())).post("/api/v1/offers").then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("areas"));
            as(ministry).contentType(ContentType.JSON).body(offerBody(ministry.id(), List.of("missiles.hypersonic"))).post("/api/v1/offers")
                    .then().statusCode(400).body("violations[0].field", equalTo("areas[0]"))
                    .body("violations[0].message", containsString("/api/v1/taxonomy/areas"));
        }

        @Test
        void unknownTransferTypeListsTheAllowedOnes() {
            Org ministry = createOrganization("MINISTRY", "IT");
            Map<String, Object> body = offerBody(ministry.id(), List.of("radar"));
            body.put("transferType", "GIFT");
            as(ministry).contentType(ContentType.JSON).body(body).post("/api/v1/offers").then().statusCode(400)
                    .body("violations[0].field", equalTo("transferType"))
                    .body("violations[0].message", containsString("JOINT_VENTURE"));
        }

        @Test
        void fieldRulesAreReportedTogether() {
            Org ministry = createOrganization("MINISTRY", "IT");
            Map<String, Object> body = offerBody(ministry.id(), List.of("radar"));
            body.put("minTrl", 0);
            body.put("minMrl", 11);
            body.put("localizationTargetPercent", 140);
            body.put("maxRiskTier", 5);
            body.put("budgetEur", -1);
            body.put("exportControl", Map.of("mlCodes", List.of("ML23")));
            body.put("opensAt", "2027-01-10");
            body.put("closesAt", "2026-01-10");
            as(ministry).contentType(ContentType.JSON).body(body).post("/api/v1/offers").then().statusCode(400)
                    .body("violations.field", hasItem("minTrl")).body("violations.field", hasItem("minMrl"))
                    .body("violations.field", hasItem("localizationTargetPercent"))
                    .body("violations.field", hasItem("maxRiskTier")).body("violations.field", hasItem("budgetEur"))
                    .body("violations.field", hasItem("exportControl.mlCodes[0]"));
            body.put("minTrl", 5);
            body.put("minMrl", 5);
            body.put("localizationTargetPercent", 40);
            body.put("maxRiskTier", 2);
            body.put("budgetEur", 10);
            body.put("exportControl", Map.of("mlCodes", List.of("ML22")));
            as(ministry).contentType(ContentType.JSON).body(body).post("/api/v1/offers").then().statusCode(400)
                    .body("violations[0].field", equalTo("closesAt"));
        }

        @Test
        void badDateIs400NamingTheField() {
            Org ministry = createOrganization("MINISTRY", "IT");
            Map<String, Object> body = offerBody(ministry.id(), List.of("radar"));
            body.put("opensAt", "31/12/2026");
            as(ministry).contentType(ContentType.JSON).body(body).post("/api/v1/offers").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("opensAt"));
        }

        @Test
        void onlyMinistriesPostOffers() {
            Org maker = createOrganization("MANUFACTURER", "UA");
            given().auth().oauth2(Tokens.token("confused", "ministry", maker.code())).contentType(ContentType.JSON)
                    .body(offerBody(maker.id(), List.of("radar"))).post("/api/v1/offers").then()
                    .statusCode(400).body("violations[0].field", equalTo("organizationId"))
                    .body("violations[0].message", equalTo("organization " + maker.id()
                            + " is a MANUFACTURER; only MINISTRY organizations post transfer offers"));
            as(maker).contentType(ContentType.JSON).body(offerBody(maker.id(), List.of("radar"))).post("/api/v1/offers")
                    .then().statusCode(403).contentType("application/problem+json");
        }

        @Test
        void staleVersionIs409() {
            Org ministry = createOrganization("MINISTRY", "GB");
            Map<String, Object> body = offerBody(ministry.id(), List.of("autonomous.usv"));
            long id = createOffer(ministry, body);
            body.put("version", 0);
            body.put("title", "First edit");
            as(ministry).contentType(ContentType.JSON).body(body).put("/api/v1/offers/{id}", id).then().statusCode(200);
            body.put("title", "Second edit from a stale copy");
            as(ministry).contentType(ContentType.JSON).body(body).put("/api/v1/offers/{id}", id).then().statusCode(409)
                    .contentType("application/problem+json");
            staff().get("/api/v1/offers/{id}", id).then().body("title", equalTo("First edit"));
        }

        @Test
        void unknownIdsAndBadQueriesAreProblems() {
            staff().get("/api/v1/offers/424242424").then().statusCode(404).contentType("application/problem+json");
            as(createOrganization("MINISTRY", "SE")).delete("/api/v1/offers/424242424").then().statusCode(404);
            staff().delete("/api/v1/offers/424242424").then().statusCode(403);
            staff().queryParam("status", "MAYBE").get("/api/v1/offers").then().statusCode(400)
                    .body("violations[0].message", containsString("OPEN"));
            staff().queryParam("page", -1).get("/api/v1/offers").then().statusCode(400);
            // Not numbers at all: a 400 naming the parameter, not the framework's bare 404.
            staff().queryParam("minTrl", "seven").get("/api/v1/offers").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("minTrl"))
                    .body("violations[0].message", equalTo("'seven' is not a whole number"));
            staff().queryParam("page", "abc").get("/api/v1/offers").then().statusCode(400).body("violations[0].field", equalTo("page"));
            staff().queryParam("size", "1e2").get("/api/v1/manufacturers").then().statusCode(400).body("violations[0].field", equalTo("size"));
            staff().queryParam("minScore", "lots").get("/api/v1/matches").then().statusCode(400).body("violations[0].field", equalTo("minScore"));
            staff().queryParam("minScore", "NaN").get("/api/v1/matches").then().statusCode(400).body("violations[0].field", equalTo("minScore"));
            // page times size would wrap around to a negative offset, which the database refuses.
            staff().queryParam("page", Integer.MAX_VALUE).get("/api/v1/offers").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("page"));
            staff().queryParam("page", Integer.MAX_VALUE).get("/api/v1/organizations").then().statusCode(400);
            staff().queryParam("page", Integer.MAX_VALUE).get("/api/v1/audit-trail").then().statusCode(400);
            staff().queryParam("page", Integer.MAX_VALUE).get("/ui/review").then().statusCode(200);
            staff().queryParam("page", Integer.MAX_VALUE).get("/ui/my-matches").then().statusCode(org.hamcrest.Matchers.lessThan(500));
            // Values only the database refuses: a NUL in a search, a date beyond its calendar.
            staff().queryParam("q", "radar\u0000").get("/api/v1/offers").then().statusCode(400)
                    .contentType("application/problem+json").body("type", containsString("value-not-storable"));
            Org ministry = createOrganization("MINISTRY", "SE");
            Map<String, Object> body = offerBody(ministry.id(), List.of("radar"));
            body.put("opensAt", "+5874898-01-01");
            body.put("closesAt", "+5874899-01-01");
            String marker = "unstorable" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
            body.put("description", "Fictional offer, " + marker);
            as(ministry).contentType(ContentType.JSON).body(body).post("/api/v1/offers").then().statusCode(400)
                    .contentType("application/problem+json");
            as(ministry).queryParam("q", marker).get("/api/v1/offers").then().statusCode(200).body("total", equalTo(0));
        }

        /** An update replaces the whole offer: a misspelt field ignored would clear the one meant. */
        @Test
        void unknownFieldsAndFractionsOfWholeNumbersAreRefused() {
            Org ministry = createOrganization("MINISTRY", "FI");
            Map<String, Object> body = offerBody(ministry.id(), List.of("radar"));
            long id = createOffer(ministry, body);
            Map<String, Object> misspelt = new java.util.HashMap<>(body);
            misspelt.put("version", 0);
            misspelt.put("closesAT", "2031-01-01");
            as(ministry).contentType(ContentType.JSON).body(misspelt).put("/api/v1/offers/{id}", id).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("closesAT"))
                    .body("violations[0].message", containsString("unknown field"));
            Map<String, Object> fraction = new java.util.HashMap<>(body);
            fraction.put("version", 0);
            fraction.put("minTrl", 8.9);
            as(ministry).contentType(ContentType.JSON).body(fraction).put("/api/v1/offers/{id}", id).then().statusCode(400)
                    .body("violations[0].field", equalTo("minTrl"));
            as(ministry).get("/api/v1/offers/{id}", id).then().body("version", equalTo(0));
        }
    }
}
