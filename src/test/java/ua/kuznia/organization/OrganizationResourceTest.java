package ua.kuznia.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Tokens;

@QuarkusTest
class OrganizationResourceTest {

    @Test
    void createReadUpdateDelete() {
        Map<String, Object> body = new HashMap<>(Map.of("code", Fixtures.unique("mod-nl"), "kind", "MINISTRY",
                "name", "Fictional Ministry of Defence", "country", "NL"));
        long id = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).post("/api/v1/organizations").then().statusCode(201)
                .header("Location", containsString("/api/v1/organizations/")).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/organizations/{id}", id).then().statusCode(200).body("country", equalTo("NL"));
        given().auth().oauth2(Tokens.admin()).queryParam("kind", "MINISTRY").queryParam("size", 200).get("/api/v1/organizations").then().statusCode(200)
                .body("items.kind", everyItem(equalTo("MINISTRY"))).body("items.id", hasItem((int) id));
        body.put("version", 0);
        body.put("name", "Renamed Fictional Ministry");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).put("/api/v1/organizations/{id}", id).then().statusCode(200)
                .body("version", equalTo(1));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).put("/api/v1/organizations/{id}", id).then().statusCode(409);
        given().auth().oauth2(Tokens.admin()).delete("/api/v1/organizations/{id}", id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/organizations/{id}", id).then().statusCode(404);
    }

    @Test
    void invalidCountryKindAndDuplicateCode() {
        String code = Fixtures.unique("dup");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("code", code, "kind", "MINISTRY", "name", "X", "country", "XX"))
                .post("/api/v1/organizations").then().statusCode(400).body("violations[0].field", equalTo("country"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("code", code, "kind", "ARMY", "name", "X", "country", "DE"))
                .post("/api/v1/organizations").then().statusCode(400).body("violations[0].field", equalTo("kind"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("code", code, "kind", "MINISTRY", "name", "X", "country", "DE"))
                .post("/api/v1/organizations").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("code", code, "kind", "MINISTRY", "name", "Y", "country", "DE"))
                .post("/api/v1/organizations").then().statusCode(400).body("violations[0].field", equalTo("code"));
    }

    @Test
    void organizationWithAProfileCannotBeDeleted() {
        Fixtures.Org org = Fixtures.createOrganization("MANUFACTURER", "UA");
        Fixtures.createProfile(org, Fixtures.profileBody(org.id(), List.of()));
        given().auth().oauth2(Tokens.admin()).delete("/api/v1/organizations/{id}", org.id()).then().statusCode(409).contentType("application/problem+json");
    }
}
