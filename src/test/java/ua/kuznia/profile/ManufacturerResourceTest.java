package ua.kuznia.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.profileBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;

@QuarkusTest
class ManufacturerResourceTest {

    @Nested
    class Success {

        @Test
        void createReadUpdateDelete() {
            long org = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(org, List.of(capability("munitions.artillery-155", 7, 8, 20_000)));
            var created = given().contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/v1/manufacturers/"))
                    .body("legalName", equalTo(body.get("legalName")))
                    .body("capabilities[0].area", equalTo("munitions.artillery-155"))
                    .body("capabilities[0].monthlyCapacity", equalTo(20000.0f))
                    .body("seeking.transferTypes", hasItem("LICENSED_PRODUCTION"))
                    .body("organizationId", equalTo((int) org))
                    .body("country", equalTo("UA"))
                    .body("version", equalTo(0))
                    .extract().jsonPath();
            long id = created.getLong("id");

            given().get("/api/v1/manufacturers/{id}", id).then().statusCode(200)
                    .body("edrpou", equalTo(body.get("edrpou"))).body("clearance", equalTo("NATO_RESTRICTED"));

            body.put("version", 0);
            body.put("capabilities", List.of(capability("munitions.artillery-155", 8, 8, 25_000),
                    capability("munitions.propellant-energetics", 6, 5, 40)));
            given().contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then().statusCode(200)
                    .body("version", equalTo(1)).body("capabilities", hasSize(2)).body("capabilities[0].trl", equalTo(8));

            // Removing a capability row is an update too, and bumps the version.
            body.put("version", 1);
            body.put("capabilities", List.of(capability("munitions.propellant-energetics", 6, 5, 40)));
            given().contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then().statusCode(200)
                    .body("version", equalTo(2)).body("capabilities", hasSize(1));

            given().delete("/api/v1/manufacturers/{id}", id).then().statusCode(204);
            given().get("/api/v1/manufacturers/{id}", id).then().statusCode(404);
        }

        @Test
        void listFiltersByAreaIncludingDescendantsAndByTrlStatusCountryAndText() {
            String marker = Fixtures.unique("zorya").replace("-", "");
            long a = createProfileWith(marker, "munitions.artillery-155", 7, "PUBLISHED");
            long b = createProfileWith(marker, "ew.jamming", 4, "PUBLISHED");
            long c = createProfileWith(marker, "munitions.mortar", 9, "DRAFT");

            given().queryParam("q", marker).queryParam("area", "munitions").get("/api/v1/manufacturers").then().statusCode(200)
                    .body("total", equalTo(2)).body("items.id", not(hasItem((int) b)))
                    .body("items.id", hasItem((int) a)).body("items.id", hasItem((int) c));
            given().queryParam("q", marker).queryParam("area", "munitions").queryParam("minTrl", 8)
                    .get("/api/v1/manufacturers").then().body("total", equalTo(1)).body("items[0].id", equalTo((int) c));
            given().queryParam("q", marker).queryParam("status", "PUBLISHED").get("/api/v1/manufacturers").then()
                    .body("total", equalTo(2)).body("items.id", not(hasItem((int) c)));
            given().queryParam("q", marker).queryParam("country", "ua").get("/api/v1/manufacturers").then().body("total", equalTo(3));
            given().queryParam("q", marker).queryParam("country", "DE").get("/api/v1/manufacturers").then().body("total", equalTo(0));
            given().queryParam("q", marker).queryParam("area", "munitions.artillery-155").get("/api/v1/manufacturers").then()
                    .body("total", equalTo(1)).body("items[0].id", equalTo((int) a));
        }

        @Test
        void listIsPaginatedWithTotal() {
            String marker = Fixtures.unique("pagination").replace("-", "");
            for (int i = 0; i < 5; i++) {
                createProfileWith(marker, "radar.ground", 6, "PUBLISHED");
            }
            var first = given().queryParam("q", marker).queryParam("size", 2).get("/api/v1/manufacturers").then()
                    .statusCode(200).body("total", equalTo(5)).body("items", hasSize(2)).body("page", equalTo(0))
                    .body("size", equalTo(2)).extract().jsonPath().getList("items.id", Integer.class);
            var third = given().queryParam("q", marker).queryParam("size", 2).queryParam("page", 2).get("/api/v1/manufacturers")
                    .then().body("items", hasSize(1)).extract().jsonPath().getList("items.id", Integer.class);
            org.junit.jupiter.api.Assertions.assertFalse(first.contains(third.get(0)));
        }

        private long createProfileWith(String marker, String area, int trl, String status) {
            Map<String, Object> body = profileBody(createOrganization("MANUFACTURER", "UA"), List.of(capability(area, trl, 5, 100)));
            body.put("description", "Fictional maker " + marker);
            body.put("status", status);
            return createProfile(body);
        }
    }

    @Nested
    class Errors {

        @Test
        void malformedJsonIs400Problem() {
            given().contentType(ContentType.JSON).body("{\"legalName\": ").post("/api/v1/manufacturers").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("title", equalTo("Malformed JSON")).body("status", equalTo(400))
                    .body(not(containsString("at ua.kuznia")));
        }

