package ua.kuznia.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;
import static ua.kuznia.testing.Fixtures.vet;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;

/** Authorization rules enforced by the services, with tokens verified by the real OIDC code. */
@QuarkusTest
class AccessTest {

    @Nested
    class Authentication {

        @Test
        void anonymousCallersGet401ProblemExceptOnTheTaxonomy() {
            given().get("/api/v1/offers").then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
            given().get("/api/v1/manufacturers").then().statusCode(401);
            given().get("/api/v1/me").then().statusCode(401);
            given().get("/api/v1/taxonomy/areas").then().statusCode(200);
        }

        @Test
        void forgedExpiredAndWrongAudienceTokensAre401() throws Exception {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String forged = Jwt.subject("x").audience("kuznia-api").claim("realm_access", Map.of("roles", List.of("admin")))
                    .sign(generator.generateKeyPair().getPrivate());
            given().auth().oauth2(forged).get("/api/v1/offers").then().statusCode(401);
            given().auth().oauth2("not.a.token").get("/api/v1/offers").then().statusCode(401);
            String wrongAudience = Jwt.subject("x").audience("another-api").claim("realm_access", Map.of("roles", List.of("admin")))
                    .sign(testKey());
            given().auth().oauth2(wrongAudience).get("/api/v1/offers").then().statusCode(401);
            String expired = Jwt.subject("x").audience("kuznia-api").claim("realm_access", Map.of("roles", List.of("admin")))
                    .issuedAt(1_000_000L).expiresAt(1_000_600L).sign(testKey());
            given().auth().oauth2(expired).get("/api/v1/offers").then().statusCode(401);
        }

        private java.security.PrivateKey testKey() throws Exception {
            var field = Tokens.class.getDeclaredField("KEY");
            field.setAccessible(true);
            return (java.security.PrivateKey) field.get(null);
        }

        @Test
        void meReturnsUserRolesOrganizationAndClearance() {
            Org maker = createOrganization("MANUFACTURER", "UA");
            createProfile(maker, profileBody(maker.id(), List.of()));
            given().auth().oauth2(maker.token()).get("/api/v1/me").then().statusCode(200)
                    .body("username", equalTo("member-of-" + maker.code())).body("roles", hasItem("manufacturer"))
                    .body("organizationId", equalTo((int) maker.id())).body("organizationKind", equalTo("MANUFACTURER"))
                    .body("clearance", equalTo("NATO_RESTRICTED"));
            given().auth().oauth2(Tokens.admin()).get("/api/v1/me").then()
                    .body("roles", hasItem("coordinator")).body("roles", hasItem("auditor"));
        }
    }

    @Nested
    class Ownership {

        @Test
        void aManufacturerEditsOnlyItsOwnProfile() {
            Org mine = createOrganization("MANUFACTURER", "UA");
            Org theirs = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(theirs.id(), List.of(capability("radar", 6, 6, 2)));
            long theirProfile = createProfile(theirs, body);
            body.put("version", 0);
            body.put("legalName", "Hijacked");
            // Another manufacturer's profile does not exist for it: 404, and nothing changes.
            given().auth().oauth2(mine.token()).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/manufacturers/{id}", theirProfile).then().statusCode(404);
            given().auth().oauth2(mine.token()).delete("/api/v1/manufacturers/{id}", theirProfile).then().statusCode(404);
            given().auth().oauth2(mine.token()).contentType(ContentType.JSON).body(profileBody(theirs.id(), List.of()))
                    .post("/api/v1/manufacturers").then().statusCode(403);
            given().auth().oauth2(Tokens.coordinator()).get("/api/v1/manufacturers/{id}", theirProfile).then()
                    .body("legalName", not(equalTo("Hijacked")));
        }

        @Test
        void aMinistryCannotEditAnotherMinistrysOffer() {
            Org de = createOrganization("MINISTRY", "DE");
            Org fr = createOrganization("MINISTRY", "FR");
            Map<String, Object> body = offerBody(fr.id(), List.of("radar"));
            long frOffer = createOffer(fr, body);
            body.put("version", 0);
            body.put("title", "Rewritten by someone else");
            given().auth().oauth2(de.token()).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/offers/{id}", frOffer).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(de.token()).delete("/api/v1/offers/{id}", frOffer).then().statusCode(403);
            given().auth().oauth2(Tokens.coordinator()).get("/api/v1/offers/{id}", frOffer).then()
                    .body("title", not(equalTo("Rewritten by someone else"))).body("version", equalTo(0));
        }

