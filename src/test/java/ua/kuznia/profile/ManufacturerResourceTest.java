package ua.kuznia.profile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static ua.kuznia.testing.Fixtures.as;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.profileBody;
import static ua.kuznia.testing.Fixtures.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;

@QuarkusTest
class ManufacturerResourceTest {

    @TestHTTPResource("/")
    URL base;


    @Nested
    class Success {

        @Test
        void createReadUpdateDelete() {
            Org org = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(org.id(), List.of(capability("munitions.artillery-155", 7, 8, 20_000)));
            var created = as(org).contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/v1/manufacturers/"))
                    .body("legalName", equalTo(body.get("legalName")))
                    .body("capabilities[0].area", equalTo("munitions.artillery-155"))
                    .body("capabilities[0].monthlyCapacity", equalTo(20000.0f))
                    .body("seeking.transferTypes", hasItem("LICENSED_PRODUCTION"))
                    .body("organizationId", equalTo((int) org.id()))
                    .body("country", equalTo("UA"))
                    .body("version", equalTo(0))
                    .extract().jsonPath();
            long id = created.getLong("id");

            staff().get("/api/v1/manufacturers/{id}", id).then().statusCode(200)
                    .body("edrpou", equalTo(body.get("edrpou"))).body("clearance", equalTo("NATO_RESTRICTED"));

            body.put("version", 0);
            body.put("capabilities", List.of(capability("munitions.artillery-155", 8, 8, 25_000),
                    capability("munitions.propellant-energetics", 6, 5, 40)));
            as(org).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then().statusCode(200)
                    .body("version", equalTo(1)).body("capabilities", hasSize(2)).body("capabilities[0].trl", equalTo(8));

            // Removing a capability row is an update too, and bumps the version.
            body.put("version", 1);
            body.put("capabilities", List.of(capability("munitions.propellant-energetics", 6, 5, 40)));
            as(org).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then().statusCode(200)
                    .body("version", equalTo(2)).body("capabilities", hasSize(1));

            as(org).delete("/api/v1/manufacturers/{id}", id).then().statusCode(204);
            staff().get("/api/v1/manufacturers/{id}", id).then().statusCode(404);
        }

        @Test
        void listFiltersByAreaIncludingDescendantsAndByTrlStatusCountryAndText() {
            String marker = Fixtures.unique("zorya").replace("-", "");
            long a = createProfileWith(marker, "munitions.artillery-155", 7, "PUBLISHED");
            long b = createProfileWith(marker, "ew.jamming", 4, "PUBLISHED");
            long c = createProfileWith(marker, "munitions.mortar", 9, "DRAFT");

            staff().queryParam("q", marker).queryParam("area", "munitions").get("/api/v1/manufacturers").then().statusCode(200)
                    .body("total", equalTo(2)).body("items.id", not(hasItem((int) b)))
                    .body("items.id", hasItem((int) a)).body("items.id", hasItem((int) c));
            staff().queryParam("q", marker).queryParam("area", "munitions").queryParam("minTrl", 8)
                    .get("/api/v1/manufacturers").then().body("total", equalTo(1)).body("items[0].id", equalTo((int) c));
            staff().queryParam("q", marker).queryParam("status", "PUBLISHED").get("/api/v1/manufacturers").then()
                    .body("total", equalTo(2)).body("items.id", not(hasItem((int) c)));
            staff().queryParam("q", marker).queryParam("country", "ua").get("/api/v1/manufacturers").then().body("total", equalTo(3));
            staff().queryParam("q", marker).queryParam("country", "DE").get("/api/v1/manufacturers").then().body("total", equalTo(0));
            staff().queryParam("q", marker).queryParam("area", "munitions.artillery-155").get("/api/v1/manufacturers").then()
                    .body("total", equalTo(1)).body("items[0].id", equalTo((int) a));
        }

        @Test
        void listIsPaginatedWithTotal() {
            String marker = Fixtures.unique("pagination").replace("-", "");
            for (int i = 0; i < 5; i++) {
                createProfileWith(marker, "radar.ground", 6, "PUBLISHED");
            }
            var first = staff().queryParam("q", marker).queryParam("size", 2).get("/api/v1/manufacturers").then()
                    .statusCode(200).body("total", equalTo(5)).body("items", hasSize(2)).body("page", equalTo(0))
                    .body("size", equalTo(2)).extract().jsonPath().getList("items.id", Integer.class);
            var third = staff().queryParam("q", marker).queryParam("size", 2).queryParam("page", 2).get("/api/v1/manufacturers")
                    .then().body("items", hasSize(1)).extract().jsonPath().getList("items.id", Integer.class);
            org.junit.jupiter.api.Assertions.assertFalse(first.contains(third.get(0)));
        }

