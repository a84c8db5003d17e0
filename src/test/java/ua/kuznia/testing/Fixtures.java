package ua.kuznia.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import ua.kuznia.profile.Edrpou;

/** Builds valid request bodies and creates rows through the API, each with unique codes. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    /** A request as a coordinator, who reads everything. */
    public static io.restassured.specification.RequestSpecification staff() {
        return given().auth().oauth2(Tokens.coordinator());
    }

    /** A request as a member of the organization. */
    public static io.restassured.specification.RequestSpecification as(Org org) {
        return given().auth().oauth2(org.token());
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    public static String validEdrpou() {
        String first = String.format("%07d", ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        return first + Edrpou.checkDigit(first);
    }

    /** An organization created through the API, and a token for one of its members. */
    public record Org(long id, String code, String kind) {

        public String token() {
            String role = switch (kind) {
                case "MANUFACTURER" -> "manufacturer";
                case "MINISTRY" -> "ministry";
                default -> "coordinator";
            };
            return Tokens.token("member-of-" + code, role, code);
        }
    }

    public static Org createOrganization(String kind, String country) {
        return createOrganization(kind, country, "NATO_SECRET");
    }

    /** An admin sets the organization's vetted clearance. */
    public static void vet(Org organization, String clearance) {
        Map<String, Object> row = given().auth().oauth2(Tokens.admin()).get("/api/v1/organizations/{id}", organization.id())
                .then().statusCode(200).extract().as(Map.class);
        row.put("clearance", clearance);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(row)
                .put("/api/v1/organizations/{id}", organization.id()).then().statusCode(200);
    }

    public static Org createOrganization(String kind, String country, String clearance) {
        String code = unique(kind.toLowerCase());
        Map<String, Object> body = Map.of("code", code, "kind", kind,
                "name", "Test " + kind.toLowerCase() + " " + SEQUENCE.incrementAndGet(), "country", country,
                "clearance", clearance);
        long id = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).post("/api/v1/organizations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        return new Org(id, code, kind);
    }

    public static Map<String, Object> capability(String area, int trl, int mrl, double capacity) {
        Map<String, Object> c = new HashMap<>();
        c.put("area", area);
        c.put("trl", trl);
        c.put("mrl", mrl);
        c.put("monthlyCapacity", capacity);
        c.put("capacityUnit", "units");
        return c;
    }

    public static Map<String, Object> profileBody(long organizationId, List<Map<String, Object>> capabilities) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", organizationId);
        body.put("legalName", "Fictional Works " + SEQUENCE.incrementAndGet());
        body.put("edrpou", validEdrpou());
        body.put("oblast", "UA-46");
        body.put("employees", 120);
        body.put("description", "A fictional test manufacturer");
        body.put("capabilities", capabilities);
        body.put("certifications", List.of("ISO-9001"));
        body.put("clearance", "NATO_RESTRICTED");
        body.put("seeking", Map.of("areas", List.of("munitions"), "transferTypes", List.of("LICENSED_PRODUCTION")));
        body.put("status", "PUBLISHED");
        return body;
    }

    public static Map<String, Object> offerBody(long organizationId, List<String> areas) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", organizationId);
        body.put("title", "Fictional offer " + SEQUENCE.incrementAndGet());
        body.put("description", "A fictional test offer");
        body.put("areas", areas);
        body.put("transferType", "LICENSED_PRODUCTION");
        body.put("minTrl", 6);
        body.put("minMrl", 6);
        body.put("requiredCertifications", List.of());
        body.put("requiredClearance", "UNCLASSIFIED");
        body.put("classification", "UNCLASSIFIED");
        body.put("budgetEur", 1_000_000);
        body.put("targetVolume", 120_000);
        body.put("targetVolumeUnit", "rounds/year");
        body.put("exportControl", Map.of("mlCodes", List.of("ML3"), "licenceRequired", true));
        body.put("status", "OPEN");
        return body;
    }

    public static long createProfile(Org owner, Map<String, Object> body) {
        return given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(body).post("/api/v1/manufacturers")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long createOffer(Org owner, Map<String, Object> body) {
        return given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(body).post("/api/v1/offers")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