        @Test
        void staffRolesReadButDoNotWriteProfilesOrOffers() {
            Org ministry = createOrganization("MINISTRY", "PL");
            long offer = createOffer(ministry, offerBody(ministry.id(), List.of("radar")));
            for (String token : List.of(Tokens.coordinator(), Tokens.auditor())) {
                given().auth().oauth2(token).get("/api/v1/offers/{id}", offer).then().statusCode(200);
                given().auth().oauth2(token).contentType(ContentType.JSON).body(offerBody(ministry.id(), List.of("radar")))
                        .post("/api/v1/offers").then().statusCode(403);
                given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("code", Fixtures.unique("x"), "kind", "MINISTRY", "name", "X", "country", "DE"))
                        .post("/api/v1/organizations").then().statusCode(403);
            }
        }

        @Test
        void ministriesSeePublishedProfilesOnlyAndManufacturersOnlyTheirOwn() {
            Org maker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> draft = profileBody(maker.id(), List.of());
            draft.put("status", "DRAFT");
            long id = createProfile(maker, draft);
            Org ministry = createOrganization("MINISTRY", "IT");
            given().auth().oauth2(ministry.token()).get("/api/v1/manufacturers/{id}", id).then().statusCode(404);
            given().auth().oauth2(maker.token()).get("/api/v1/manufacturers/{id}", id).then().statusCode(200);
            given().auth().oauth2(createOrganization("MANUFACTURER", "UA").token()).get("/api/v1/manufacturers/{id}", id)
                    .then().statusCode(404);
        }
    }

    @Nested
    class NeedToKnow {

        @Test
        void anOfferAboveTheCallersClearanceDoesNotExistForIt() {
            String marker = Fixtures.unique("sekret").replace("-", "");
            Org ministry = createOrganization("MINISTRY", "GB", "NATO_SECRET");
            Map<String, Object> body = offerBody(ministry.id(), List.of("missiles.cruise"));
            body.put("classification", "NATO_SECRET");
            body.put("requiredClearance", "NATO_SECRET");
            body.put("description", "Classified fictional offer " + marker);
            long secret = createOffer(ministry, body);

            Org maker = createOrganization("MANUFACTURER", "UA");
            createProfile(maker, profileBody(maker.id(), List.of(capability("missiles.cruise", 8, 8, 5)))); // NATO_RESTRICTED
            given().auth().oauth2(maker.token()).get("/api/v1/offers/{id}", secret).then().statusCode(404);
            given().auth().oauth2(maker.token()).queryParam("q", marker).get("/api/v1/offers").then()
                    .body("total", equalTo(0));
            given().auth().oauth2(maker.token()).queryParam("size", 200).queryParam("area", "missiles").get("/api/v1/offers")
                    .then().body("items.id", not(hasItem((int) secret)));

            Org clearedMaker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> cleared = profileBody(clearedMaker.id(), List.of());
            cleared.put("clearance", "NATO_SECRET");
            createProfile(clearedMaker, cleared);
            given().auth().oauth2(clearedMaker.token()).get("/api/v1/offers/{id}", secret).then().statusCode(200);

            Org restrictedMinistry = createOrganization("MINISTRY", "DE", "NATO_RESTRICTED");
            given().auth().oauth2(restrictedMinistry.token()).get("/api/v1/offers/{id}", secret).then().statusCode(404);
        }

        /** Callers' memberships are remembered for a moment; a clearance change must still apply at once. */
        @Test
        void aLoweredClearanceAppliesToTheVeryNextRequest() {
            long secret = secretOffer("GB", "missiles.cruise");
            Org maker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> profile = secretCleared(maker, List.of());
            given().auth().oauth2(maker.token()).get("/api/v1/offers/{id}", secret).then().statusCode(200);
            profile.put("version", 0);
            profile.put("clearance", "NATO_RESTRICTED");
            given().auth().oauth2(maker.token()).contentType(ContentType.JSON).body(profile)
                    .put("/api/v1/manufacturers/{id}", profile.get("id")).then().statusCode(200);
            given().auth().oauth2(maker.token()).get("/api/v1/offers/{id}", secret).then().statusCode(404);

            Org viewer = createOrganization("MINISTRY", "FR", "NATO_SECRET");
            given().auth().oauth2(viewer.token()).get("/api/v1/offers/{id}", secret).then().statusCode(200);
            vet(viewer, "NATO_RESTRICTED");
            given().auth().oauth2(viewer.token()).get("/api/v1/offers/{id}", secret).then().statusCode(404);
        }

        /** A manufacturer is cleared as its profile says, but never above its organization's vetted clearance. */
        @Test
        void aManufacturersClearanceFallsWithItsOrganizationsVettedOne() {
            long secret = secretOffer("NL", "radar");
            Org maker = createOrganization("MANUFACTURER", "UA", "NATO_SECRET");
            secretCleared(maker, List.of());
            given().auth().oauth2(maker.token()).get("/api/v1/offers/{id}", secret).then().statusCode(200);
            vet(maker, "NATO_RESTRICTED");
            given().auth().oauth2(maker.token()).get("/api/v1/offers/{id}", secret).then().statusCode(404);
            given().auth().oauth2(maker.token()).get("/api/v1/me").then().body("clearance", equalTo("NATO_RESTRICTED"));
        }

        @Test
        void aMinistryCannotPostAboveItsOwnClearance() {
            Org ministry = createOrganization("MINISTRY", "CZ", "NATO_RESTRICTED");
            Map<String, Object> body = offerBody(ministry.id(), List.of("radar"));
            body.put("classification", "NATO_SECRET");
            given().auth().oauth2(ministry.token()).contentType(ContentType.JSON).body(body).post("/api/v1/offers").then()
                    .statusCode(400).body("violations[0].field", equalTo("classification"));
        }
    }

    @Nested
    class AuditTrail {

        @Test
        void everyCreateUpdateAndDeleteIsRecordedWithWhoAndWhatChanged() {
            Org maker = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(maker.id(), List.of(capability("radar", 5, 5, 1)));
            long id = createProfile(maker, body);
            body.put("version", 0);
            body.put("employees", 321);
            given().auth().oauth2(maker.token()).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/manufacturers/{id}", id).then().statusCode(200);
            given().auth().oauth2(maker.token()).delete("/api/v1/manufacturers/{id}", id).then().statusCode(204);

            var trail = given().auth().oauth2(Tokens.auditor()).queryParam("entityType", "PROFILE")
                    .queryParam("entityId", String.valueOf(id)).get("/api/v1/audit-trail").then().statusCode(200)
                    .body("total", equalTo(3)).extract().jsonPath();
            org.junit.jupiter.api.Assertions.assertEquals(List.of("DELETE", "UPDATE", "CREATE"), trail.getList("items.action"));
            org.junit.jupiter.api.Assertions.assertEquals(120, trail.getInt("items[1].changes.employees.from"));
            org.junit.jupiter.api.Assertions.assertEquals(321, trail.getInt("items[1].changes.employees.to"));
            org.junit.jupiter.api.Assertions.assertEquals("member-of-" + maker.code(), trail.getString("items[1].username"));
            org.junit.jupiter.api.Assertions.assertEquals(maker.code(), trail.getString("items[1].organizationCode"));

            given().auth().oauth2(Tokens.coordinator()).queryParam("user", "member-of-" + maker.code())
                    .get("/api/v1/audit-trail").then().statusCode(200).body("total", equalTo(3));
        }

        @Test
        void offerAndOrganizationChangesAreRecordedToo() {
            Org ministry = createOrganization("MINISTRY", "DK");
            long offer = createOffer(ministry, offerBody(ministry.id(), List.of("autonomous.uav-fpv")));
            given().auth().oauth2(Tokens.auditor()).queryParam("entityType", "OFFER").queryParam("entityId", String.valueOf(offer))
                    .get("/api/v1/audit-trail").then().body("items[0].action", equalTo("CREATE"))
                    .body("items[0].changes.title.to", containsString("Fictional offer"));
            given().auth().oauth2(Tokens.auditor()).queryParam("entityType", "ORGANIZATION")
                    .queryParam("entityId", String.valueOf(ministry.id())).get("/api/v1/audit-trail").then()
                    .body("items[0].username", equalTo("admin")).body("items[0].changes.code.to", equalTo(ministry.code()));
        }

        /** Need-to-know holds in the trail too: it would otherwise show a classified offer's every field. */
        @Test
        void entriesOfAnOfferAboveTheCallersClearanceAndOfItsMatchesAreLeftOut() {
            Org ministry = createOrganization("MINISTRY", "NO", "NATO_SECRET");
            Map<String, Object> body = offerBody(ministry.id(), List.of("ew.jamming"));
            body.put("classification", "NATO_SECRET");
            long offer = createOffer(ministry, body);
            Org maker = createOrganization("MANUFACTURER", "UA", "NATO_SECRET");
            Object profileId = secretCleared(maker, List.of(capability("ew.jamming", 8, 8, 500))).get("id");
            long match = given().auth().oauth2(ministry.token()).queryParam("size", 200).get("/api/v1/offers/{id}/matches", offer)
                    .then().statusCode(200).extract().jsonPath().getLong("items.find { it.manufacturerId == " + profileId + " }.id");
            given().auth().oauth2(maker.token()).contentType(ContentType.JSON).body(Map.of())
                    .post("/api/v1/matches/{id}/interest", match).then().statusCode(200);

            String uncleared = Tokens.auditor(); // of an organization unknown here: unclassified
            String cleared = Tokens.token("cleared-auditor", "auditor", createOrganization("COORDINATION", "UA", "NATO_SECRET").code());
            trail(uncleared, "OFFER", offer).body("total", equalTo(0)).body("items", org.hamcrest.Matchers.empty());
            trail(cleared, "OFFER", offer).body("total", equalTo(1)).body("items[0].changes.title.to", containsString("Fictional"));
            trail(uncleared, "MATCH", match).body("total", equalTo(0));
            trail(cleared, "MATCH", match).body("total", equalTo(1));
            given().auth().oauth2(uncleared).queryParam("user", "member-of-" + ministry.code()).get("/api/v1/audit-trail")
                    .then().statusCode(200).body("total", equalTo(0));

            // Deleted, the offer counts as classified as it was: its entries stay out of reach.
            given().auth().oauth2(ministry.token()).delete("/api/v1/offers/{id}", offer).then().statusCode(204);
            trail(uncleared, "OFFER", offer).body("total", equalTo(0));
            trail(cleared, "OFFER", offer).body("total", equalTo(2));
            // Its matches went with it, and with them what tells their offer's classification.
            trail(cleared, "MATCH", match).body("total", equalTo(0));
        }

        private io.restassured.response.ValidatableResponse trail(String token, String type, long id) {
            return given().auth().oauth2(token).queryParam("entityType", type).queryParam("entityId", String.valueOf(id))
                    .get("/api/v1/audit-trail").then().statusCode(200);
        }

        @Test
        void onlyAuditorsCoordinatorsAndAdminsReadTheTrail() {
            given().auth().oauth2(createOrganization("MANUFACTURER", "UA").token()).get("/api/v1/audit-trail").then().statusCode(403);
            given().auth().oauth2(createOrganization("MINISTRY", "NL").token()).get("/api/v1/audit-trail").then().statusCode(403);
            given().auth().oauth2(Tokens.admin()).get("/api/v1/audit-trail").then().statusCode(200);
            given().auth().oauth2(Tokens.auditor()).queryParam("from", "yesterday").get("/api/v1/audit-trail").then()
                    .statusCode(400).body("violations[0].field", equalTo("from"));
        }
    }
    /** A NATO_SECRET offer in the area, posted by a new ministry cleared to NATO_SECRET. */
    private static long secretOffer(String country, String area) {
        Org ministry = createOrganization("MINISTRY", country, "NATO_SECRET");
        Map<String, Object> body = offerBody(ministry.id(), List.of(area));
        body.put("classification", "NATO_SECRET");
        return createOffer(ministry, body);
    }

    /** The profile body of a new manufacturer vetted and cleared to NATO_SECRET, as created. */
    private static Map<String, Object> secretCleared(Org maker, List<Map<String, Object>> capabilities) {
        Map<String, Object> profile = profileBody(maker.id(), capabilities);
        profile.put("clearance", "NATO_SECRET");
        profile.put("id", createProfile(maker, profile));
        return profile;
    }
}