        private long createProfileWith(String marker, String area, int trl, String status) {
            Org org = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(org.id(), List.of(capability(area, trl, 5, 100)));
            body.put("description", "Fictional maker " + marker);
            body.put("status", status);
            return createProfile(org, body);
        }
    }

    @Nested
    class Errors {

        @Test
        void malformedJsonIs400Problem() {
            as(createOrganization("MANUFACTURER", "UA")).contentType(ContentType.JSON).body("{\"legalName\": ")
                    .post("/api/v1/manufacturers").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("title", equalTo("Malformed JSON")).body("status", equalTo(400))
                    .body(not(containsString("at ua.kuznia")));
        }

        @Test
        void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
            Org maker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(maker.id(), List.of());
            body.put("clearance", "TOP_SECRETISH");
            as(maker).contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("clearance"))
                    .body("violations[0].message", containsString("NATO_SECRET"));
        }

        @Test
        void wrongTypeNamesTheField() {
            Org maker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(maker.id(),
                    List.of(Map.of("area", "radar", "trl", "seven", "mrl", 5, "monthlyCapacity", 1)));
            as(maker).contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).body("violations[0].field", equalTo("capabilities[0].trl"));
        }

        @Test
        void unknownTaxonomyCodesNameTheValueAndWhereValidOnesAreListed() {
            Org maker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(maker.id(),
                    List.of(capability("munitions.artillery-999", 7, 7, 10)));
            body.put("certifications", List.of("ISO-9001", "AQAP-9999"));
            body.put("oblast", "UA-99");
            as(maker).contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
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
            Org maker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(maker.id(),
                    List.of(capability("radar", 10, 0, -5)));
            body.put("legalName", " ");
            body.put("edrpou", "12");
            as(maker).contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("legalName"))
                    .body("violations.field", hasItem("edrpou"))
                    .body("violations.field", hasItem("capabilities[0].trl"))
                    .body("violations.field", hasItem("capabilities[0].mrl"))
                    .body("violations.field", hasItem("capabilities[0].monthlyCapacity"));
        }

        @Test
        void edrpouCheckDigitIsValidated() {
            Org maker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(maker.id(), List.of());
            String good = (String) body.get("edrpou");
            body.put("edrpou", good.substring(0, 7) + ((good.charAt(7) - '0' + 1) % 10));
            as(maker).contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).body("violations[0].field", equalTo("edrpou"))
                    .body("violations[0].message", containsString("check digit"));
        }

        @Test
        void anEdrpouBelongsToOneProfileOnly() {
            Org first = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> taken = profileBody(first.id(), List.of());
            long owner = createProfile(first, taken);
            Org second = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(second.id(), List.of());
            body.put("edrpou", taken.get("edrpou"));
            as(second).contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("edrpou"))
                    .body("violations[0].message", equalTo("is already registered by another profile"))
                    // The other profile may be a draft the caller cannot see: its id is not told.
                    .body("detail", not(containsString(String.valueOf(owner))));
            // The owner keeps its own code through an update.
            taken.put("version", 0);
            as(first).contentType(ContentType.JSON).body(taken).put("/api/v1/manufacturers/{id}", owner).then().statusCode(200);
            // Another profile cannot move onto it by an update either.
            Map<String, Object> own = profileBody(second.id(), List.of());
            long other = createProfile(second, own);
            own.put("version", 0);
            own.put("edrpou", taken.get("edrpou"));
            as(second).contentType(ContentType.JSON).body(own).put("/api/v1/manufacturers/{id}", other).then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("edrpou"))
                    .body("violations[0].message", equalTo("is already registered by another profile"));
        }

        /** The caller's need-to-know follows the profile's clearance, so it cannot exceed what an admin vetted. */
        @Test
        void aProfileCannotClaimAClearanceAboveItsOrganizationsVettedOne() {
            Org maker = createOrganization("MANUFACTURER", "UA", "NATO_RESTRICTED");
            Map<String, Object> body = profileBody(maker.id(), List.of());
            body.put("clearance", "NATO_SECRET");
            as(maker).contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("clearance"))
                    .body("violations[0].message", equalTo("is above the clearance vetted for your organization (NATO_RESTRICTED)"));
            as(maker).get("/api/v1/me").then().body("clearance", equalTo("UNCLASSIFIED"));

            body.put("clearance", "NATO_RESTRICTED");
            long id = createProfile(maker, body);
            body.put("version", 0);
            body.put("clearance", "COSMIC_TOP_SECRET");
            as(maker).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then()
                    .statusCode(400).body("violations[0].field", equalTo("clearance"));
            as(maker).get("/api/v1/manufacturers/{id}", id).then().body("clearance", equalTo("NATO_RESTRICTED"))
                    .body("version", equalTo(0));
            as(maker).get("/api/v1/me").then().body("clearance", equalTo("NATO_RESTRICTED"));
        }

        @Test
        void profileMustBelongToAManufacturerOrganizationAndOnlyOnce() {
            Org ministry = createOrganization("MINISTRY", "DE");
            given().auth().oauth2(Tokens.token("confused", "manufacturer", ministry.code())).contentType(ContentType.JSON)
                    .body(profileBody(ministry.id(), List.of())).post("/api/v1/manufacturers").then()
                    .statusCode(400).body("violations[0].field", equalTo("organizationId"));
            Org org = createOrganization("MANUFACTURER", "UA");
            createProfile(org, profileBody(org.id(), List.of()));
            as(org).contentType(ContentType.JSON).body(profileBody(org.id(), List.of())).post("/api/v1/manufacturers").then()
                    .statusCode(409).contentType("application/problem+json");
        }

        @Test
        void unknownIdIs404Problem() {
            staff().get("/api/v1/manufacturers/987654321").then().statusCode(404)
                    .contentType("application/problem+json").body("detail", containsString("987654321"));
            Org maker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(maker.id(), List.of());
            body.put("version", 0);
            as(maker).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/987654321").then().statusCode(404);
            as(maker).delete("/api/v1/manufacturers/987654321").then().statusCode(404);
            staff().get("/api/v1/manufacturers/not-a-number").then().statusCode(404).contentType("application/problem+json");
        }

        @Test
        void staleVersionIs409AndTheEarlierWriteSurvives() {
            Org maker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(maker.id(), List.of(capability("radar", 5, 5, 3)));
            long id = createProfile(maker, body);
            body.put("version", 0);
            body.put("employees", 200);
            as(maker).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then().statusCode(200);
            body.put("employees", 999);
            as(maker).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then()
                    .statusCode(409).contentType("application/problem+json").body("currentVersion", equalTo(1));
            staff().get("/api/v1/manufacturers/{id}", id).then().body("employees", equalTo(200));
            body.remove("version");
            as(maker).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then()
                    .statusCode(400).body("violations[0].field", equalTo("version"));
        }

        @Test
        void oversizedBodyIs413Problem() {
            String huge = "{\"legalName\": \"" + "x".repeat(300_000) + "\"}";
            given().contentType(ContentType.JSON).body(huge).post("/api/v1/manufacturers").then()
                    .statusCode(413).contentType("application/problem+json").body("maxBytes", equalTo(262144));
        }

        @Test
        void aChunkedBodyIsReadWithinTheLimitAndRefusedPastItWithA413Problem() throws Exception {
            Org maker = createOrganization("MANUFACTURER", "UA");
            String fits = new ObjectMapper().writeValueAsString(profileBody(maker.id(), List.of(capability("radar", 6, 5, 10))));
            HttpResponse<String> created = postChunked(maker, fits);
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(created.body().contains("\"legalName\""), created.body());

            String huge = "{\"legalName\": \"" + "x".repeat(300_000) + "\"}";
            HttpResponse<String> refused = postChunked(maker, huge);
            assertEquals(413, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    refused.headers().toString());
            assertTrue(refused.body().contains("\"maxBytes\":262144"), refused.body());
        }

        /** Sends the body without a Content-Length, as a stream of chunks. */
        private HttpResponse<String> postChunked(Org maker, String body) throws Exception {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("/api/v1/manufacturers"))
                    .header("Authorization", "Bearer " + maker.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        @Test
        void badPagingParametersAre400() {
            staff().queryParam("size", 0).get("/api/v1/manufacturers").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("size"));
            staff().queryParam("minTrl", 12).get("/api/v1/manufacturers").then().statusCode(400)
                    .body("violations[0].field", equalTo("minTrl"));
            staff().queryParam("area", "nowhere").get("/api/v1/manufacturers").then().statusCode(400)
                    .body("violations[0].field", equalTo("area"));
            staff().queryParam("status", "SOMETIMES").get("/api/v1/manufacturers").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
    }
}
