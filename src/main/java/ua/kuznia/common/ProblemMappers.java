package ua.kuznia.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import ua.kuznia.identity.SignInAvailability;
import io.vertx.ext.web.RoutingContext;

/**
 * Typed mappers from the failures a client can cause to problem details. There is deliberately
 * no catch-all: an unexpected exception is a bug and must surface as one (Quarkus answers it
 * with a bare 500 and logs it, never with a stack trace in production).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response respond(Problem problem) {
        return Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return respond(ProblemException.invalid(violations).toProblem(uri.getPath()));
    }

    /**
     * The JSON path of the offending value ("capabilities[0].trl"), without the Java method and
     * body parameter names; a query parameter keeps its own name ("size").
     */
    public static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER && !last) {
                continue;
            }
            // Hibernate Validator marks the element *after* an iterable with its index.
            if (node.isInIterable()) {
                Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(key == null ? "" : key).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return respond(new Problem("/problems/malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON" + where, uri.getPath(), List.of(), Map.of()));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return respond(mappingProblem(e, uri));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(mappingProblem(e, uri));
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(mappingProblem(e, uri));
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        return respond(mappingProblem(e, uri));
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return respond(mappingProblem(e, uri));
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem("/problems/malformed-json", "Malformed JSON", 400,
                "The request body could not be read as JSON", uri.getPath(), List.of(), Map.of()));
    }

    static Problem mappingProblem(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            String allowed = Arrays.stream(ife.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            message = "unknown value '" + ife.getValue() + "'; allowed values: " + allowed;
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() == String.class) {
            message = JsonText.NUL_MESSAGE;
        } else if (e instanceof InvalidFormatException ife) {
            message = "'" + ife.getValue() + "' is not a valid " + simpleType(ife.getTargetType());
        } else if (e instanceof UnrecognizedPropertyException upe) {
            field = field.isEmpty() ? upe.getPropertyName() : field;
            message = "unknown field; known fields: " + upe.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            message = "expected " + simpleType(mie.getTargetType());
        } else {
            message = "has an invalid value";
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return ProblemException.invalid(field, message).toProblem(uri.getPath());
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type.getName().startsWith("java.time")) {
            return "ISO-8601 " + type.getSimpleName().replace("Local", "").toLowerCase();
        }
        return "object";
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return staleWrite(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return staleWrite(uri);
    }

    private static Response staleWrite(UriInfo uri) {
        return respond(ProblemException.staleWrite().toProblem(uri.getPath()));
    }

    /**
     * Database failures, and every other unchecked exception without a mapper of its own: an
     * unreachable database is a 503 with Retry-After, a write lost to a concurrent one a 409;
     * everything else stays a logged 500, because it is a bug. The cause chain decides, so a
     * lost connection is recognised however it arrives: as Hibernate's exception, wrapped by the
     * transaction interceptor when it breaks at commit, or inside a store's own exception.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        return storageFailure(e, uri);
    }

    /** The checked forms of the same failures: plain JDBC code, and the transaction manager at commit. */
    @ServerExceptionMapper
    public Response sql(SQLException e, UriInfo uri) {
        return storageFailure(e, uri);
    }

    @ServerExceptionMapper
    public Response rollback(RollbackException e, UriInfo uri) {
        return storageFailure(e, uri);
    }

    /** Seconds a client should wait before retrying while the database is away. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static Response storageFailure(Throwable e, UriInfo uri) {
        switch (StorageFailures.classify(e)) {
            case UNAVAILABLE -> {
                // One line per request: during an outage a stack trace each would drown the log.
                LOG.warnf("Database unavailable answering %s: %s", uri.getPath(), StorageFailures.rootMessage(e));
                return Response.fromResponse(respond(new Problem("/problems/database-unavailable", "Service Unavailable", 503,
                                ViolationMessages::database_unavailable, uri.getPath())))
                        .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)).build();
            }
            case CONFLICT -> {
                return staleWrite(uri);
            }
            case INVALID_VALUE -> {
                LOG.warnf("Value refused by the database answering %s: %s", uri.getPath(), StorageFailures.rootMessage(e));
                return respond(new Problem("/problems/value-not-storable", "Bad Request", 400,
                        ViolationMessages::value_not_storable, uri.getPath()));
            }
            default -> {
                LOG.error("Server error answering " + uri.getPath(), e);
                return respond(new Problem("/problems/http-500", "Internal Server Error", 500,
                        ViolationMessages::server_error, uri.getPath()));
            }
        }
    }

    @Inject
    SignInAvailability signIn;

    @ServerExceptionMapper
    public Uni<Response> unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri, RoutingContext routing) {
        return unauthenticated(uri, routing);
    }

    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri,
                                              RoutingContext routing) {
        return unauthenticated(uri, routing);
    }

    /**
     * A web page sends the browser to the Keycloak login (the challenge of the browser tenant: a
     * redirect plus its state cookie) — unless Keycloak cannot be reached, when the page says so
     * (503) instead of leaving the browser on a connection error; an API call gets a 401 problem.
     */
    private Uni<Response> unauthenticated(UriInfo uri, RoutingContext routing) {
        String path = uri.getPath();
        HttpAuthenticator authenticator = routing.get(HttpAuthenticator.class.getName());
        if (authenticator == null || !(path.equals("/ui") || path.startsWith("/ui/"))) {
            return Uni.createFrom().item(unauthenticated(uri));
        }
        return Uni.createFrom().item(signIn::available)
                .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .chain(available -> available ? challenge(authenticator, uri, routing)
                        : Uni.createFrom().item(respond(new Problem("/problems/sign-in-unavailable", "Sign-in unavailable", 503,
                                ViolationMessages::sign_in_unavailable, path))));
    }

    private static Uni<Response> challenge(HttpAuthenticator authenticator, UriInfo uri, RoutingContext routing) {
        return authenticator.getChallenge(routing).map(challenge -> {
            if (challenge == null || challenge.status == 401) {
                return unauthenticated(uri);
            }
            Response.ResponseBuilder response = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            return response.build();
        });
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(new Problem("/problems/unauthenticated", "Unauthorized", 401,
                        "A valid bearer token from the kuznia realm is required", uri.getPath(), List.of(), Map.of())))
                .header("WWW-Authenticate", "Bearer realm=\"kuznia\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(ProblemException.forbidden(ViolationMessages::forbidden_role).toProblem(uri.getPath()));
    }

    /** Framework answers such as 404 for unknown paths, 405, 406 and 415, as problem details. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON reader reports unreadable bodies wrapped in a 400; unwrap them so the
        // client learns which field was wrong.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return respond(mappingProblem(mapping, uri));
        }
        // A parameter that did not convert (see NumberParams) arrives wrapped in the 404 or 400 the
        // framework gives such parameters.
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Server error answering " + uri.getPath(), e);
        }
        Response.StatusType type = original.getStatusInfo();
        String detail = status >= 500 ? "The server could not complete the request" : e.getMessage();
        return respond(new Problem("/problems/http-" + status, type.getReasonPhrase(), status, detail,
                uri.getPath(), List.of(), Map.of()));
    }
}
