package ua.kuznia.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Exceptions no mapper names: a database connection lost under another library's unchecked
 * exception is still a 503 problem with Retry-After; anything else is a 500 problem without
 * a stack trace. The failures come from a resource that exists only in the tests.
 */
@QuarkusTest
class UnexpectedFailureMappingTest {

    @Path("/test-only/failures")
    @PermitAll
    public static class Failing {

        @GET
        @Path("connection-lost")
        public String connectionLost() {
            throw new IllegalStateException("could not store", new SQLTransientConnectionException("gone", "08006"));
        }

        @GET
        @Path("bug")
        public String bug() {
            throw new IllegalStateException("an invariant broke");
        }
    }

    @Test
    void aLostConnectionInsideAnotherExceptionIs503() {
        given().get("/test-only/failures/connection-lost").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5")
                .body("type", equalTo("/problems/database-unavailable"))
                .body("detail", equalTo("The database is unavailable, so the request was not carried out; retry in a few"
                        + " seconds (reload before repeating a change)"));
    }

    @Test
    void anythingElseIsA500ProblemWithoutAStackTrace() {
        given().get("/test-only/failures/bug").then().statusCode(500)
                .contentType("application/problem+json").body("type", equalTo("/problems/http-500"))
                .body("detail", equalTo("The server could not complete the request"))
                .body(not(containsString("invariant"))).body(not(containsString("at ua.kuznia")));
    }
}
