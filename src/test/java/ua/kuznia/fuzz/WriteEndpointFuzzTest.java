package ua.kuznia.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Fixtures;
import ua.kuznia.testing.Tokens;

/**
 * Every write operation of /q/openapi (read at test time, so a new endpoint is fuzzed without
 * touching this class) gets jqwik-generated hostile requests as a caller allowed to write there:
 * schema-shaped bodies with wrong contents and wrong types, arbitrary and malformed JSON, bodies
 * over the size limit, nesting thousands deep, wrong media types, and path ids that exist, do not
 * exist or are not numbers. Each answer must be below 500; each 4xx must be a problem document
 * with a title and a detail; and a refused request must leave every application table exactly as
 * it was.
 *
 * <p>The seed is printed with every failure; {@code -Dkuznia.fuzz.seed=<seed>} replays a run and
 * {@code -Dkuznia.fuzz.tries=<n>} sets the requests per operation.
 */
@QuarkusTest
class WriteEndpointFuzzTest {

    static final long SEED = Long.getLong("kuznia.fuzz.seed", new Random().nextLong());
    static final int TRIES = Integer.getInteger("kuznia.fuzz.tries", 40);
    static final String PROBLEM_JSON = "application/problem+json";
    private static final int BODY_LIMIT = 262_144;

    @Inject
    AgroalDataSource db;

    /** A request body as sent: raw bytes with a media type, multipart parts, or nothing. */
    record Body(String description, String contentType, byte[] bytes, List<Part> parts) {

        static Body none() {
            return new Body("no body", null, null, null);
        }

        static Body text(String contentType, String text) {
            return new Body(abbreviate(text), contentType, text.getBytes(StandardCharsets.UTF_8), null);
        }

        static Body json(JsonNode node) {
            return text("application/json", node.toString());
        }
    }

    record Part(String name, String fileName, byte[] content) {
    }

    record Case(List<String> pathValues, Body body) {

        @Override
        public String toString() {
            return "path " + pathValues + ", body " + body.description();
        }
    }

    /** What the fuzzer writes to and as whom. */
    record Targets(Fixtures.Org maker, long profileId, Fixtures.Org ministry, long offerId, long organizationId,
                   String matchId) {
    }

    @Test
    void noWriteEndpointAnswers5xxOrChangesDataWhenItRefuses() {
        OpenApi api = OpenApi.fetch();
        List<OpenApi.Operation> operations = new ArrayList<>(api.operations(OpenApi.WRITE_METHODS));
        assertFalse(operations.isEmpty(), "no write operations in /q/openapi");
        // Deletes last and organizations late: successful deletes and edits would otherwise take the
        // existing rows away from the operations fuzzed after them.
        operations.sort(Comparator.<OpenApi.Operation, Boolean>comparing(o -> o.method().equals("DELETE"))
                .thenComparing(o -> o.path().startsWith("/api/v1/organizations")).thenComparing(OpenApi.Operation::path));
        Targets targets = createTargets();
        DatabaseFingerprint fingerprint = new DatabaseFingerprint(db);
        fingerprint.awaitIdleJobs();
        Map<String, String> before = fingerprint.take();
        // Outside a jqwik property, samples draw from jqwik's per-thread source of randomness.
        SourceOfRandomness.create(String.valueOf(SEED));
        int requests = 0;
        for (OpenApi.Operation operation : operations) {
            Iterator<Case> generated = cases(api, operation, targets).sampleStream().iterator();
            String token = tokenFor(operation, targets);
            for (int i = 0; i < TRIES; i++) {
                Case fuzz = generated.next();
                String where = "seed " + SEED + ": " + operation + " with " + fuzz;
                Response response = send(operation, fuzz, token);
                requests++;
                int status = response.statusCode();
                if (status >= 400) {
                    assertProblem(response, where);
                    Map<String, String> after = fingerprint.take();
                    assertEquals(before, after, where + " was refused with " + status + " but changed "
                            + DatabaseFingerprint.difference(before, after));
                } else {
                    fingerprint.awaitIdleJobs();
                    before = fingerprint.take();
                }
            }
        }
        assertTrue(requests >= operations.size() * TRIES);
    }

