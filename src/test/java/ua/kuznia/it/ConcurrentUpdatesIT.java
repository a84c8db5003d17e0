package ua.kuznia.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Several clients change the same thing at the same moment, each from the same version it read:
 * exactly one wins, every other one gets a 409 problem, and what is stored is exactly the winner's
 * change with the version incremented once — no update is lost or silently merged.
 */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
class ConcurrentUpdatesIT {

    private static final int WRITERS = 6;

    /** One answer of a concurrent round, with the index of the body that was sent. */
    private record Outcome(int writer, Response response) {
    }

    @Test
    void ofConcurrentUpdatesToOneProfileExactlyOneWins() throws Exception {
        long id = DemoData.profileIdOf(Persona.MAKER_2.organizationCode);
        String path = "/api/v1/manufacturers/" + id;
        JsonNode before = Api.read(Persona.MAKER_2, path);
        String run = DemoData.unique("");

        Outcome winner = exactlyOneWins(Persona.MAKER_2, "PUT", path, writer -> {
            ObjectNode body = Api.writable(before);
            body.put("description", "Concurrent writer " + writer + " of run " + run);
            body.put("employees", 100 + writer);
            return body;
        });

        JsonNode after = Api.read(Persona.MAKER_2, path);
        assertEquals(before.path("version").asLong() + 1, after.path("version").asLong(), "version incremented once");
        assertEquals("Concurrent writer " + winner.writer() + " of run " + run, after.path("description").asText());
        assertEquals(100 + winner.writer(), after.path("employees").asInt(), "the winner's whole body, not a mix");
        assertEquals(after.path("version").asLong(), Api.json(winner.response()).path("version").asLong(),
                "the winner was answered with the stored version");
    }

    @Test
    void ofConcurrentUpdatesToOneOfferExactlyOneWins() throws Exception {
        long id = DemoData.newOffer(Persona.MINISTRY_DE, "NATO_RESTRICTED", "OPEN", DemoData.unique("Concurrent offer "));
        String path = "/api/v1/offers/" + id;
        try {
            JsonNode before = Api.read(Persona.MINISTRY_DE, path);
            Outcome winner = exactlyOneWins(Persona.MINISTRY_DE, "PUT", path, writer -> {
                ObjectNode body = Api.writable(before, "organizationName", "country");
                body.put("title", "Concurrent offer, writer " + writer + " " + before.path("title").asText());
                body.put("budgetEur", 1_000_000 + writer);
                return body;
            });

            JsonNode after = Api.read(Persona.MINISTRY_DE, path);
            assertEquals(before.path("version").asLong() + 1, after.path("version").asLong(), "version incremented once");
            assertEquals("Concurrent offer, writer " + winner.writer() + " " + before.path("title").asText(),
                    after.path("title").asText());
            assertEquals(1_000_000 + winner.writer(), after.path("budgetEur").asInt(), "the winner's whole body, not a mix");
        } finally {
            DemoData.deleteIfPresent(Persona.MINISTRY_DE, path);
        }
    }

    @Test
    void ofConcurrentDecisionsOnOneMatchExactlyOneWins() throws Exception {
        DemoData.FreshMatch fresh = DemoData.freshMakerOneMatch(true);
        String match = "/api/v1/matches/" + fresh.matchId();
        try {
            // Several coordinators take the same mutually wanted match into review at once.
            long version = Api.read(Persona.COORDINATOR, match).path("version").asLong();
            exactlyOneWins(Persona.COORDINATOR, "POST", match + "/decision", writer -> decision("START_REVIEW", null, version));
            JsonNode underReview = Api.read(Persona.COORDINATOR, match);
            assertEquals("UNDER_REVIEW", underReview.path("status").asText());
            assertEquals(version + 1, underReview.path("version").asLong(), "version incremented once");

            // Then approve and reject race, half of them each, all from the version they read.
            long reviewVersion = underReview.path("version").asLong();
            Outcome winner = exactlyOneWins(Persona.COORDINATOR, "POST", match + "/decision", writer -> writer % 2 == 0
                    ? decision("APPROVE", null, reviewVersion)
                    : decision("REJECT", "Rejected by concurrent writer " + writer, reviewVersion));
            JsonNode decided = Api.read(Persona.COORDINATOR, match);
            assertEquals(winner.writer() % 2 == 0 ? "APPROVED" : "REJECTED", decided.path("status").asText());
            assertEquals(reviewVersion + 1, decided.path("version").asLong(), "version incremented once");

            JsonNode trail = Api.read(Persona.AUDITOR, "/api/v1/audit-trail?entityType=MATCH&entityId=" + fresh.matchId()
                    + "&size=200");
            long decisions = 0;
            for (JsonNode event : trail.path("items")) {
                if (event.path("action").asText().equals("DECISION")) {
                    decisions++;
                }
            }
            // Two interests, one start of review, one final decision: the losers left no trace.
            assertEquals(4, decisions, trail.toString());
        } finally {
            DemoData.deleteIfPresent(Persona.MINISTRY_DE, "/api/v1/offers/" + fresh.offerId());
        }
    }

    private static ObjectNode decision(String decision, String note, long version) {
        ObjectNode body = Api.JSON.createObjectNode().put("decision", decision).put("version", version);
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    /**
     * Sends {@link #WRITERS} requests released together by a barrier and checks that exactly one
     * succeeded and all others are 409 problems; returns the winner.
     */
    private static Outcome exactlyOneWins(Persona persona, String method, String path, IntFunction<Object> bodyOf)
            throws Exception {
        String token = persona.token();
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                String body = Api.toJson(bodyOf.apply(writer));
                Callable<Outcome> send = () -> {
                    start.await();
                    return new Outcome(writer, given().redirects().follow(false).header("Authorization", "Bearer " + token)
                            .contentType("application/json").body(body).request(method, path));
                };
                futures.add(pool.submit(send));
            }
            List<Outcome> winners = new ArrayList<>();
            StringBuilder answers = new StringBuilder();
            for (Future<Outcome> future : futures) {
                Outcome outcome = future.get();
                Response response = outcome.response();
                answers.append('\n').append(outcome.writer()).append(": ").append(response.statusCode()).append(' ')
                        .append(response.asString());
                if (response.statusCode() == 200) {
                    winners.add(outcome);
                }
            }
            assertEquals(1, winners.size(), method + " " + path + " by " + WRITERS + " writers:" + answers);
            for (Future<Outcome> future : futures) {
                Response response = future.get().response();
                if (response.statusCode() != 200) {
                    assertEquals(409, response.statusCode(), answers.toString());
                    assertEquals(Api.PROBLEM_JSON, response.contentType().split(";")[0], answers.toString());
                    assertEquals(409, Api.json(response).path("status").asInt(), answers.toString());
                    assertFalse(response.asString().contains("Exception"), answers.toString());
                }
            }
            return winners.get(0);
        } finally {
            pool.shutdownNow();
        }
    }
}
