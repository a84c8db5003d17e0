package ua.kuznia.fuzz;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's own OpenAPI document, read at test time so new endpoints are covered without edits. */
final class OpenApi {

    static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** One operation: method in upper case, the path template, and its OpenAPI object. */
    record Operation(String method, String path, JsonNode spec) {

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAMETER.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The media types of the request body, e.g. application/json or multipart/form-data. */
        Map<String, JsonNode> bodyTypes() {
            Map<String, JsonNode> types = new java.util.LinkedHashMap<>();
            spec.path("requestBody").path("content").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue()));
            return types;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;

    private OpenApi(JsonNode document) {
        this.document = document;
    }

    static OpenApi fetch() {
        String text = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        try {
            return new OpenApi(FuzzValues.JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new AssertionError("/q/openapi is not JSON", e);
        }
    }

    List<Operation> operations(Set<String> methods) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (methods.contains(op.getKey())) {
                    operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            });
        }
        return operations;
    }

    /** Follows $ref into components and takes the single member of allOf/anyOf/oneOf wrappers. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10; i++) {
            if (current.has("$ref")) {
                String ref = current.path("$ref").asText();
                current = document.at(ref.substring(1));
                continue;
            }
            for (String wrapper : List.of("allOf", "anyOf", "oneOf")) {
                if (current.path(wrapper).isArray() && current.path(wrapper).size() >= 1 && !current.has("properties")) {
                    current = current.path(wrapper).path(0);
                }
            }
            if (!current.has("$ref")) {
                return current;
            }
        }
        return current;
    }
}