    static void assertProblem(Response response, String where) {
        int status = response.statusCode();
        // The fast tests run without a Keycloak admin client: onboarding says so with a 503 problem.
        boolean onboardingUnavailable = status == 503 && response.asString().contains("/problems/onboarding-unavailable");
        if (status >= 500 && !onboardingUnavailable) {
            fail(where + " answered " + status + ": " + abbreviate(response.asString()));
        }
        String type = response.contentType();
        if (type == null || !type.startsWith(PROBLEM_JSON)) {
            fail(where + " answered " + status + " as " + type + ", not " + PROBLEM_JSON + ": " + abbreviate(response.asString()));
        }
        JsonNode problem;
        try {
            problem = FuzzValues.JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError(where + " answered a problem that is not JSON: " + abbreviate(response.asString()), e);
        }
        assertFalse(problem.path("title").asText("").isBlank(), where + ": problem without title: " + problem);
        assertFalse(problem.path("detail").asText("").isBlank(), where + ": problem without detail: " + problem);
        assertEquals(status, problem.path("status").asInt(), where + ": problem status differs from HTTP status");
    }

    static Response send(OpenApi.Operation operation, Case fuzz, String token) {
        RequestSpecification request = given().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .redirects().follow(false).auth().oauth2(token);
        Body body = fuzz.body();
        if (body.parts() != null) {
            request = request.contentType("multipart/form-data");
            for (Part part : body.parts()) {
                request = part.fileName() == null
                        ? request.multiPart(part.name(), new String(part.content(), StandardCharsets.UTF_8))
                        : request.multiPart(part.name(), part.fileName(), part.content(), "text/csv");
            }
        } else if (body.bytes() != null) {
            request = request.contentType(body.contentType()).body(body.bytes());
        }
        return request.request(operation.method(), operation.path(), fuzz.pathValues().toArray());
    }

    // --- what to send ---------------------------------------------------------------------------

    static Arbitrary<Case> cases(OpenApi api, OpenApi.Operation operation, Targets targets) {
        List<Arbitrary<String>> values = new ArrayList<>();
        List<String> names = operation.pathParameters();
        for (int i = 0; i < names.size(); i++) {
            values.add(pathValue(existingId(operation.path(), i, targets)));
        }
        Arbitrary<List<String>> path = values.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(values).as(List::copyOf);
        return Combinators.combine(path, bodies(api, operation)).as(Case::new);
    }

