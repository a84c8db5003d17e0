package ua.kuznia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static ua.kuznia.it.Api.expect;
import static ua.kuznia.it.Api.get;
import static ua.kuznia.it.Api.read;
import static ua.kuznia.it.Api.send;
import static ua.kuznia.it.Api.writable;
import static ua.kuznia.it.DemoData.offerId;
import static ua.kuznia.it.DemoData.organizationId;
import static ua.kuznia.it.DemoData.profile;
import static ua.kuznia.it.DemoData.profileIdOf;
import static ua.kuznia.it.DemoData.unique;
import static ua.kuznia.it.Persona.ADMIN;
import static ua.kuznia.it.Persona.AUDITOR;
import static ua.kuznia.it.Persona.MAKER_1;
import static ua.kuznia.it.Persona.MAKER_2;
import static ua.kuznia.it.Persona.MAKER_4;
import static ua.kuznia.it.Persona.MINISTRY_DE;
import static ua.kuznia.it.Persona.MINISTRY_FR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import ua.kuznia.local.KeycloakServer;

/**
 * Who may do what, against the packaged service (prod profile) with real Keycloak tokens and the
 * demo data: every /api/v1 operation of the OpenAPI document has at least one row, each row names
 * the HTTP status every {@link Persona} must get, and each cell is its own test case
 * ("GET /api/v1/offers/{id} as maker-2 → 200 (...)").
 *
 * <p>Cells that write never spend shared fixtures: a DELETE or PUT works on a throwaway row made for
 * the cell, or on maker-1's own profile, which the cell puts back afterwards. The end-to-end stories
 * at the bottom check contents too (what changed, who sees it, what the audit trail says).
 */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
class PersonaMatrixIT {

    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";
    private static final String DELETE = "DELETE";

    private static final String REASON = "{\"reason\":\"Checked by the persona matrix\"}";

    /** Columns of the matrix: the statuses of each row are given in this order. */
    static final List<Persona> COLUMNS = List.of(Persona.ANONYMOUS, MAKER_1, MAKER_2, MAKER_4, MINISTRY_DE,
            MINISTRY_FR, Persona.COORDINATOR, AUDITOR, ADMIN);

