package ua.kuznia.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Tokens;

/**
 * The mechanism that answers already verified bearer tokens ahead of OIDC: what it answers, and
 * everything it leaves to OIDC (unknown, changed and expired tokens, other schemes, requests
 * another OIDC tenant would take). Direct calls use a stand-in request; the HTTP calls show the
 * same through the whole chain.
 */
@QuarkusTest
class CachedTokenMechanismTest {

    private static final String ME = "/api/v1/me";

    @Inject
    CachedTokenMechanism mechanism;

    @Inject
    IdentityProviderManager identities;

    @Inject
    VerifiedTokens tokens;

    /** A token OIDC has verified once, over HTTP, so that it is in the cache. */
    private static String verifiedToken(String username) {
        String token = Tokens.token(username, "auditor", "ua-coord-test");
        given().auth().oauth2(token).get(ME).then().statusCode(200);
        return token;
    }

    private SecurityIdentity authenticate(RoutingContext request) {
        return mechanism.authenticate(request, identities).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void runsBeforeOidcAndAnswersAVerifiedTokenFromTheCache() {
        String token = verifiedToken("mech-hit");
        long before = tokens.hits();
        given().auth().oauth2(token).get(ME).then().statusCode(200)
                .body("username", equalTo("mech-hit")).body("roles", equalTo(List.of("auditor")));
        // Only this mechanism reads the cache: a hit means it ran before OIDC and answered.
        assertTrue(tokens.hits() > before, "the second request went to OIDC");
        assertTrue(mechanism.getPriority() > 1001, "OIDC's priority is 1001 by default");

        FakeRequest request = new FakeRequest(ME).header("Authorization", "Bearer " + token);
        SecurityIdentity identity = authenticate(request.context());
        assertNotNull(identity);
        assertEquals("mech-hit", ((JsonWebToken) identity.getPrincipal()).getClaim("preferred_username"));
        assertSame(request.context(), identity.getAttribute(RoutingContext.class.getName()), "bound to this request");
        assertNotNull(identity.getAttribute(io.quarkus.security.identity.AuthenticationRequestContext.class.getName()));
        assertEquals("Default", identity.getAttribute(VerifiedTokens.TENANT_ATTRIBUTE));
        assertEquals("Default", request.attributes.get(VerifiedTokens.TENANT_ATTRIBUTE), "as OIDC would record it");
    }

    @Test
    void aTokenNeverVerifiedOrChangedIsLeftToOidc() {
        String fresh = Tokens.token("mech-fresh", "auditor", null);
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", "Bearer " + fresh).context()));

        String token = verifiedToken("mech-original");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"auditor\"", "\"admin\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", "Bearer " + forged).context()));
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", "Bearer " + token + " ").context()),
                "the cache key is the exact token text");
        given().auth().oauth2(forged).get(ME).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token).get(ME).then().statusCode(200).body("roles", equalTo(List.of("auditor")));
    }

    @Test
    void anExpiredTokenIsNotAnsweredAndOidcRefusesIt() throws InterruptedException {
        String token = Tokens.token("mech-short-lived", "auditor", null, 2);
        given().auth().oauth2(token).get(ME).then().statusCode(200);
        assertNotNull(authenticate(new FakeRequest(ME).header("Authorization", "Bearer " + token).context()));
        Thread.sleep(3_000);
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", "Bearer " + token).context()));
        given().auth().oauth2(token).get(ME).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void onlyTheBearerSchemeIsAnswered() {
        String token = verifiedToken("mech-schemes");
        assertNotNull(authenticate(new FakeRequest(ME).header("Authorization", "bearer " + token).context()),
                "OIDC reads the scheme in any case");
        assertNull(authenticate(new FakeRequest(ME).context()));
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", token).context()));
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", "Basic " + token).context()));
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", "DPoP " + token).context()));
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", "Bearer ").context()));
        given().auth().preemptive().basic("someone", "secret").get(ME).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void requestsAnotherOidcTenantWouldTakeAreLeftToOidc() {
        String token = verifiedToken("mech-tenants");
        String bearer = "Bearer " + token;
        // The browser tenant's path in the test configuration (quarkus.oidc.web.tenant-paths).
        assertNull(authenticate(new FakeRequest("/no-browser-login-in-fast-tests").header("Authorization", bearer).context()));
        // OIDC's last static rule: a last path segment naming a tenant selects it.
        assertNull(authenticate(new FakeRequest("/api/v1/web").header("Authorization", bearer).context()));
        assertNull(authenticate(new FakeRequest("/api/v1/web/").header("Authorization", bearer).context()));
        // A browser session or login state cookie selects its tenant on any path.
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", bearer)
                .header("Cookie", "q_session_web=abc").context()));
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", bearer)
                .header("Cookie", "theme=dark; q_auth_web_1=xyz").context()));
        // A tenant chosen before authentication (an annotation) is respected.
        assertNull(authenticate(new FakeRequest(ME).header("Authorization", bearer).attribute("tenant-id", "web").context()));
        assertNotNull(authenticate(new FakeRequest(ME).header("Authorization", bearer).attribute("tenant-id", "Default").context()));
        assertNotNull(authenticate(new FakeRequest("/ui/offers").header("Authorization", bearer)
                .header("Cookie", "theme=dark").context()), "in the tests /ui belongs to the bearer tenant");
    }

    @Test
    void itNeverChallenges() {
        assertNull(mechanism.getChallenge(new FakeRequest(ME).context()).await().atMost(Duration.ofSeconds(5)));
        assertNull(mechanism.getCredentialTransport(new FakeRequest(ME).context()).await().atMost(Duration.ofSeconds(5)));
        given().get(ME).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    /** Just enough of a Vert.x request for the mechanism: path, headers and attributes. */
    static final class FakeRequest {
        final String path;
        final Map<String, String> headers = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        private RoutingContext context;

        FakeRequest(String path) {
            this.path = path;
        }

        FakeRequest header(String name, String value) {
            headers.put(name.toLowerCase(), value);
            return this;
        }

        FakeRequest attribute(String name, Object value) {
            attributes.put(name, value);
            return this;
        }

        RoutingContext context() {
            if (context == null) {
                HttpServerRequest request = (HttpServerRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {HttpServerRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                            case "getHeader" -> headers.get(args[0].toString().toLowerCase());
                            case "path" -> path;
                            case "toString" -> "request " + path;
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> throw new UnsupportedOperationException(method.getName());
                        });
                context = (RoutingContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> switch (method.getName()) {
                            case "request" -> request;
                            case "normalizedPath" -> path;
                            case "get" -> attributes.get((String) args[0]);
                            case "put" -> {
                                attributes.put((String) args[0], args[1]);
                                yield proxy;
                            }
                            case "toString" -> "routing " + path;
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> throw new UnsupportedOperationException(method.getName());
                        });
            }
            return context;
        }
    }
}
