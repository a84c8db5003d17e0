package ua.kuznia.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;

/**
 * A match outlives the state its offer and profile were in when it was suggested. Whoever may no
 * longer see its offer or its profile no longer sees the match, and every place that shows matches
 * agrees on it: the API's single read, the match pages, and every list, API and page alike.
 */
@QuarkusTest
class MatchVisibilityTest {

    /** No other test's ministry is in this country, so the queue filtered by it holds this class's matches only. */
    private static final String COUNTRY = "MT";

    private record Persona(String name, String token, String kind) {

        boolean staff() {
            return "STAFF".equals(kind);
        }
    }

    /** An approved match, with the bodies its offer and profile were created from. */
    private record Pair(Org ministry, Org maker, long offer, Map<String, Object> offerBody, long profile,
                        Map<String, Object> profileBody, long match) {
    }

    /**
     * An offer usually closes once its partnerships are decided: the manufacturer keeps the record
     * of its own, and with it the closed offer, as the ministry does; other manufacturers do not.
     */
    @Test
    void aClosedOffersMatchStaysWithStaffTheOwningMinistryAndTheManufacturerItWasDecidedWith() {
        Pair pair = approvedMatch("artillery.towed");
        List<Persona> personas = personas(pair);
        expect(pair, personas, Set.of("coordinator", "auditor", "ministry", "manufacturer"));

        setOffer(pair, "CLOSED");
        expect(pair, personas, Set.of("coordinator", "auditor", "ministry", "manufacturer"));
        as(pair.maker().token()).get("/api/v1/offers/{id}", pair.offer()).then().statusCode(200);
        as(pair.maker().token()).queryParam("offer", pair.offer()).queryParam("manufacturer", pair.profile())
                .get("/ui/explain").then().statusCode(200);
        String other = personas.stream().filter(p -> p.name().equals("other manufacturer")).findFirst().orElseThrow().token();
        as(other).get("/api/v1/offers/{id}", pair.offer()).then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertTrue(as(other).queryParam("size", 200).get("/api/v1/offers").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Number.class).stream().noneMatch(n -> n.longValue() == pair.offer()));
        org.junit.jupiter.api.Assertions.assertTrue(as(pair.maker().token()).queryParam("size", 200).queryParam("status", "CLOSED")
                .get("/api/v1/offers").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Number.class).stream().anyMatch(n -> n.longValue() == pair.offer()));

        // Deleted, the offer takes its matches along: nobody finds the match anywhere.
        as(pair.ministry().token()).delete("/api/v1/offers/{id}", pair.offer()).then().statusCode(204);
        expect(pair, personas, Set.of());
    }

    @Test
    void anOfferSetBackToDraftHidesItsMatchFromTheManufacturerAsItHidesTheOffer() {
        Pair pair = approvedMatch("armor.ifv-apc");
        List<Persona> personas = personas(pair);
        setOffer(pair, "DRAFT");
        expect(pair, personas, Set.of("coordinator", "auditor", "ministry"));

        setOffer(pair, "OPEN");
        expect(pair, personas, Set.of("coordinator", "auditor", "ministry", "manufacturer"));
    }

    @Test
    void anUnpublishedProfilesMatchStaysWithStaffAndItsManufacturerAndLeavesTheMinistry() {
        Pair pair = approvedMatch("artillery.mlrs");
        List<Persona> personas = personas(pair);
        setProfile(pair, "DRAFT");
        expect(pair, personas, Set.of("coordinator", "auditor", "manufacturer"));

        setProfile(pair, "PUBLISHED");
        expect(pair, personas, Set.of("coordinator", "auditor", "ministry", "manufacturer"));

        // Deleted, the profile takes its matches along.
        as(pair.maker().token()).delete("/api/v1/manufacturers/{id}", pair.profile()).then().statusCode(204);
        expect(pair, personas, Set.of());
    }

    /** Need-to-know still holds for the history a closed offer leaves: staff see it only when cleared for the offer. */
    @Test
    void aClosedClassifiedOffersMatchIsSeenOnlyByStaffClearedForIt() {
        Pair pair = approvedMatch("autonomous.uav-long-range");
        pair.offerBody().put("classification", "NATO_SECRET");
        pair.offerBody().put("status", "CLOSED");
        put(pair.ministry().token(), "/api/v1/offers/" + pair.offer(), pair.offerBody());
        String clearedAuditor = Tokens.token("cleared-auditor", "auditor",
                createOrganization("COORDINATION", "UA", "NATO_SECRET").code());
        List<Persona> personas = new ArrayList<>(personas(pair));
        personas.add(new Persona("cleared auditor", clearedAuditor, "STAFF"));
        // The coordinator's and the auditor's organization is unknown to the service: they are cleared for nothing classified.
        expect(pair, personas, Set.of("cleared auditor", "ministry", "manufacturer"));
    }

    /**
     * Both sides interested and a coordinator approved: a partnership someone acted on, not a mere
     * suggestion. Both organizations are cleared to NATO_SECRET, so the offer may be classified later.
     */
    private static Pair approvedMatch(String area) {
        Org ministry = createOrganization("MINISTRY", COUNTRY, "NATO_SECRET");
        Map<String, Object> offerBody = offerBody(ministry.id(), List.of(area));
        long offer = createOffer(ministry, offerBody);
        Org maker = createOrganization("MANUFACTURER", "UA", "NATO_SECRET");
        Map<String, Object> profileBody = profileBody(maker.id(), List.of(capability(area, 8, 8, 500)));
        profileBody.put("clearance", "NATO_SECRET");
        long profile = createProfile(maker, profileBody);
        long match = as(ministry.token()).queryParam("size", 200).get("/api/v1/offers/{id}/matches", offer).then()
                .statusCode(200).extract().jsonPath().getLong("items.find { it.manufacturerId == " + profile + " }.id");
        post(maker.token(), match, "interest", Map.of());
        post(ministry.token(), match, "interest", Map.of());
        post(Tokens.coordinator(), match, "decision", Map.of("decision", "START_REVIEW"));
        post(Tokens.coordinator(), match, "decision", Map.of("decision", "APPROVE"));
        return new Pair(ministry, maker, offer, offerBody, profile, profileBody, match);
    }

    /** Everyone who could see the match while its offer was open, and two organizations that never could. */
    private static List<Persona> personas(Pair pair) {
        Org otherMaker = createOrganization("MANUFACTURER", "UA", "NATO_SECRET");
        createProfile(otherMaker, profileBody(otherMaker.id(), List.of()));
        return List.of(new Persona("coordinator", Tokens.coordinator(), "STAFF"),
                new Persona("auditor", Tokens.auditor(), "STAFF"),
                new Persona("ministry", pair.ministry().token(), "MINISTRY"),
                new Persona("manufacturer", pair.maker().token(), "MANUFACTURER"),
                new Persona("other ministry", createOrganization("MINISTRY", COUNTRY, "NATO_SECRET").token(), "MINISTRY"),
                new Persona("other manufacturer", otherMaker.token(), "MANUFACTURER"));
    }

    private static void setOffer(Pair pair, String status) {
        pair.offerBody().put("status", status);
        put(pair.ministry().token(), "/api/v1/offers/" + pair.offer(), pair.offerBody());
    }

    private static void setProfile(Pair pair, String status) {
        pair.profileBody().put("status", status);
        put(pair.maker().token(), "/api/v1/manufacturers/" + pair.profile(), pair.profileBody());
    }

    /** Saves the body over the current version, as an editor who just read it would. */
    private static void put(String token, String path, Map<String, Object> body) {
        body.put("version", as(token).get(path).then().statusCode(200).extract().jsonPath().getLong("version"));
        as(token).contentType(ContentType.JSON).body(body).put(path).then().statusCode(200);
    }

    /**
     * Asks every place that shows the match as every persona; those named see it everywhere, the
     * others nowhere. A single read the caller may not see is a 404; a list leaves the match out,
     * or is itself refused (403) or missing (404) when its offer or profile is hidden from the caller.
     */
    private static void expect(Pair pair, List<Persona> personas, Set<String> seeing) {
        StringBuilder table = new StringBuilder();
        List<String> wrong = new ArrayList<>();
        for (Persona persona : personas) {
            Map<String, String> seen = seen(pair, persona);
            boolean sees = seeing.contains(persona.name());
            table.append('\n').append(sees ? "sees    " : "not     ").append(persona.name()).append(": ").append(seen);
            seen.forEach((place, answer) -> {
                boolean right = sees ? answer.equals("200") || answer.equals("listed")
                        : place.startsWith("GET ") ? answer.equals("404") : Set.of("not listed", "403", "404").contains(answer);
                if (!right) {
                    wrong.add(persona.name() + " at " + place + ": " + answer);
                }
            });
        }
        assertTrue(wrong.isEmpty(), "match " + pair.match() + ", disagreeing: " + wrong + table);
    }

    /** What each place answers the persona about the match: a single read's status, or whether a list names it. */
    private static Map<String, String> seen(Pair pair, Persona persona) {
        long id = pair.match();
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("GET /api/v1/matches/{id}", status(as(persona.token()).get("/api/v1/matches/{id}", id)));
        seen.put("GET /ui/matches/{id}", status(as(persona.token()).get("/ui/matches/{id}", id)));
        seen.put("/api/v1/offers/{offer}/matches", listedJson(as(persona.token()).queryParam("size", 200)
                .get("/api/v1/offers/{id}/matches", pair.offer()), id));
        seen.put("/api/v1/manufacturers/{profile}/matches", listedJson(as(persona.token()).queryParam("size", 200)
                .get("/api/v1/manufacturers/{id}/matches", pair.profile()), id));
        if (persona.staff()) {
            seen.put("GET /ui/review/{id}", status(as(persona.token()).get("/ui/review/{id}", id)));
            seen.put("/api/v1/matches (queue)", listedJson(as(persona.token()).queryParam("country", COUNTRY)
                    .queryParam("status", "APPROVED").queryParam("size", 200).get("/api/v1/matches"), id));
            seen.put("/ui/review (queue)", listedHtml(as(persona.token()).queryParam("country", COUNTRY)
                    .queryParam("status", "APPROVED").get("/ui/review"), "/ui/review/" + id + "\""));
        } else if (persona.kind().equals("MINISTRY")) {
            seen.put("/ui/offers/{offer}/candidates", listedHtml(as(persona.token())
                    .get("/ui/offers/{id}/candidates", pair.offer()), "/ui/matches/" + id + "\""));
        } else {
            seen.put("/ui/my-matches", listedHtml(as(persona.token()).get("/ui/my-matches"), "/ui/matches/" + id + "\""));
        }
        return seen;
    }

    private static String status(Response response) {
        return String.valueOf(response.statusCode());
    }

    private static String listedJson(Response response, long id) {
        if (response.statusCode() != 200) {
            return status(response);
        }
        return response.jsonPath().getList("items.id", Number.class).stream().anyMatch(n -> n.longValue() == id)
                ? "listed" : "not listed";
    }

    private static String listedHtml(Response response, String link) {
        if (response.statusCode() != 200) {
            return status(response);
        }
        return response.asString().contains("href=\"" + link) ? "listed" : "not listed";
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static void post(String token, long match, String action, Map<String, Object> body) {
        as(token).contentType(ContentType.JSON).body(body).post("/api/v1/matches/{id}/" + action, match).then().statusCode(200);
    }
}