    /** Ids that exist, ids that do not, and things that are not ids at all. */
    static Arbitrary<String> pathValue(String existing) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(existing)),
                Tuple.of(2, Arbitraries.of("987654321", "0", "-1", "9223372036854775807", "9223372036854775808",
                        "99999999999999999999999", "1.5", "1e3", "abc", " 1", "1;DROP TABLE offer", "' OR '1'='1",
                        "<script>", "%00", "Київ", "..", "null")),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)));
    }

    static Arbitrary<Body> bodies(OpenApi api, OpenApi.Operation operation) {
        Map<String, JsonNode> types = operation.bodyTypes();
        List<Tuple.Tuple2<Integer, Arbitrary<Body>>> choices = new ArrayList<>();
        choices.add(Tuple.of(1, Arbitraries.just(Body.none())));
        choices.add(Tuple.of(2, FuzzValues.malformedJson().map(text -> Body.text("application/json", text))));
        choices.add(Tuple.of(1, FuzzValues.anyJson(3).map(Body::json)));
        choices.add(Tuple.of(1, Arbitraries.of(true, false).map(objects ->
                Body.text("application/json", FuzzValues.deeplyNested(objects ? 1_500 : 5_000, objects)))));
        choices.add(Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/octet-stream")
                .map(type -> Body.text(type, "{\"name\":\"x\"}"))));
        choices.add(Tuple.of(1, Arbitraries.just(Body.text("application/json",
                "{\"description\":\"" + "x".repeat(BODY_LIMIT + 1) + "\"}"))));
        JsonNode json = types.get("application/json");
        if (json != null && json.has("schema")) {
            Arbitrary<JsonNode> shaped = FuzzValues.forSchema(api, json.path("schema"), 4);
            choices.add(Tuple.of(12, shaped.map(Body::json)));
            // Large but under the limit: each string member becomes 60,000 two-byte characters.
            choices.add(Tuple.of(1, shaped.map(node -> {
                if (node instanceof ObjectNode object) {
                    object.fieldNames().forEachRemaining(name -> {
                        if (object.get(name).isTextual()) {
                            object.put(name, "Ї".repeat(60_000 / Math.max(1, object.size())));
                        }
                    });
                }
                return Body.json(node);
            })));
        }
        if (types.containsKey("multipart/form-data")) {
            Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
            Arbitrary<String> names = Arbitraries.of("data_explorer.csv", "records.csv", "release_info.csv", "x",
                    "../../etc/passwd", "Київ.csv", "a\u0000b.csv", "<script>.csv", "");
            choices.add(Tuple.of(6, Combinators.combine(names, bytes).as((name, content) ->
                    new Body("random bytes as " + name, null, null, List.of(new Part("file", name, content))))));
            choices.add(Tuple.of(4, Combinators.combine(names, FuzzValues.malformedJson()).as((name, text) ->
                    new Body("text as " + name + ": " + abbreviate(text), null, null,
                            List.of(new Part("file", name, text.getBytes(StandardCharsets.UTF_8)))))));
            choices.add(Tuple.of(2, FuzzValues.strings().map(value -> new Body("only a release field", null, null,
                    List.of(new Part("release", null, value.asText().getBytes(StandardCharsets.UTF_8)))))));
        }
        return Arbitraries.frequencyOf(choices);
    }

    // --- whom to write as, and to what ---------------------------------------------------------

    Targets createTargets() {
        Fixtures.Org maker = Fixtures.createOrganization("MANUFACTURER", "UA", "NATO_SECRET");
        long profileId = Fixtures.createProfile(maker, Fixtures.profileBody(maker.id(),
                List.of(Fixtures.capability("munitions.artillery-155", 8, 8, 50_000))));
        Fixtures.Org ministry = Fixtures.createOrganization("MINISTRY", "DE", "NATO_SECRET");
        long offerId = Fixtures.createOffer(ministry, Fixtures.offerBody(ministry.id(), List.of("munitions.artillery-155")));
        long organizationId = Fixtures.createOrganization("MANUFACTURER", "UA").id();
        return new Targets(maker, profileId, ministry, offerId, organizationId, matchOf(offerId, profileId));
    }

    private String matchOf(long offerId, long profileId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM match_result WHERE offer_id = ? AND profile_id = ?")) {
            s.setLong(1, offerId);
            s.setLong(2, profileId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? String.valueOf(rs.getLong(1)) : "1";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An id that exists for the {@code index}-th parameter of the path, judged by the collection it follows. */
    static String existingId(String path, int index, Targets targets) {
        String[] segments = path.split("/");
        int seen = -1;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("{") && ++seen == index) {
                String collection = i > 0 ? segments[i - 1] : "";
                return switch (collection) {
                    case "manufacturers" -> String.valueOf(targets.profileId());
                    case "offers" -> String.valueOf(targets.offerId());
                    case "organizations" -> String.valueOf(targets.organizationId());
                    case "matches" -> targets.matchId();
                    default -> "1";
                };
            }
        }
        return "1";
    }

    static String tokenFor(OpenApi.Operation operation, Targets targets) {
        String path = operation.path();
        if (path.startsWith("/api/v1/manufacturers") || path.matches("/api/v1/matches/\\{[^}]+}/(interest|decline|withdraw)")) {
            return targets.maker().token();
        }
        if (path.startsWith("/api/v1/offers")) {
            return targets.ministry().token();
        }
        return Tokens.admin();
    }

    static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "… (" + text.length() + " chars)";
    }
}