    /**
     * The matrix. Adding an endpoint means adding a line here; {@link #everyOpenApiOperationHasARow()}
     * fails until someone does. An endpoint may have several rows when visibility depends on the target.
     */
    static final List<Row> MATRIX = List.of(
            //                                                                                        anon mk-1 mk-2 mk-4  de   fr coord aud admin
            // Identity: anyone signed in learns who they are; only staff read the audit trail.
            row(GET, "/api/v1/me", "", plain(),                                                        401, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/audit-trail", "", plain(),                                               401, 403, 403, 403, 403, 403, 200, 200, 200),

            // Taxonomy: public reference data, the only /api/v1 reads that need no token.
            row(GET, "/api/v1/taxonomy/areas", "", plain(),                                            200, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/taxonomy/certifications", "", plain(),                                   200, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/taxonomy/classification-levels", "", plain(),                            200, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/taxonomy/transfer-types", "", plain(),                                   200, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/taxonomy/oblasts", "", plain(),                                          200, 200, 200, 200, 200, 200, 200, 200, 200),

            // Organizations: everyone signed in reads them; only admins write.
            row(GET, "/api/v1/organizations", "", plain(),                                             401, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/organizations/{id}", "ua-mfr-01", ids(() -> organizationId("ua-mfr-01")), 401, 200, 200, 200, 200, 200, 200, 200, 200),
            row(POST, "/api/v1/organizations", "new manufacturer", createOrganization(),               401, 403, 403, 403, 403, 403, 403, 403, 201),
            row(PUT, "/api/v1/organizations/{id}", "throwaway", editThrowawayOrganization(),           401, 403, 403, 403, 403, 403, 403, 403, 200),
            row(DELETE, "/api/v1/organizations/{id}", "throwaway", deleteThrowawayOrganization(),      401, 403, 403, 403, 403, 403, 403, 403, 204),
            row(GET, "/api/v1/organizations/{id}/members", "ua-mfr-01", ids(() -> organizationId("ua-mfr-01")), 401, 403, 403, 403, 403, 403, 403, 403, 200),
            row(POST, "/api/v1/organizations/{id}/members", "invite to throwaway", inviteToThrowawayOrganization(), 401, 403, 403, 403, 403, 403, 403, 403, 201),
            row(DELETE, "/api/v1/organizations/{id}/members/{userId}", "invited member", revokeInvitedMember(), 401, 403, 403, 403, 403, 403, 403, 403, 204),

            // Profiles: a manufacturer sees and edits only its own (another's does not exist for it),
            // ministries read published ones, staff read all; nobody but the owner writes.
            row(GET, "/api/v1/manufacturers", "", plain(),                                             401, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/manufacturers/{id}", "maker-1's, PUBLISHED", ids(() -> profileIdOf("ua-mfr-01")),
                                                                                                       401, 200, 404, 404, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/manufacturers/{id}", "maker-1's, while DRAFT", makerOneProfileAsDraft(), 401, 200, 404, 404, 404, 404, 200, 200, 200),
            row(POST, "/api/v1/manufacturers", "for ua-mfr-01, which has one", createProfileForMakerOne(),
                                                                                                       401, 409, 403, 403, 403, 403, 403, 403, 403),
            row(PUT, "/api/v1/manufacturers/{id}", "maker-1's", editMakerOneProfile(),                 401, 200, 404, 404, 403, 403, 403, 403, 403),
            row(DELETE, "/api/v1/manufacturers/{id}", "maker-1's, restored after", deleteMakerOneProfile(),
                                                                                                       401, 204, 404, 404, 403, 403, 403, 403, 403),

            // Offers: need-to-know first (classification above the caller's clearance = 404), then
            // ministries read OPEN ones and their own, manufacturers OPEN ones; only the owning ministry writes.
            row(GET, "/api/v1/offers", "", plain(),                                                    401, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/offers/{id}", "mod-de, OPEN, NATO_RESTRICTED", ids(() -> offerId(DemoData.DE_RESTRICTED_OFFER)),
                                                                                                       401, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/offers/{id}", "mod-fr, OPEN, NATO_CONFIDENTIAL", ids(() -> offerId(DemoData.FR_CONFIDENTIAL_OFFER)),
                                                                                                       401, 404, 404, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/offers/{id}", "mod-de, DRAFT", ids(DemoData::deDraftOffer),              401, 404, 404, 404, 200, 404, 200, 200, 200),
            row(POST, "/api/v1/offers", "for mod-de", createOffer(true),                               401, 403, 403, 403, 201, 403, 403, 403, 403),
            row(POST, "/api/v1/offers", "for the caller's own organization", createOffer(false),       401, 403, 403, 403, 201, 201, 403, 403, 403),
            row(PUT, "/api/v1/offers/{id}", "throwaway of mod-de, OPEN", editThrowawayOffer("OPEN"),    401, 403, 403, 403, 200, 403, 403, 403, 403),
            row(PUT, "/api/v1/offers/{id}", "throwaway of mod-de, DRAFT", editThrowawayOffer("DRAFT"),  401, 403, 403, 403, 200, 404, 403, 403, 403),
            row(DELETE, "/api/v1/offers/{id}", "throwaway of mod-de, OPEN", deleteThrowawayOffer("OPEN"), 401, 403, 403, 403, 204, 403, 403, 403, 403),
            row(DELETE, "/api/v1/offers/{id}", "throwaway of mod-de, DRAFT", deleteThrowawayOffer("DRAFT"), 401, 403, 403, 403, 204, 404, 403, 403, 403),

            // Matching: the same need-to-know as offers and profiles, and then a manufacturer sees its own
            // matches, a ministry those of its own offers, staff all; coordinators own the rule set and jobs.
            row(GET, "/api/v1/offers/{id}/matches", "mod-de, OPEN, NATO_RESTRICTED", ids(() -> offerId(DemoData.DE_RESTRICTED_OFFER)),
                                                                                                       401, 200, 200, 200, 200, 403, 200, 200, 200),
            row(GET, "/api/v1/offers/{id}/matches", "mod-fr, OPEN, NATO_CONFIDENTIAL", ids(() -> offerId(DemoData.FR_CONFIDENTIAL_OFFER)),
                                                                                                       401, 404, 404, 200, 403, 200, 200, 200, 200),
            row(GET, "/api/v1/offers/{offerId}/explanations/{manufacturerId}", "mod-de's NATO_RESTRICTED offer, maker-1",
                    ids(() -> offerId(DemoData.DE_RESTRICTED_OFFER), () -> profileIdOf("ua-mfr-01")),
                                                                                                       401, 200, 404, 404, 200, 403, 200, 200, 200),
            row(GET, "/api/v1/offers/{offerId}/explanations/{manufacturerId}", "mod-fr's NATO_CONFIDENTIAL offer, maker-4",
                    ids(() -> offerId(DemoData.FR_CONFIDENTIAL_OFFER), () -> profileIdOf("ua-mfr-04")),
                                                                                                       401, 404, 404, 200, 403, 200, 200, 200, 200),
            row(GET, "/api/v1/manufacturers/{id}/matches", "maker-1's", ids(() -> profileIdOf("ua-mfr-01")),
                                                                                                       401, 200, 404, 404, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/matching/ruleset", "", plain(),                                          401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(PUT, "/api/v1/matching/ruleset", "current values again", resaveRuleSet(),              401, 403, 403, 403, 403, 403, 200, 403, 200),
            row(POST, "/api/v1/matching/ruleset/preview", "current values", previewRuleSet(),          401, 403, 403, 403, 403, 403, 200, 403, 200),
            row(GET, "/api/v1/matching/gaps", "", plain(),                                             401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(POST, "/api/v1/matching/jobs", "empty JSON request", emptyJsonRequest(),               401, 403, 403, 403, 403, 403, 202, 403, 202),
            row(GET, "/api/v1/matching/jobs/{id}", "", ids(DemoData::matchingJob),                     401, 403, 403, 403, 403, 403, 200, 200, 200),

            // Review workflow: the two sides of a match act for themselves (another's match does not exist
            // for them), only the offer's ministry withdraws, only coordinators decide; staff read the queue.
            row(GET, "/api/v1/matches", "review queue", plain(),                                       401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(GET, "/api/v1/matches/{id}", "maker-1 × mod-de", ids(DemoData::makerOneMatch),         401, 200, 404, 404, 200, 404, 200, 200, 200),
            row(POST, "/api/v1/matches/{id}/interest", "fresh maker-1 × mod-de", onFreshMatch(false, "{}"),
                                                                                                       401, 200, 404, 404, 200, 404, 403, 403, 403),
            row(POST, "/api/v1/matches/{id}/decline", "fresh maker-1 × mod-de", onFreshMatch(false, REASON),
                                                                                                       401, 200, 404, 404, 200, 404, 403, 403, 403),
            row(POST, "/api/v1/matches/{id}/withdraw", "fresh maker-1 × mod-de", onFreshMatch(false, REASON),
                                                                                                       401, 403, 403, 403, 200, 404, 403, 403, 403),
            row(POST, "/api/v1/matches/{id}/decision", "START_REVIEW on mutual interest", onFreshMatch(true, "{\"decision\":\"START_REVIEW\"}"),
                                                                                                       401, 403, 403, 403, 403, 403, 200, 403, 200),

            // Notifications: every signed-in user has the inbox of their own organization and their own settings.
            row(GET, "/api/v1/notifications", "", plain(),                                             401, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/notifications/unread-count", "", plain(),                                401, 200, 200, 200, 200, 200, 200, 200, 200),
            row(POST, "/api/v1/notifications/{id}/read", "maker-1's newest", ids(DemoData::makerOneNotification),
                                                                                                       401, 200, 404, 404, 404, 404, 404, 404, 404),
            row(POST, "/api/v1/notifications/read-all", "", plain(),                                   401, 200, 200, 200, 200, 200, 200, 200, 200),
            row(GET, "/api/v1/notifications/preferences", "", plain(),                                 401, 200, 200, 200, 200, 200, 200, 200, 200),
            row(PUT, "/api/v1/notifications/preferences", "nothing muted, e-mail on",
                    body(() -> "{\"mutedKinds\":[],\"emailEnabled\":true}"),                        401, 200, 200, 200, 200, 200, 200, 200, 200),

            // Aid audit: staff read it, coordinators and admins write it; nothing for manufacturers and ministries.
            row(GET, "/api/v1/aid/imports", "", plain(),                                               401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(POST, "/api/v1/aid/imports", "release 29 procurement again", kielImport(),             401, 403, 403, 403, 403, 403, 200, 403, 200),
            row(GET, "/api/v1/aid/records", "", plain(),                                               401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(GET, "/api/v1/aid/records/{id}", "", ids(DemoData::aidRecord),                         401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(POST, "/api/v1/aid/records", "fictional record", body(() -> DemoData.aidRecordBody(unique("matrix "))),
                                                                                                       401, 403, 403, 403, 403, 403, 201, 403, 201),
            row(POST, "/api/v1/aid/records/import", "one-row CSV", body(DemoData::aidRecordsCsv),      401, 403, 403, 403, 403, 403, 201, 403, 201),
            row(GET, "/api/v1/aid/effectiveness", "", plain(),                                         401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(POST, "/api/v1/aid/effectiveness/apply", "rule set restored after", applyEffectiveness(),
                                                                                                       401, 403, 403, 403, 403, 403, 200, 403, 200),
            row(GET, "/api/v1/aid/reports/totals", "release 29", withKielRelease(),                    401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(GET, "/api/v1/aid/reports/compare", "release 29 with itself", withKielRelease("?a=29&b=29"), 401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(GET, "/api/v1/aid/reports/stocks-vs-procurement", "release 29", withKielRelease(),     401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(GET, "/api/v1/aid/reports/heavy-weapons", "release 29", withKielRelease(),             401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(GET, "/api/v1/aid/reports/allocations", "release 29", withKielRelease(),               401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(GET, "/api/v1/aid/reports/support-models", "", plain(),                                401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(GET, "/api/v1/aid/reports/support-models/cost-per-unit", "", plain(),                  401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(GET, "/api/v1/aid/reports/support-models/share-by-year", "", plain(),                  401, 403, 403, 403, 403, 403, 200, 200, 200),
            row(GET, "/api/v1/aid/reports/what-worked-best", "", plain(),                              401, 403, 403, 403, 403, 403, 200, 200, 200)
    );

    // ---------------------------------------------------------------------------------------------
    // The matrix as tests

    @TestFactory
    Stream<DynamicTest> personaMatrix() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : MATRIX) {
            for (Persona persona : COLUMNS) {
                int expected = row.expected().get(persona);
                String name = row.method() + " " + row.template() + " as " + persona + " → " + expected
                        + (row.what().isEmpty() ? "" : " (" + row.what() + ")");
                cells.add(DynamicTest.dynamicTest(name, () -> {
                    try {
                        runCell(row, persona, expected);
                    } catch (AssertionError e) {
                        // Failsafe's reports list dynamic tests by index; the message carries the cell's name.
                        throw new AssertionError(name + ": " + e.getMessage(), e);
                    }
                }));
            }
        }
        return cells.stream();
    }

    /**
     * Fails on any /api/v1 operation of the OpenAPI document without a row (a new endpoint must say
     * who may call it), and on rows whose operation no longer exists.
     */
    @Test
    void everyOpenApiOperationHasARow() {
        JsonNode openapi = expect(RestAssured.given().queryParam("format", "json").get("/q/openapi"), 200, "GET /q/openapi");
        Set<String> documented = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/") && !path.getKey().equals("/api/v1")) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        // A broken document (or a wrong URL) must not make the check pass vacuously.
        assertTrue(documented.size() >= 20, "Implausibly few /api/v1 operations in /q/openapi: " + documented);

        Set<String> covered = new TreeSet<>();
        MATRIX.forEach(row -> covered.add(row.method() + " " + row.template()));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(documented);
        if (!missing.isEmpty() || !stale.isEmpty()) {
            fail("Persona matrix out of date.\n  Operations without a row (add one to PersonaMatrixIT.MATRIX): "
                    + missing + "\n  Rows without an operation: " + stale);
        }
    }

    private static void runCell(Row row, Persona persona, int expected) {
        Call call = row.target().prepare(row.template(), persona);
        Response response = null;
        try {
            response = send(persona, row.method(), call.path(), call.body());
            assertCell(response, expected, row.method() + " " + call.path() + " as " + persona);
        } finally {
            call.cleanup().accept(persona, response);
        }
    }

    /** The status, and that refusals are problem documents and successes what they claim to be. */
    private static void assertCell(Response response, int expected, String what) {
        assertEquals(expected, response.statusCode(), what + " answered " + response.asString());
        String contentType = response.contentType() == null ? "" : response.contentType();
        if (expected >= 400) {
            assertTrue(contentType.startsWith(Api.PROBLEM_JSON), what + ": content type " + contentType);
            assertEquals(expected, Api.json(response).path("status").asInt(), what + ": problem status");
            if (expected == 401) {
                String challenge = response.header("WWW-Authenticate");
                assertTrue(challenge != null && challenge.startsWith("Bearer"), what + ": WWW-Authenticate " + challenge);
            }
        } else if (expected == 204) {
            assertEquals("", response.asString(), what + ": 204 with a body");
        } else {
            assertTrue(contentType.startsWith("application/json"), what + ": content type " + contentType);
            // A 201 that returns one resource must say where it lives (a bulk import returns a summary instead).
            if (expected == 201 && Api.json(response).has("id")) {
                assertNotNull(response.header("Location"), what + ": 201 without Location");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Rows and targets

    /** What one cell sends, and how to undo what it may have changed (the response is null if sending failed). */
    record Call(String path, Object body, BiConsumer<Persona, Response> cleanup) {
    }

    /** Prepares the request of one cell, creating throwaway rows when the cell writes. */
    @FunctionalInterface
    interface Target {
        Call prepare(String template, Persona persona);
    }

    record Row(String method, String template, String what, Target target, Map<Persona, Integer> expected) {
    }

    private static final BiConsumer<Persona, Response> NOTHING = (persona, response) -> { };

    static Row row(String method, String template, String what, Target target, int... statuses) {
        if (statuses.length != COLUMNS.size()) {
            throw new IllegalArgumentException(method + " " + template + ": " + statuses.length
                    + " statuses for " + COLUMNS.size() + " personas " + COLUMNS);
        }
        Map<Persona, Integer> expected = new EnumMap<>(Persona.class);
        for (int i = 0; i < statuses.length; i++) {
            expected.put(COLUMNS.get(i), statuses[i]);
        }
        return new Row(method, template, what, target, expected);
    }

    /** The template itself: no path parameters, no body. */
    static Target plain() {
        return (template, persona) -> new Call(template, null, NOTHING);
    }

    /**
     * No body, but declared as JSON. The class-level {@code @Consumes(JSON)} of MatchingResource also
     * applies to its body-less POST /jobs, which therefore answers a plain POST (no Content-Type) with
     * 415, even to anonymous callers; see the report. The row checks the roles, not that quirk.
     */
    static Target emptyJsonRequest() {
        return (template, persona) -> new Call(template, "", (who, response) -> {
            if (response != null && response.statusCode() == 202) {
                DemoData.awaitJob(Api.createdId(response));
            }
        });
    }

    /** Path parameters filled in order, each looked up when the cell runs. */
    static Target ids(LongSupplier... ids) {
        return (template, persona) -> new Call(fill(template, ids), null, NOTHING);
    }

    static String fill(String template, LongSupplier... ids) {
        String path = template;
        for (LongSupplier id : ids) {
            int open = path.indexOf('{');
            int close = path.indexOf('}', open);
            if (open < 0 || close < 0) {
                throw new IllegalArgumentException("More ids than parameters in " + template);
            }
            path = path.substring(0, open) + id.getAsLong() + path.substring(close + 1);
        }
        if (path.contains("{")) {
            throw new IllegalArgumentException("Unfilled parameter in " + path);
        }
        return path;
    }

    static Target createOrganization() {
        return (template, persona) -> new Call(template, DemoData.organizationBody(), (who, response) -> {
            if (response != null && response.statusCode() == 201) {
                DemoData.deleteIfPresent(ADMIN, template + "/" + Api.createdId(response));
            }
        });
    }

    static Target editThrowawayOrganization() {
        return (template, persona) -> {
            long id = DemoData.newOrganization();
            ObjectNode body = writable(read(ADMIN, "/api/v1/organizations/" + id));
            body.put("name", "Renamed by the persona matrix (fictional)");
            return new Call(fill(template, () -> id), body,
                    (who, response) -> DemoData.deleteIfPresent(ADMIN, "/api/v1/organizations/" + id));
        };
    }

    static Target deleteThrowawayOrganization() {
        return (template, persona) -> {
            long id = DemoData.newOrganization();
            return new Call(fill(template, () -> id), null,
                    (who, response) -> DemoData.deleteIfPresent(ADMIN, "/api/v1/organizations/" + id));
        };
    }

    static Target inviteToThrowawayOrganization() {
        return (template, persona) -> {
            long id = DemoData.newOrganization();
            ObjectNode body = Api.JSON.createObjectNode().put("email", unique("invitee-") + "@example.test");
            return new Call(fill(template, () -> id), body,
                    (who, response) -> DemoData.deleteIfPresent(ADMIN, "/api/v1/organizations/" + id));
        };
    }

    static Target revokeInvitedMember() {
        return (template, persona) -> {
            long id = DemoData.newOrganization();
            ObjectNode invite = Api.JSON.createObjectNode().put("email", unique("revokee-") + "@example.test");
            String userId = Api.expect(Api.send(ADMIN, "POST", "/api/v1/organizations/" + id + "/members", invite), 201,
                    "invite as admin").path("member").path("id").asText();
            return new Call(fill(template.replace("{userId}", userId), () -> id), null,
                    (who, response) -> DemoData.deleteIfPresent(ADMIN, "/api/v1/organizations/" + id));
        };
    }

    /** maker-1's profile as it stands, ready to send back. */
    private static ObjectNode makerOneProfileBody() {
        return writable(profile(profileIdOf("ua-mfr-01")), "organizationCode", "country");
    }

    static Target editMakerOneProfile() {
        return (template, persona) -> {
            long id = profileIdOf("ua-mfr-01");
            ObjectNode body = makerOneProfileBody();
            body.put("description", "Fictional demo company, edited by the persona matrix " + unique("m"));
            return new Call(fill(template, () -> id), body, NOTHING);
        };
    }

    /** Turns maker-1's profile into a DRAFT for the cell (ministries read PUBLISHED ones only), then back. */
    static Target makerOneProfileAsDraft() {
        return (template, persona) -> {
            long id = profileIdOf("ua-mfr-01");
            setMakerOneProfileStatus("DRAFT");
            return new Call(fill(template, () -> id), null, (who, response) -> setMakerOneProfileStatus("PUBLISHED"));
        };
    }

    private static void setMakerOneProfileStatus(String status) {
        ObjectNode body = makerOneProfileBody();
        body.put("status", status);
        expect(send(MAKER_1, PUT, "/api/v1/manufacturers/" + profileIdOf("ua-mfr-01"), body), 200,
                "maker-1 setting its profile to " + status);
    }

    /** ua-mfr-01 already has a profile, so even its own manufacturer gets a conflict. */
    static Target createProfileForMakerOne() {
        return (template, persona) -> {
            ObjectNode body = makerOneProfileBody();
            body.remove("version");
            return new Call(template, body, NOTHING);
        };
    }

    /** The owner may delete its profile; the cell then re-creates it (new id, same content) for the rows after it. */
    static Target deleteMakerOneProfile() {
        return (template, persona) -> {
            long id = profileIdOf("ua-mfr-01");
            ObjectNode snapshot = makerOneProfileBody();
            snapshot.remove("version");
            return new Call(fill(template, () -> id), null, (who, response) -> {
                if (response != null && response.statusCode() == 204) {
                    expect(send(MAKER_1, POST, "/api/v1/manufacturers", snapshot), 201, "restoring maker-1's profile");
                }
            });
        };
    }

    static Target createOffer(boolean forModDe) {
        return (template, persona) -> {
            ObjectNode body = DemoData.offerBody("NATO_RESTRICTED", "OPEN", unique("Matrix offer "));
            if (forModDe) {
                body.put("organizationId", organizationId("mod-de"));
            }
            return new Call(template, body, (who, response) -> {
                if (response != null && response.statusCode() == 201) {
                    DemoData.deleteIfPresent(who, template + "/" + Api.createdId(response));
                }
            });
        };
    }

    static Target editThrowawayOffer(String status) {
        return (template, persona) -> {
            long id = DemoData.newOffer(MINISTRY_DE, "NATO_RESTRICTED", status, unique("Matrix offer "));
            ObjectNode body = writable(DemoData.offer(id), "organizationName", "country");
            body.put("description", "Edited by the persona matrix");
            return new Call(fill(template, () -> id), body,
                    (who, response) -> DemoData.deleteIfPresent(MINISTRY_DE, "/api/v1/offers/" + id));
        };
    }

    static Target deleteThrowawayOffer(String status) {
        return (template, persona) -> {
            long id = DemoData.newOffer(MINISTRY_DE, "NATO_RESTRICTED", status, unique("Matrix offer "));
            return new Call(fill(template, () -> id), null,
                    (who, response) -> DemoData.deleteIfPresent(MINISTRY_DE, "/api/v1/offers/" + id));
        };
    }

    /** The rule set saved again unchanged (a new version and a re-match, same suggestions). */
    static Target resaveRuleSet() {
        return (template, persona) -> new Call(template, DemoData.ruleSetBody("Saved unchanged by the persona matrix"),
                PersonaMatrixIT::awaitJobOf);
    }

    /** Lets a started re-match finish, so it cannot re-rank matches under the cells that follow. */
    private static void awaitJobOf(Persona persona, Response response) {
        if (response == null || response.statusCode() >= 300) {
            return;
        }
        JsonNode body = Api.json(response);
        DemoData.awaitJob(body.has("jobId") ? body.path("jobId").asLong() : body.path("id").asLong());
    }

    /** A JSON (or multipart) body built when the cell runs. */
    static Target body(java.util.function.Supplier<Object> body) {
        return (template, persona) -> new Call(template, body.get(), NOTHING);
    }

    /** A new match of maker-1 with a throwaway offer of mod-de for each cell; deleting the offer removes it. */
    static Target onFreshMatch(boolean mutual, String body) {
        return (template, persona) -> {
            DemoData.FreshMatch match = DemoData.freshMakerOneMatch(mutual);
            return new Call(fill(template, match::matchId), body,
                    (who, response) -> DemoData.deleteIfPresent(MINISTRY_DE, "/api/v1/offers/" + match.offerId()));
        };
    }

    static Target withKielRelease() {
        return withKielRelease("");
    }

    static Target withKielRelease(String query) {
        return (template, persona) -> {
            DemoData.kielRelease();
            return new Call(template + query, null, NOTHING);
        };
    }

    /** Re-imports two files of the shipped release 29, which replaces their rows with the same rows. */
    static Target kielImport() {
        return (template, persona) -> {
            DemoData.kielRelease();
            return new Call(template, DemoData.kielFiles("release_info.csv", "procurement_trends.csv"), NOTHING);
        };
    }

    /** Applies the aid audit to the rule set, then saves the previous values again as the next version. */
    static Target applyEffectiveness() {
        return (template, persona) -> {
            ObjectNode before = DemoData.ruleSetBody("Restored after the persona matrix applied the aid audit");
            ObjectNode body = Api.JSON.createObjectNode().put("note", "Applied by the persona matrix");
            return new Call(template, body, (who, response) -> {
                if (response != null && response.statusCode() == 200) {
                    awaitJobOf(who, response);
                    before.put("version", read(ADMIN, "/api/v1/matching/ruleset").path("version").asInt());
                    Response restored = send(ADMIN, PUT, "/api/v1/matching/ruleset", before);
                    expect(restored, 200, "restoring the rule set");
                    awaitJobOf(ADMIN, restored);
                }
            });
        };
    }

    static Target previewRuleSet() {
        return (template, persona) -> new Call(template, DemoData.ruleSetBody("Preview by the persona matrix"), NOTHING);
    }

    // ---------------------------------------------------------------------------------------------
    // End-to-end stories: the contents behind the statuses

    @Test
    void makerOneCanUpdateItsOwnProfile() {
        String path = "/api/v1/manufacturers/" + profileIdOf("ua-mfr-01");
        JsonNode before = read(MAKER_1, path);
        ObjectNode body = writable(before, "organizationCode", "country");
        String description = "Fictional demo company, updated by maker-1 " + unique("u");
        body.put("description", description);

        JsonNode updated = expect(send(MAKER_1, PUT, path, body), 200, "PUT " + path + " as maker-1");

        assertEquals(description, updated.path("description").asText());
        assertTrue(updated.path("version").asLong() > before.path("version").asLong(), "version must move on");
        assertEquals(description, read(MAKER_1, path).path("description").asText(), "the owner reads its change");
        assertEquals(description, read(MINISTRY_DE, path).path("description").asText(), "a published profile is read by ministries");
    }

    @Test
    void makerOneGets404OnMakerTwosProfile() {
        long id = profileIdOf("ua-mfr-02");
        String path = "/api/v1/manufacturers/" + id;
        JsonNode before = profile(id);
        ObjectNode body = writable(before, "organizationCode", "country");
        body.put("description", "Overwritten by maker-1");

        Response put = send(MAKER_1, PUT, path, body);

        assertEquals(404, put.statusCode(), put.asString());
        assertEquals(Api.PROBLEM_JSON, put.contentType());
        assertEquals(404, get(MAKER_1, path).statusCode(), "another manufacturer's profile does not exist for maker-1");
        assertEquals(404, send(MAKER_1, DELETE, path, null).statusCode());
        JsonNode after = profile(id);
        assertEquals(before.path("version").asLong(), after.path("version").asLong(), "maker-2's profile untouched");
        assertEquals(before.path("description").asText(), after.path("description").asText());
    }

    @Test
    void ministryDeCanCreateAnOfferAndCannotEditMinistryFrs() {
        String title = unique("Offer of ministry-de ");
        Response created = send(MINISTRY_DE, POST, "/api/v1/offers", DemoData.offerBody("NATO_RESTRICTED", "OPEN", title));
        JsonNode offer = expect(created, 201, "POST /api/v1/offers as ministry-de");
        long id = Api.createdId(created);
        assertEquals(id, offer.path("id").asLong());
        assertEquals(organizationId("mod-de"), offer.path("organizationId").asLong(), "posted for the caller's ministry");
        assertEquals(title, read(MINISTRY_DE, "/api/v1/offers/" + id).path("title").asText());
        assertEquals(title, read(MAKER_1, "/api/v1/offers/" + id).path("title").asText(), "OPEN and NATO_RESTRICTED: manufacturers read it");

        long frOffer = offerId(DemoData.FR_RESTRICTED_OFFER);
        JsonNode before = DemoData.offer(frOffer);
        ObjectNode edit = writable(before, "organizationName", "country");
        edit.put("title", "Taken over by ministry-de");
        Response put = send(MINISTRY_DE, PUT, "/api/v1/offers/" + frOffer, edit);
        assertEquals(403, put.statusCode(), put.asString());
        assertEquals(Api.PROBLEM_JSON, put.contentType());
        assertEquals(403, send(MINISTRY_DE, DELETE, "/api/v1/offers/" + frOffer, null).statusCode());
        JsonNode after = DemoData.offer(frOffer);
        assertEquals(before.path("title").asText(), after.path("title").asText(), "ministry-fr's offer untouched");
        assertEquals(before.path("version").asLong(), after.path("version").asLong());

        assertEquals(204, send(MINISTRY_DE, DELETE, "/api/v1/offers/" + id, null).statusCode(), "the owner deletes its offer");
        assertEquals(404, get(MINISTRY_DE, "/api/v1/offers/" + id).statusCode());
    }

    @Test
    void aNatoSecretOfferIsInvisibleToMakerOneButVisibleToAClearedManufacturer() {
        // Preconditions from the demo data: the clearances this story is about.
        assertEquals("NATO_RESTRICTED", read(MAKER_1, "/api/v1/me").path("clearance").asText());
        assertEquals("NATO_SECRET", read(MAKER_4, "/api/v1/me").path("clearance").asText());

        String marker = unique("secretoffer");
        String title = "Interceptor motor know-how " + marker;
        long id = DemoData.newOffer(MINISTRY_DE, "NATO_SECRET", "OPEN", title);
        String path = "/api/v1/offers/" + id;
        String search = "/api/v1/offers?q=" + marker;

        Response byId = get(MAKER_1, path);
        assertEquals(404, byId.statusCode(), byId.asString());
        assertFalse(allIds(MAKER_1, "/api/v1/offers").contains(id), "absent from maker-1's list");
        assertFalse(allIds(MAKER_1, "/api/v1/offers?area=munitions").contains(id), "absent from maker-1's area filter");
        JsonNode found = read(MAKER_1, search);
        assertEquals(0, found.path("total").asLong(), "search must not even count it: " + found);
        assertEquals(0, found.path("items").size());

        assertEquals(title, read(MAKER_4, path).path("title").asText());
        assertTrue(allIds(MAKER_4, "/api/v1/offers").contains(id), "in the cleared manufacturer's list");
        JsonNode clearedSearch = read(MAKER_4, search);
        assertEquals(1, clearedSearch.path("total").asLong(), clearedSearch.toString());
        assertEquals(id, clearedSearch.path("items").path(0).path("id").asLong());
    }

    @Test
    void changesAreInTheAuditTrailWithUsernameAndChanges() {
        long profileId = profileIdOf("ua-mfr-01");
        String profilePath = "/api/v1/manufacturers/" + profileId;
        JsonNode before = read(MAKER_1, profilePath);
        ObjectNode edit = writable(before, "organizationCode", "country");
        String description = "Fictional demo company, audited edit " + unique("a");
        edit.put("description", description);
        expect(send(MAKER_1, PUT, profilePath, edit), 200, "PUT " + profilePath + " as maker-1");

        String title = unique("Audited offer ");
        long offerId = DemoData.newOffer(MINISTRY_DE, "NATO_RESTRICTED", "OPEN", title);

        // Refused writes leave no trace.
        long makerTwoProfile = profileIdOf("ua-mfr-02");
        ObjectNode refused = writable(profile(makerTwoProfile), "organizationCode", "country");
        refused.put("description", "Overwritten by maker-1");
        assertEquals(404, send(MAKER_1, PUT, "/api/v1/manufacturers/" + makerTwoProfile, refused).statusCode());

        JsonNode profileEntry = entry(read(AUDITOR, "/api/v1/audit-trail?entityType=PROFILE&entityId=" + profileId),
                e -> description.equals(e.path("changes").path("description").path("to").asText()));
        assertEquals("maker-1", profileEntry.path("username").asText());
        assertEquals(KeycloakServer.jwtPayload(MAKER_1.token()).path("sub").asText(), profileEntry.path("subject").asText());
        assertEquals("ua-mfr-01", profileEntry.path("organizationCode").asText());
        assertEquals("UPDATE", profileEntry.path("action").asText());
        assertEquals(before.path("description").asText(), profileEntry.path("changes").path("description").path("from").asText());
        assertFalse(profileEntry.path("changes").has("version"), "bookkeeping fields are not changes");

        JsonNode offerEntry = entry(read(AUDITOR, "/api/v1/audit-trail?entityType=OFFER&entityId=" + offerId),
                e -> e.path("action").asText().equals("CREATE"));
        assertEquals("ministry-de", offerEntry.path("username").asText());
        assertEquals("mod-de", offerEntry.path("organizationCode").asText());
        assertEquals(title, offerEntry.path("changes").path("title").path("to").asText());
        assertTrue(offerEntry.path("changes").path("title").path("from").isNull());

        JsonNode refusedTrail = read(AUDITOR, "/api/v1/audit-trail?user=maker-1&entityType=PROFILE&entityId=" + makerTwoProfile);
        assertEquals(0, refusedTrail.path("total").asLong(), refusedTrail.toString());

        DemoData.deleteIfPresent(MINISTRY_DE, "/api/v1/offers/" + offerId);
    }

    private static JsonNode entry(JsonNode page, java.util.function.Predicate<JsonNode> wanted) {
        for (JsonNode item : page.path("items")) {
            if (wanted.test(item)) {
                return item;
            }
        }
        throw new AssertionError("No such audit entry in " + page);
    }

    /** Every id of a list, page by page, so absence is not an artefact of paging. */
    private static Set<Long> allIds(Persona persona, String path) {
        Set<Long> ids = new LinkedHashSet<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode result = read(persona, path + separator + "size=200&page=" + page);
            result.path("items").forEach(item -> ids.add(item.path("id").asLong()));
            if (result.path("items").isEmpty() || ids.size() >= result.path("total").asLong()) {
                return ids;
            }
        }
    }
}