        @Test
        void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
            Map<String, Object> body = profileBody(createOrganization("MANUFACTURER", "UA"), List.of());
            body.put("clearance", "TOP_SECRETISH");
            given().contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("clearance"))
                    .body("violations[0].message", containsString("NATO_SECRET"));
        }

        @Test
        void wrongTypeNamesTheField() {
            Map<String, Object> body = profileBody(createOrganization("MANUFACTURER", "UA"),
                    List.of(Map.of("area", "radar", "trl", "seven", "mrl", 5, "monthlyCapacity", 1)));
            given().contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).body("violations[0].field", equalTo("capabilities[0].trl"));
        }

        @Test
        void unknownTaxonomyCodesNameTheValueAndWhereValidOnesAreListed() {
            Map<String, Object> body = profileBody(createOrganization("MANUFACTURER", "UA"),
                    List.of(capability("munitions.artillery-999", 7, 7, 10)));
            body.put("certifications", List.of("ISO-9001", "AQAP-9999"));
            body.put("oblast", "UA-99");
            given().contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("capabilities[0].area"))
                    .body("violations.field", hasItem("certifications[1]"))
                    .body("violations.field", hasItem("oblast"))
                    .body("violations.find { it.field == 'capabilities[0].area' }.message",
                            containsString("/api/v1/taxonomy/areas"))
                    .body("violations.find { it.field == 'capabilities[0].area' }.message",
                            containsString("munitions.artillery-999"));
        }

        @Test
        void beanValidationViolationsNameEachField() {
            Map<String, Object> body = profileBody(createOrganization("MANUFACTURER", "UA"),
                    List.of(capability("radar", 10, 0, -5)));
            body.put("legalName", " ");
            body.put("edrpou", "12");
            given().contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("legalName"))
                    .body("violations.field", hasItem("edrpou"))
                    .body("violations.field", hasItem("capabilities[0].trl"))
                    .body("violations.field", hasItem("capabilities[0].mrl"))
                    .body("violations.field", hasItem("capabilities[0].monthlyCapacity"));
        }

        @Test
        void edrpouCheckDigitIsValidated() {
            Map<String, Object> body = profileBody(createOrganization("MANUFACTURER", "UA"), List.of());
            String good = (String) body.get("edrpou");
            body.put("edrpou", good.substring(0, 7) + ((good.charAt(7) - '0' + 1) % 10));
            given().contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).body("violations[0].field", equalTo("edrpou"))
                    .body("violations[0].message", containsString("check digit"));
        }

        @Test
        void profileMustBelongToAManufacturerOrganizationAndOnlyOnce() {
            long ministry = createOrganization("MINISTRY", "DE");
            given().contentType(ContentType.JSON).body(profileBody(ministry, List.of())).post("/api/v1/manufacturers").then()
                    .statusCode(400).body("violations[0].field", equalTo("organizationId"));
            long org = createOrganization("MANUFACTURER", "UA");
            createProfile(profileBody(org, List.of()));
            given().contentType(ContentType.JSON).body(profileBody(org, List.of())).post("/api/v1/manufacturers").then()
                    .statusCode(409).contentType("application/problem+json");
        }

        @Test
        void unknownIdIs404Problem() {
            given().get("/api/v1/manufacturers/987654321").then().statusCode(404)
                    .contentType("application/problem+json").body("detail", containsString("987654321"));
            Map<String, Object> body = profileBody(createOrganization("MANUFACTURER", "UA"), List.of());
            body.put("version", 0);
            given().contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/987654321").then().statusCode(404);
            given().delete("/api/v1/manufacturers/987654321").then().statusCode(404);
            given().get("/api/v1/manufacturers/not-a-number").then().statusCode(404).contentType("application/problem+json");
        }

        @Test
        void staleVersionIs409AndTheEarlierWriteSurvives() {
            Map<String, Object> body = profileBody(createOrganization("MANUFACTURER", "UA"), List.of(capability("radar", 5, 5, 3)));
            long id = createProfile(body);
            body.put("version", 0);
            body.put("employees", 200);
            given().contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then().statusCode(200);
            body.put("employees", 999);
            given().contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then()
                    .statusCode(409).contentType("application/problem+json").body("currentVersion", equalTo(1));
            given().get("/api/v1/manufacturers/{id}", id).then().body("employees", equalTo(200));
            body.remove("version");
            given().contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then()
                    .statusCode(400).body("violations[0].field", equalTo("version"));
        }

        @Test
        void oversizedBodyIs413Problem() {
            String huge = "{\"legalName\": \"" + "x".repeat(300_000) + "\"}";
            given().contentType(ContentType.JSON).body(huge).post("/api/v1/manufacturers").then()
                    .statusCode(413).contentType("application/problem+json").body("maxBytes", equalTo(262144));
        }

        @Test
        void badPagingParametersAre400() {
            given().queryParam("size", 0).get("/api/v1/manufacturers").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("size"));
            given().queryParam("minTrl", 12).get("/api/v1/manufacturers").then().statusCode(400)
                    .body("violations[0].field", equalTo("minTrl"));
            given().queryParam("area", "nowhere").get("/api/v1/manufacturers").then().statusCode(400)
                    .body("violations[0].field", equalTo("area"));
            given().queryParam("status", "SOMETIMES").get("/api/v1/manufacturers").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
    }
}
