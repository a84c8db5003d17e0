package ua.kuznia.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Tokens;

/**
 * Every page the service answers carries the browser-facing security headers: each GET path of
 * /q/openapi (ids filled in), the root, health, OpenAPI, metrics, Swagger UI, the web UI's paths and
 * a path that does not exist, signed in and not.
 */
@QuarkusTest
class SecurityHeadersTest {

    static final List<String> FIXED_PATHS = List.of("/", "/q/health", "/q/health/ready", "/q/health/live", "/q/openapi",
            "/q/metrics", "/q/swagger-ui", "/q/swagger-ui/", "/ui", "/ui/offers", "/static/app.css", "/no/such/page",
            "/api/v1/no-such-endpoint");

    @Test
    void everyGetPathCarriesContentSecurityPolicyNosniffAndReferrerPolicy() throws Exception {
        List<String> paths = new ArrayList<>(FIXED_PATHS);
        paths.addAll(openApiGetPaths());
        assertTrue(paths.size() > FIXED_PATHS.size() + 20, "the OpenAPI document lists the API's GET paths: " + paths);
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            for (String token : Arrays.asList(null, Tokens.coordinator())) {
                var request = given().redirects().follow(false);
                if (token != null) {
                    request = request.auth().oauth2(token);
                }
                Response response = request.get(path);
                String who = token == null ? "anonymous" : "coordinator";
                String problem = headerProblems(path, response);
                if (problem != null) {
                    failures.add("GET " + path + " as " + who + " (" + response.statusCode() + "): " + problem);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theApiForbidsEverythingPagesAllowOnlyTheirOwnOriginAndSwaggerUiIsTheOneExemption() {
        String api = given().get("/api/v1/taxonomy/areas").then().statusCode(200).extract().header("Content-Security-Policy");
        assertTrue(api.contains("default-src 'none'"), api);
        String page = given().get("/q/health").then().extract().header("Content-Security-Policy");
        assertTrue(page.contains("default-src 'self'"), page);
        assertFalse(page.contains("unsafe-inline"), "pages allow no inline script or style: " + page);
        assertFalse(page.contains("form-action"), page);
        String unknown = given().get("/ui/not-yet-built").then().extract().header("Content-Security-Policy");
        assertEquals(page, unknown, "the web UI's paths get the page policy");
        String swagger = given().get("/q/swagger-ui/").then().extract().header("Content-Security-Policy");
        assertTrue(swagger.contains("script-src 'self' 'unsafe-inline'") && swagger.contains("frame-ancestors 'none'"), swagger);
    }

    static String headerProblems(String path, Response response) {
        List<String> problems = new ArrayList<>();
        String csp = response.header("Content-Security-Policy");
        if (csp == null) {
            problems.add("no Content-Security-Policy");
        } else {
            if (!csp.contains("frame-ancestors 'none'")) {
                problems.add("CSP without frame-ancestors 'none': " + csp);
            }
            if (!csp.contains("default-src")) {
                problems.add("CSP without default-src: " + csp);
            }
        }
        if (!"nosniff".equals(response.header("X-Content-Type-Options"))) {
            problems.add("X-Content-Type-Options is " + response.header("X-Content-Type-Options"));
        }
        if (response.header("Referrer-Policy") == null) {
            problems.add("no Referrer-Policy");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** GET paths of the OpenAPI document with each {parameter} replaced by a plausible id. */
    static List<String> openApiGetPaths() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<String> paths = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(entry -> {
            if (entry.getValue().has("get")) {
                paths.add(entry.getKey().replaceAll("\\{[^}]+}", "1"));
            }
        });
        return paths.stream().distinct().collect(Collectors.toList());
    }
}
