package ua.kuznia.it;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HTTP calls to the packaged service as a {@link Persona}. RestAssured already points at the
 * application once the Quarkus extension has launched it.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM_JSON = "application/problem+json";

    private Api() {
    }

    /**
     * Sends {@code method path} as {@code persona}, with {@code body} serialized as JSON when not null
     * (a String is sent as it is, so "" is an empty request declared as JSON).
     */
    static Response send(Persona persona, String method, String path, Object body) {
        return send(given(), persona, method, path, body);
    }

    /** The same against one of several running instances. */
    static Response send(ServiceProcess instance, Persona persona, String method, String path, Object body) {
        return send(instance.given(), persona, method, path, body);
    }

    private static Response send(RequestSpecification start, Persona persona, String method, String path, Object body) {
        RequestSpecification request = start.redirects().follow(false);
        if (!persona.anonymous()) {
            request = request.header("Authorization", "Bearer " + persona.token());
        }
        if (body instanceof Multipart multipart) {
            for (Multipart.Part part : multipart.parts()) {
                request = part.fileName() == null
                        ? request.multiPart(part.name(), new String(part.content(), StandardCharsets.UTF_8))
                        : request.multiPart(part.name(), part.fileName(), part.content(), part.mimeType());
            }
        } else if (body != null) {
            request = request.contentType("application/json").body(toJson(body));
        }
        return request.request(method, path);
    }

    /** A multipart/form-data body: files (with a file name) and plain form fields (without). */
    record Multipart(List<Part> parts) {

        record Part(String name, String fileName, byte[] content, String mimeType) {
        }

        static Multipart of(Part... parts) {
            return new Multipart(List.of(parts));
        }

        static Part file(String name, String fileName, byte[] content) {
            return new Part(name, fileName, content, "text/csv");
        }

        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    static Response get(Persona persona, String path) {
        return send(persona, "GET", path, null);
    }

    /** GET that must succeed: setup steps fail loudly instead of letting a cell fail for the wrong reason. */
    static JsonNode read(Persona persona, String path) {
        return expect(get(persona, path), 200, "GET " + path + " as " + persona);
    }

    /** The body as JSON after checking the status, with the response in the message when it differs. */
    static JsonNode expect(Response response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": expected HTTP " + status + " but got " + response.statusCode()
                    + " " + response.asString());
        }
        return json(response);
    }

    static JsonNode json(Response response) {
        String body = response.asString();
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** A view as read, ready to send back: read-only members removed (the service ignores them anyway). */
    static ObjectNode writable(JsonNode view, String... readOnly) {
        ObjectNode copy = view.deepCopy();
        copy.remove("id");
        copy.remove("createdAt");
        copy.remove("updatedAt");
        for (String field : readOnly) {
            copy.remove(field);
        }
        return copy;
    }

    static String toJson(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id at the end of a Location header, as the create endpoints return it. */
    static long createdId(Response created) {
        String location = created.header("Location");
        if (location == null) {
            throw new AssertionError("201 without Location: " + created.asString());
        }
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
