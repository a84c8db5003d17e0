package ua.kuznia.aid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static ua.kuznia.testing.Fixtures.capability;
import static ua.kuznia.testing.Fixtures.createOffer;
import static ua.kuznia.testing.Fixtures.createOrganization;
import static ua.kuznia.testing.Fixtures.createProfile;
import static ua.kuznia.testing.Fixtures.offerBody;
import static ua.kuznia.testing.Fixtures.profileBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ua.kuznia.matching.MatchingService;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Fixtures.Org;
import ua.kuznia.testing.Tokens;

/** The audit's effectiveness figures, mapped to transfer types and applied to the matcher's support-model rule. */
@QuarkusTest
class AidEffectivenessTest {

    @jakarta.inject.Inject
    javax.sql.DataSource jobsDb;

    /** A rule-set change starts a full re-match; later tests must not race with it. */
    @org.junit.jupiter.api.AfterEach
    void awaitRematch() {
        new ua.kuznia.fuzz.DatabaseFingerprint(jobsDb).awaitIdleJobs();
    }

    // ew.sigint is used by no other test, so its ratings come from these rows alone.
    static final String AREA = "ew.sigint";

    @Inject
    MatchingService matching;

    @Test
    void theAuditRatesSupportModelsPerAreaAndTheMatcherUsesTheRatings() throws InterruptedException {
        String source = Fixtures.unique("effectiveness");
        String csv = AidRecordTest.HEADER + "\n"
                // 90 of 100 delivered, first delivery after 45 days: 0.6 × 0.9 + 0.4 / (1 + 45/90) = 0.8067
                + "DK,2025-01-31,DIRECT_FINANCING," + AREA + ",2024-01-01,100,90,,,,2024-02-15,," + source + ",\n"
                // all delivered at once: 1.0
                + "GB,2025-01-31,TRAINING," + AREA + ",2024-03-01,10,10,40,40,trainees,2024-03-01,," + source + ",\n"
                // 20 of 100 after 180 days: 0.6 × 0.2 + 0.4 / 3 = 0.2533
                + "CZ,2025-01-31,INDUSTRY_PROCUREMENT," + AREA + ",2024-01-01,100,20,,,,2024-06-29,," + source + ",\n"
                + "DE,2025-01-31,STOCK_DONATION," + AREA + ",2024-01-01,100,100,,,,2024-01-01,," + source + ",\n";
        AidRecordTest.importCsv(csv).statusCode(201);

        given().auth().oauth2(Tokens.auditor()).get("/api/v1/aid/effectiveness").then().statusCode(200)
                .body("formula", containsString("0.6 × min(1, deliveryRatio) + 0.4 × speedScore"))
                .body("mapping.INDUSTRY_PROCUREMENT", equalTo(List.of("CO_PRODUCTION", "COMPONENT_SUPPLY")))
                .body("mapping.STOCK_DONATION", equalTo(List.of()))
                .body("supportEffectiveness.'DIRECT_FINANCING|ew.sigint'", equalTo(0.8067f))
                .body("supportEffectiveness.'CO_PRODUCTION|ew.sigint'", equalTo(0.2533f))
                .body("supportEffectiveness.'COMPONENT_SUPPLY|ew.sigint'", equalTo(0.2533f))
                .body("supportEffectiveness.'TRAINING|ew'", equalTo(1.0f))
                .body("supportEffectiveness.keySet()", everyItem(not(startsWith("STOCK_DONATION"))))
                .body("scores.find { it.model == 'STOCK_DONATION' && it.area == 'ew.sigint' }.effectiveness", equalTo(1.0f));
        given().auth().oauth2(Tokens.token("maker-z", "manufacturer", null)).get("/api/v1/aid/effectiveness").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.auditor()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/aid/effectiveness/apply").then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("overrides", Map.of("NO_SUCH_TYPE", 0.5))).post("/api/v1/aid/effectiveness/apply").then()
                .statusCode(400).body("violations[0].field", equalTo("supportEffectiveness.NO_SUCH_TYPE"));

        Map<String, Object> before = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset").then()
                .extract().jsonPath().getMap("$");
        int version = (Integer) before.get("version");
        try {
            given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                    .body(Map.of("overrides", Map.of("KNOW_HOW_TRANSFER", 0.3), "note", "Quarterly review"))
                    .post("/api/v1/aid/effectiveness/apply").then().statusCode(200)
                    .body("ruleSet.version", equalTo(version + 1))
                    .body("ruleSet.supportEffectiveness.'DIRECT_FINANCING|ew.sigint'", equalTo(0.8067f))
                    .body("ruleSet.supportEffectiveness.KNOW_HOW_TRANSFER", equalTo(0.3f))
                    .body("ruleSet.note", containsString("aid records (figures as of "))
                    .body("ruleSet.note", containsString("Kiel releases imported: "))
                    .body("ruleSet.note", containsString("KNOW_HOW_TRANSFER=0.3"))
                    .body("ruleSet.note", containsString("Quarterly review"));
            matching.awaitIdle(60, TimeUnit.SECONDS);
            given().auth().oauth2(Tokens.auditor()).get("/api/v1/matching/ruleset").then()
                    .body("version", equalTo(version + 1))
                    .body("supportEffectiveness.'DIRECT_FINANCING|ew.sigint'", equalTo(0.8067f));

            Org ministry = createOrganization("MINISTRY", "DK");
            Map<String, Object> offer = offerBody(ministry.id(), List.of(AREA));
            offer.put("transferType", "DIRECT_FINANCING");
            offer.put("exportControl", Map.of("mlCodes", List.of("ML11"), "licenceRequired", true));
            long offerId = createOffer(ministry, offer);
            Org maker = createOrganization("MANUFACTURER", "UA");
            long profileId = createProfile(maker, profileBody(maker.id(), List.of(capability(AREA, 8, 8, 50))));
            float value = given().auth().oauth2(Tokens.coordinator())
                    .get("/api/v1/offers/{o}/explanations/{p}", offerId, profileId).then().statusCode(200)
                    .body("ruleSetVersion", equalTo(version + 1))
                    .body("softRules.find { it.ruleId == 'support-model' }.basis", containsString("DIRECT_FINANCING|ew.sigint"))
                    .extract().path("softRules.find { it.ruleId == 'support-model' }.value");
            assertNotEquals(0.5f, value, "the neutral value would mean the audit figures were not used");
            org.junit.jupiter.api.Assertions.assertEquals(0.8067f, value);
        } finally {
            // Other test classes share the rule set: leave the ratings as they were.
            int current = given().auth().oauth2(Tokens.coordinator()).get("/api/v1/matching/ruleset").then()
                    .extract().path("version");
            given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                    .body(Map.of("version", current, "supportEffectiveness", before.get("supportEffectiveness"),
                            "note", "Restored after the aid audit test"))
                    .put("/api/v1/matching/ruleset").then().statusCode(200);
            matching.awaitIdle(60, TimeUnit.SECONDS);
        }
    }
}
