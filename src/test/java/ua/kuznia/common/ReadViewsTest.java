package ua.kuznia.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ua.kuznia.testing.Fixtures.as;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;
import static ua.kuznia.testing.Fixtures.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;

/**
 * The read endpoints build their views from rows, the writes from entities: a read must give
 * back, field for field, what the write answered, for every kind of column (arrays, dates,
 * decimals, nulls, ordered capabilities).
 */
@QuarkusTest
class ReadViewsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anOfferReadsBackExactlyAsItsWriteAnswered() throws Exception {
        Org ministry = createOrganization("MINISTRY", "FR");
        String marker = Fixtures.unique("readback").replace("-", "");
        Map<String, Object> body = offerBody(ministry.id(), List.of("munitions.artillery-155", "air-defense"));
        body.put("title", "Fictional " + marker);
        body.put("budgetEur", 1234567.5);
        body.put("minMonthlyCapacity", 2500.25);
        body.put("maxRiskTier", 2);
        body.put("localizationTargetPercent", 40);
        body.put("requiredCertifications", List.of("ISO-9001", "AQAP-2110"));
        body.put("fundingInstrument", null);
        body.put("opensAt", "2026-12-01");
        body.put("closesAt", "2027-06-30");
        String created = as(ministry).contentType(ContentType.JSON).body(body).post("/api/v1/offers").then().statusCode(201)
                .extract().asString();
        long id = json.readTree(created).get("id").asLong();
        body.put("version", 0);
        body.put("description", null);
        String written = as(ministry).contentType(ContentType.JSON).body(body).put("/api/v1/offers/{id}", id).then()
                .statusCode(200).extract().asString();

        JsonNode expected = json.readTree(written);
        assertEquals(expected, json.readTree(staff().get("/api/v1/offers/{id}", id).then().statusCode(200).extract().asString()));
        assertEquals(expected, json.readTree(as(ministry).get("/api/v1/offers/{id}", id).then().statusCode(200).extract().asString()));
        JsonNode page = json.readTree(staff().queryParam("q", marker).get("/api/v1/offers").then().statusCode(200).extract().asString());
        assertEquals(1, page.get("total").asInt());
        assertEquals(expected, page.get("items").get(0));
    }

    @Test
    void aProfileReadsBackExactlyAsItsWriteAnsweredWithItsCapabilitiesInOrder() throws Exception {
        Org maker = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> body = profileBody(maker.id(), List.of(capability("radar.ground", 7, 6, 12.5),
                capability("munitions.artillery-155", 8, 7, 40_000), capability("ew", 5, 5, 0)));
        String marker = Fixtures.unique("readback").replace("-", "");
        body.put("legalName", "Fictional " + marker);
        body.put("employees", null);
        body.put("certifications", List.of("ISO-9001", "AQAP-2110"));
        String created = as(maker).contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers").then()
                .statusCode(201).extract().asString();
        long id = json.readTree(created).get("id").asLong();
        body.put("version", 0);
        body.put("seeking", Map.of("areas", List.of(), "transferTypes", List.of("JOINT_VENTURE", "LICENSED_PRODUCTION")));
        String written = as(maker).contentType(ContentType.JSON).body(body).put("/api/v1/manufacturers/{id}", id).then()
                .statusCode(200).extract().asString();

        JsonNode expected = json.readTree(written);
        assertEquals(3, expected.get("capabilities").size());
        assertEquals(expected, json.readTree(staff().get("/api/v1/manufacturers/{id}", id).then().statusCode(200).extract().asString()));
        assertEquals(expected, json.readTree(as(maker).get("/api/v1/manufacturers/{id}", id).then().statusCode(200).extract().asString()));
        JsonNode page = json.readTree(staff().queryParam("q", marker).get("/api/v1/manufacturers").then().statusCode(200)
                .extract().asString());
        assertEquals(1, page.get("total").asInt());
        assertEquals(expected, page.get("items").get(0));
    }
}
