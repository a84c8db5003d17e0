package ua.kuznia.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;

/** The matcher behind the API: incremental re-matching on writes, explanations, staleness, the rule set. */
@QuarkusTest
class MatchingApiTest {

    @jakarta.inject.Inject
    javax.sql.DataSource jobsDb;

    /** A rule-set change starts a full re-match; later tests must not race with it. */
    @org.junit.jupiter.api.AfterEach
    void awaitRematch() {
        new ua.kuznia.fuzz.DatabaseFingerprint(jobsDb).awaitIdleJobs();
    }

    @Inject
    AgroalDataSource db;

    @Inject
    MatchingService matching;

    private Org ministry;
    private Org maker;

    private long offerFor(String area) {
        ministry = createOrganization("MINISTRY", "DE");
        Map<String, Object> body = offerBody(ministry.id(), List.of(area));
        body.put("minTrl", 6);
        body.put("minMrl", 6);
        return createOffer(ministry, body);
    }

    @Test
    void aNewProfileIsMatchedToOpenOffersBeforeTheWriteReturns() {
        long offer = offerFor("autonomous.usv");
        maker = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> body = profileBody(maker.id(), List.of(capability("autonomous.usv", 8, 7, 12)));
        long profile = createProfile(maker, body);

        given().auth().oauth2(ministry.token()).get("/api/v1/offers/{id}/matches", offer).then().statusCode(200)
                .body("items.manufacturerId", hasItem((int) profile))
                .body("items.find { it.manufacturerId == " + profile + " }.status", equalTo("SUGGESTED"))
                .body("items.find { it.manufacturerId == " + profile + " }.score", greaterThan(40.0f));
        given().auth().oauth2(maker.token()).get("/api/v1/manufacturers/{id}/matches", profile).then().statusCode(200)
                .body("items.offerId", hasItem((int) offer));

        given().auth().oauth2(maker.token()).get("/api/v1/offers/{o}/explanations/{p}", offer, profile).then().statusCode(200)
                .body("eligible", equalTo(true)).body("suggested", equalTo(true)).body("rank", notNullValue())
                .body("hardRules.find { it.ruleId == 'readiness' }.passed", equalTo(true))
                .body("softRules.find { it.ruleId == 'area-specificity' }.value", equalTo(1.0f))
                .body("softRules.find { it.ruleId == 'area-specificity' }.descriptionUk", notNullValue())
                .body("hardRules.find { it.ruleId == 'readiness' }.expected", equalTo("TRL >= 6 and MRL >= 6 in an offer area"))
                .body("hardRules.find { it.ruleId == 'readiness' }.expectedUk", equalTo("TRL ≥ 6 і MRL ≥ 6 у напрямі пропозиції"))
                .body("softRules.find { it.ruleId == 'area-specificity' }.basisUk",
                        equalTo("autonomous.usv у напрямі пропозиції autonomous.usv, різниця рівнів: 0"));

        // The capability drops below the offer's TRL: the suggestion disappears at once, and the
        // explanation says why not.
        body.put("version", 0);
        body.put("capabilities", List.of(capability("autonomous.usv", 5, 7, 12)));
        given().auth().oauth2(maker.token()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/manufacturers/{id}", profile).then().statusCode(200);
        given().auth().oauth2(ministry.token()).get("/api/v1/offers/{id}/matches", offer).then()
                .body("items.manufacturerId", not(hasItem((int) profile)));
        given().auth().oauth2(ministry.token()).get("/api/v1/offers/{o}/explanations/{p}", offer, profile).then()
                .body("eligible", equalTo(false))
                .body("hardRules.find { it.ruleId == 'readiness' }.passed", equalTo(false))
                .body("whyNot.code", hasItem("readiness"));
    }

    /** Stored (rank, version) of a profile's match for an offer. */
    private long[] stored(long offer, long profile) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT rank, version, explanation->>'rank',"
                     + " jsonb_array_length(explanation->'hardRules'), jsonb_array_length(explanation->'softRules'),"
                     + " jsonb_exists(explanation->'hardRules'->0, 'expected'), explanation::text LIKE '%description%',"
                     + " jsonb_exists(explanation->'softRules'->0, 'basis'),"
                     + " explanation::text ~ '\"(expectedUk|actualUk|basisUk)\"'"
                     + " FROM match_result WHERE offer_id = " + offer + " AND profile_id = " + profile)) {
            org.junit.jupiter.api.Assertions.assertTrue(rs.next(), "no stored match for profile " + profile);
            org.junit.jupiter.api.Assertions.assertEquals(rs.getString(1), rs.getString(3), "the explanation tells the stored rank");
            // Every rule's outcome and compared values are stored; the catalog's texts are not.
            org.junit.jupiter.api.Assertions.assertEquals(ua.kuznia.matching.engine.RuleCatalog.hardRules().size(), rs.getInt(4));
            org.junit.jupiter.api.Assertions.assertEquals(ua.kuznia.matching.engine.RuleCatalog.softRules().size(), rs.getInt(5));
            org.junit.jupiter.api.Assertions.assertTrue(rs.getBoolean(6), "a stored hard rule keeps the value it expected");
            org.junit.jupiter.api.Assertions.assertFalse(rs.getBoolean(7), "rule descriptions are not stored per match");
            org.junit.jupiter.api.Assertions.assertTrue(rs.getBoolean(8), "a stored soft rule keeps its basis");
            org.junit.jupiter.api.Assertions.assertFalse(rs.getBoolean(9), "the compared values are stored in English only");
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    @Test
    void aProfileEditRewritesItsOwnMatchesAndOnlyThoseOfOthersThatMoved() throws Exception {
        long offer = offerFor("artillery.self-propelled");
        long[] profiles = new long[3];
        Map<String, Object> lowest = null;
        Org lowestMaker = null;
        int[] trl = {9, 8, 7};
        for (int i = 0; i < 3; i++) {
            Org org = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(org.id(), List.of(capability("artillery.self-propelled", trl[i], 7, 40)));
            profiles[i] = createProfile(org, body);
            lowest = body;
            lowestMaker = org;
        }
        long[] first = stored(offer, profiles[0]);
        long[] second = stored(offer, profiles[1]);
        long[] third = stored(offer, profiles[2]);
        org.junit.jupiter.api.Assertions.assertTrue(first[0] < second[0] && second[0] < third[0], "ranked by readiness");

        // A small gain that leaves the third below the second: only its own match is written.
        lowest.put("version", 0);
        lowest.put("capabilities", List.of(capability("artillery.self-propelled", 7, 8, 40)));
        given().auth().oauth2(lowestMaker.token()).contentType(ContentType.JSON).body(lowest)
                .put("/api/v1/manufacturers/{id}", profiles[2]).then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, stored(offer, profiles[0]), "first untouched");
        org.junit.jupiter.api.Assertions.assertArrayEquals(second, stored(offer, profiles[1]), "second untouched");
        long[] edited = stored(offer, profiles[2]);
        org.junit.jupiter.api.Assertions.assertEquals(third[1] + 1, edited[1], "the edited profile's match is rewritten");

        // Now it passes both: each moves down one place, and the stored rows say so.
        lowest.put("version", 1);
        lowest.put("capabilities", List.of(capability("artillery.self-propelled", 9, 10, 400)));
        given().auth().oauth2(lowestMaker.token()).contentType(ContentType.JSON).body(lowest)
                .put("/api/v1/manufacturers/{id}", profiles[2]).then().statusCode(200);
        long[] firstAfter = stored(offer, profiles[0]);
        long[] secondAfter = stored(offer, profiles[1]);
        org.junit.jupiter.api.Assertions.assertEquals(first[0] + 1, firstAfter[0]);
        org.junit.jupiter.api.Assertions.assertEquals(second[0] + 1, secondAfter[0]);
        org.junit.jupiter.api.Assertions.assertTrue(firstAfter[1] > first[1] && secondAfter[1] > second[1], "moved rows are rewritten");
        org.junit.jupiter.api.Assertions.assertTrue(stored(offer, profiles[2])[0] < firstAfter[0]);
    }

    /** The ministry reads its offer, sets one field and writes it back with the version it read. */
    private void editOffer(long offer, String field, Object value) {
        Map<String, Object> body = given().auth().oauth2(ministry.token()).get("/api/v1/offers/{id}", offer).as(Map.class);
        body.put(field, value);
        given().auth().oauth2(ministry.token()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/offers/{id}", offer).then().statusCode(200);
    }

    @Test
    void anEditOfWhatMatchingDoesNotReadLeavesTheStoredMatchesAlone() throws Exception {
        long offer = offerFor("ew.sigint");
        maker = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> body = profileBody(maker.id(), List.of(capability("ew.sigint", 8, 8, 30)));
        long profile = createProfile(maker, body);
        long[] before = stored(offer, profile);

        // The offer's description and the manufacturer's head count: no rule reads them.
        editOffer(offer, "description", "A fictional offer, its description corrected");
        body.put("version", 0);
        body.put("employees", 321);
        given().auth().oauth2(maker.token()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/manufacturers/{id}", profile).then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, stored(offer, profile),
                "the stored match is not rewritten, so a decision on it keeps its version");

        // What a rule reads: the match is rewritten.
        editOffer(offer, "minTrl", 7);
        org.junit.jupiter.api.Assertions.assertEquals(before[1] + 1, stored(offer, profile)[1], "a matching edit rewrites it");
    }

    @Test
    void aMatchSomeoneActedOnTurnsStaleWithTheFailingRuleAndComesBack() throws Exception {
        long offer = offerFor("ew.counter-uas");
        maker = createOrganization("MANUFACTURER", "UA");
        Map<String, Object> body = profileBody(maker.id(), List.of(capability("ew.counter-uas", 7, 7, 30)));
        long profile = createProfile(maker, body);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE match_result SET status = 'MUTUAL_INTEREST' WHERE offer_id = " + offer
                    + " AND profile_id = " + profile);
        }
        body.put("version", 0);
        body.put("oblast", "UA-63");
        editOffer(offer, "maxRiskTier", 2);
        given().auth().oauth2(ministry.token()).get("/api/v1/offers/{id}/matches", offer).then()
                .body("items.find { it.manufacturerId == " + profile + " }.status", equalTo("MUTUAL_INTEREST"));
        given().auth().oauth2(maker.token()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/manufacturers/{id}", profile).then().statusCode(200);
        given().auth().oauth2(ministry.token()).get("/api/v1/offers/{id}/matches", offer).then()
                .body("items.find { it.manufacturerId == " + profile + " }.status", equalTo("STALE"))
                .body("items.find { it.manufacturerId == " + profile + " }.staleRule", equalTo("risk-tier"));
        body.put("version", 1);
        body.put("oblast", "UA-46");
        given().auth().oauth2(maker.token()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/manufacturers/{id}", profile).then().statusCode(200);
        given().auth().oauth2(ministry.token()).get("/api/v1/offers/{id}/matches", offer).then()
                .body("items.find { it.manufacturerId == " + profile + " }.status", equalTo("MUTUAL_INTEREST"));
    }

    @Test
    void needToKnowAppliesToMatchesAndExplanations() {
        long offer = offerFor("radar.ground");
        maker = createOrganization("MANUFACTURER", "UA");
        long profile = createProfile(maker, profileBody(maker.id(), List.of(capability("radar.ground", 8, 8, 3))));
        Org otherMinistry = createOrganization("MINISTRY", "FR");
        given().auth().oauth2(otherMinistry.token()).get("/api/v1/offers/{id}/matches", offer).then().statusCode(403);
        given().auth().oauth2(otherMinistry.token()).get("/api/v1/offers/{o}/explanations/{p}", offer, profile).then()
                .statusCode(403);
        Org otherMaker = createOrganization("MANUFACTURER", "UA");
        createProfile(otherMaker, profileBody(otherMaker.id(), List.of()));
        given().auth().oauth2(otherMaker.token()).get("/api/v1/offers/{id}/matches", offer).then().statusCode(200)
                .body("items.manufacturerId", not(hasItem((int) profile)));
        given().auth().oauth2(otherMaker.token()).get("/api/v1/offers/{o}/explanations/{p}", offer, profile).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/offers/{o}/explanations/{p}", offer, profile).then()
                .statusCode(200);
    }

    /**
     * Profiles of one offer edited at once: each re-match computes the offer's ranking and then
     * writes it, and two may write in the other order than they computed. The stored ranking must
     * end as the index has it, not as the slower of two writers last saw it.
     */
    @Test
    void concurrentEditsInOneOfferLeaveItsStoredRankingAsTheIndexHasIt() throws Exception {
        long offer = offerFor("autonomous.usv");
        int writers = 6;
        List<Org> makers = new java.util.ArrayList<>();
        List<Long> profiles = new java.util.ArrayList<>();
        List<Map<String, Object>> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Org org = createOrganization("MANUFACTURER", "UA");
            Map<String, Object> body = profileBody(org.id(), List.of(capability("autonomous.usv", 7, 7, 10 + i)));
            makers.add(org);
            bodies.add(body);
            profiles.add(createProfile(org, body));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                done.add(pool.submit(() -> {
                    // Each profile's capacity swings across the others', so every edit reorders the ranking.
                    for (int edit = 0; edit < 8; edit++) {
                        Map<String, Object> body = bodies.get(writer);
                        body.put("version", edit);
                        body.put("capabilities", List.of(capability("autonomous.usv", 7, 7, 1 + (writer * 7 + edit * 13) % 50)));
                        given().auth().oauth2(makers.get(writer).token()).contentType(ContentType.JSON).body(body)
                                .put("/api/v1/manufacturers/{id}", profiles.get(writer)).then().statusCode(200);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> inIndex = new java.util.ArrayList<>();
        for (ua.kuznia.matching.engine.ScoredMatch match : matching.engine().topKForOffer(offer)) {
            inIndex.add(match.profileId() + "@" + match.score());
        }
        List<String> storedRanking = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT profile_id, score FROM match_result WHERE offer_id = " + offer
                     + " AND rank IS NOT NULL ORDER BY rank")) {
            while (rs.next()) {
                storedRanking.add(rs.getLong(1) + "@" + rs.getDouble(2));
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(inIndex, storedRanking);
    }

    /** A manufacturer is matched as cleared by its profile, but never above its organization's vetting, lowered or not. */
    @Test
    void aLoweredVettingTakesTheManufacturerOutOfOffersAboveIt() {
        ministry = createOrganization("MINISTRY", "DE", "NATO_SECRET");
        Map<String, Object> offerBody = offerBody(ministry.id(), List.of("radar.counter-battery"));
        offerBody.put("requiredClearance", "NATO_SECRET");
        long offer = createOffer(ministry, offerBody);
        maker = createOrganization("MANUFACTURER", "UA", "NATO_SECRET");
        Map<String, Object> body = profileBody(maker.id(), List.of(capability("radar.counter-battery", 8, 8, 30)));
        body.put("clearance", "NATO_SECRET");
        long profile = createProfile(maker, body);
        String explanation = "/api/v1/offers/{o}/explanations/{p}";
        given().auth().oauth2(ministry.token()).get(explanation, offer, profile).then().statusCode(200)
                .body("eligible", equalTo(true));

        ua.kuznia.testing.Fixtures.vet(maker, "NATO_RESTRICTED");
        given().auth().oauth2(ministry.token()).get(explanation, offer, profile).then().statusCode(200)
                .body("eligible", equalTo(false))
                .body("hardRules.find { it.ruleId == 'clearance' }.passed", equalTo(false));
        given().auth().oauth2(ministry.token()).queryParam("size", 200).get("/api/v1/offers/{id}/matches", offer).then()
                .body("items.manufacturerId", not(hasItem((int) profile)));
    }

    /** The instance that saves a rule set scores with it at once, even while another instance holds the job lock. */
    @Test
    void aSavedRuleSetIsUsedAtOnceWhileAnotherInstanceRunsTheJob() throws Exception {
        matching.awaitIdle(60, TimeUnit.SECONDS);
        int version = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset").then().extract().jsonPath()
                .getInt("version");
        try (Connection lock = db.getConnection(); Statement s = lock.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + MatchingService.FULL_MATCH_LOCK + ")"); // as another replica would
            given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                    .body(Map.of("version", version, "note", "Saved while another instance holds the job lock"))
                    .put("/api/v1/matching/ruleset").then().statusCode(200);
            org.junit.jupiter.api.Assertions.assertEquals(version + 1, matching.engine().ruleSet().version());
            s.execute("SELECT pg_advisory_unlock(" + MatchingService.FULL_MATCH_LOCK + ")");
        }
        // The job waits for the lock; once free, the next poll runs it.
        matching.runUnfinishedJobs();
        matching.awaitIdle(60, TimeUnit.SECONDS);
    }

    @Test
    void ruleSetIsVersionedPreviewedAndTriggersAFullRematch() throws Exception {
        offerFor("munitions.mortar");
        var current = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset").then().statusCode(200)
                .body("weights.'capacity-headroom'", notNullValue()).extract().jsonPath();
        int version = current.getInt("version");
        Map<String, Object> proposal = Map.of("version", version, "minScore", 99.5, "note", "Only near-perfect matches");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(proposal)
                .post("/api/v1/matching/ruleset/preview").then().statusCode(200)
                .body("suggestionsAfter", org.hamcrest.Matchers.lessThanOrEqualTo(current.getInt("topK") * 1000));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("weights", Map.of("no-such-rule", 1.0)))
                .post("/api/v1/matching/ruleset/preview").then().statusCode(400)
                .body("violations[0].field", equalTo("weights.no-such-rule"));
        given().auth().oauth2(createOrganization("MANUFACTURER", "UA").token()).get("/api/v1/matching/ruleset").then()
                .statusCode(403);
        // JSON numbers cannot be NaN, but Jackson reads the string "NaN" into a double: refused, not stored.
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("minScore", "NaN"),
                Map.<String, Object>of("weights", Map.of("low-risk", "NaN")),
                Map.<String, Object>of("areaPriorities", Map.of("radar", "Infinity")),
                // Each version's note is kept with the audit trail: as long as the editor allows, no longer.
                Map.<String, Object>of("note", "n".repeat(2001)))) {
            Map<String, Object> body = new java.util.HashMap<>(bad);
            body.put("version", version);
            String field = bad.keySet().iterator().next();
            field = field.equals("weights") ? "weights.low-risk" : field.equals("areaPriorities") ? "areaPriorities.radar" : field;
            given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/matching/ruleset/preview").then().statusCode(400).body("violations[0].field", equalTo(field));
            given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/matching/ruleset").then().statusCode(400).body("violations[0].field", equalTo(field));
        }
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset").then().body("version", equalTo(version));

        long job = given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("version", version, "note", "Same weights, new version"))
                .put("/api/v1/matching/ruleset").then().statusCode(200)
                .body("ruleSet.version", equalTo(version + 1)).body("ruleSet.createdBy", equalTo("coordinator"))
                .extract().jsonPath().getLong("jobId");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(Map.of("version", version))
                .put("/api/v1/matching/ruleset").then().statusCode(409);
        matching.awaitIdle(60, TimeUnit.SECONDS);
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/matching/jobs/{id}", job).then().statusCode(200)
                .body("status", equalTo("DONE")).body("ruleSetVersion", equalTo(version + 1));
        given().auth().oauth2(Tokens.auditor()).queryParam("entityType", "RULESET").get("/api/v1/audit-trail").then()
                .body("items.note", hasItem(containsString("Same weights")));
    }
}
