package ua.kuznia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ua.kuznia.local.KeycloakServer;

/**
 * Which bearer tokens the packaged service accepts. Every refusal is paired with a control showing
 * that the same kind of token, made properly, is accepted, so a 401 proves the check and not a
 * broken setup.
 *
 * <p>Expired and wrong-audience tokens are real ones: two short-lived clients are added to the realm
 * for this class (and removed after it), one whose tokens live 3 s, one whose tokens lack the
 * {@code kuznia-api} audience but otherwise carry the user's roles and organization.
 */
@QuarkusIntegrationTest
@WithTestResource(PlatformResource.class)
class TokenIT {

    private static final String ME = "/api/v1/me";
    private static final int SHORT_LIFESPAN_SECONDS = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String SUFFIX = DemoData.unique("");
    private static final String NO_AUDIENCE_CLIENT = "kuznia-it-no-api-audience-" + SUFFIX;
    private static final String SHORT_LIVED_CLIENT = "kuznia-it-short-lived-" + SUFFIX;
    private static final List<String> CREATED_CLIENTS = new ArrayList<>();

    @BeforeAll
    static void addClients() throws Exception {
        // Everything a kuznia-cli token has except the kuznia-api-audience scope.
        addClient(NO_AUDIENCE_CLIENT, List.of("basic", "profile", "roles", "kuznia-org"), null);
        addClient(SHORT_LIVED_CLIENT, List.of("basic", "profile", "roles", "kuznia-org", "kuznia-api-audience"),
                SHORT_LIFESPAN_SECONDS);
    }

    @AfterAll
    static void removeClients() throws Exception {
        KeycloakServer keycloak = PlatformResource.keycloak();
        for (String location : CREATED_CLIENTS) {
            HTTP.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + keycloak.adminToken())
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void realTokensAreAcceptedAndDescribeTheCaller() {
        JsonNode maker = Api.read(Persona.MAKER_1, ME);
        assertEquals("maker-1", maker.path("username").asText());
        assertEquals("ua-mfr-01", maker.path("organizationCode").asText());
        assertEquals("MANUFACTURER", maker.path("organizationKind").asText());
        assertEquals("NATO_RESTRICTED", maker.path("clearance").asText());
        assertTrue(strings(maker.path("roles")).contains("manufacturer"), maker.toString());

        JsonNode admin = Api.read(Persona.ADMIN, ME);
        assertTrue(strings(admin.path("roles")).containsAll(List.of("admin", "coordinator", "auditor")), admin.toString());

        // A ministry's system signs in with client credentials, not as a person.
        String system = PlatformResource.keycloak().clientCredentialsToken("kuznia-ministry-system",
                "kuznia-ministry-system-local-secret");
        JsonNode ministrySystem = Api.expect(call(system, ME), 200, "service account");
        assertEquals("mod-de", ministrySystem.path("organizationCode").asText());
        assertTrue(strings(ministrySystem.path("roles")).contains("ministry"), ministrySystem.toString());
    }

    @Test
    void noTokenIsA401Problem() {
        Response response = RestAssured.given().get(ME);
        assertRefused(response, "no token");
    }

    @Test
    void garbageTokensAre401() {
        String real = Persona.MAKER_1.token();
        String unsigned = real.substring(0, real.lastIndexOf('.'));
        for (String garbage : List.of("not.a.token", "garbage", "a.b.c.d", unsigned, unsigned + ".", real + "x")) {
            assertRefused(call(garbage, ME), "token '" + abbreviate(garbage) + "'");
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() throws GeneralSecurityException {
        // The admin's real header (same kid, so the service picks the realm's key) and claims,
        // signed with a key the realm never had.
        String[] real = Persona.ADMIN.token().split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = signRs256(real[0], real[1], generator.generateKeyPair().getPrivate());

        assertRefused(call(forged, ME), "forged signature");
        assertRefused(call(forged, "/api/v1/audit-trail"), "forged signature");
    }

    @Test
    void aRealTokenWithEditedClaimsIs401() {
        String[] real = Persona.MAKER_1.token().split("\\.");
        ObjectNode claims = (ObjectNode) KeycloakServer.jwtPayload(Persona.MAKER_1.token());
        ((ArrayNode) claims.get("realm_access").get("roles")).add("admin");
        claims.put("org", "ua-coord");
        String tampered = real[0] + "." + base64Url(Api.toJson(claims)) + "." + real[2];

        assertRefused(call(tampered, ME), "edited claims");
        assertEquals(200, call(String.join(".", real), ME).statusCode(), "the untouched token stays valid");
    }

    @Test
    void unsignedAndKeyConfusionTokensAre401() throws GeneralSecurityException, IOException, InterruptedException {
        String payload = Persona.ADMIN.token().split("\\.")[1];
        String none = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
        assertRefused(call(none, ME), "alg none");

        // HS256 keyed with the realm's public RSA key: accepted only by verifiers that let the token pick the algorithm.
        KeycloakServer keycloak = PlatformResource.keycloak();
        String publicKey = Api.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.realmUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("public_key").asText();
        assertFalse(publicKey.isEmpty(), "realm public key");
        String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        for (String secret : List.of(publicKey,
                "-----BEGIN PUBLIC KEY-----\n" + publicKey + "\n-----END PUBLIC KEY-----\n")) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            String signature = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
            assertRefused(call(header + "." + payload + "." + signature, ME), "HS256 with the public key");
        }
    }

    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        String token = clientToken(SHORT_LIVED_CLIENT, "maker-1");
        JsonNode claims = KeycloakServer.jwtPayload(token);
        assertEquals(SHORT_LIFESPAN_SECONDS, claims.path("exp").asLong() - claims.path("iat").asLong(), "short-lived client");

        // Control: while fresh, this client's token is accepted, so the later 401 is the expiry.
        assertEquals("maker-1", Api.expect(call(token, ME), 200, "fresh short-lived token").path("username").asText());

        long waitMillis = claims.path("exp").asLong() * 1000 - System.currentTimeMillis() + 1_500;
        Thread.sleep(Math.max(0, waitMillis));
        assertRefused(call(token, ME), "expired token");
        assertRefused(call(token, "/api/v1/offers"), "expired token");
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String token = clientToken(NO_AUDIENCE_CLIENT, "maker-1");
        JsonNode claims = KeycloakServer.jwtPayload(token);
        // Real, unexpired, same issuer, same user, organization and roles: only the audience differs.
        assertFalse(claims.path("aud").toString().contains("kuznia-api"), "aud: " + claims.path("aud"));
        assertEquals("ua-mfr-01", claims.path("org").asText());
        assertTrue(strings(claims.at("/realm_access/roles")).contains("manufacturer"));

        assertRefused(call(token, ME), "wrong audience");
        assertRefused(call(token, "/api/v1/manufacturers"), "wrong audience");
        assertEquals(200, call(clientToken(SHORT_LIVED_CLIENT, "maker-1"), ME).statusCode(),
                "the same scopes plus kuznia-api-audience are accepted");
    }

    @Test
    void aTokenOfAnotherRealmIs401() {
        // Same Keycloak, master realm: another issuer and other keys.
        assertRefused(call(PlatformResource.keycloak().adminToken(), ME), "master realm token");
    }

    @Test
    void publicEndpointsIgnoreABadToken() {
        // Authentication is lazy (quarkus.http.auth.proactive=false): the taxonomy never asks for it,
        // so a stale token in a browser does not break the reference lists.
        assertEquals(200, call("garbage", "/api/v1/taxonomy/areas").statusCode());
    }

    // ---------------------------------------------------------------------------------------------

    private static Response call(String token, String path) {
        return RestAssured.given().header("Authorization", "Bearer " + token).get(path);
    }

    private static void assertRefused(Response response, String what) {
        assertEquals(401, response.statusCode(), what + ": " + response.asString());
        assertTrue(String.valueOf(response.contentType()).startsWith(Api.PROBLEM_JSON), what + ": " + response.contentType());
        assertEquals(401, Api.json(response).path("status").asInt(), what);
        assertTrue(String.valueOf(response.header("WWW-Authenticate")).startsWith("Bearer"), what);
    }

    private static String clientToken(String clientId, String username) {
        return PlatformResource.keycloak().requestToken(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", KeycloakServer.DEMO_PASSWORD)).accessToken();
    }

    private static void addClient(String clientId, List<String> scopes, Integer lifespanSeconds) throws Exception {
        KeycloakServer keycloak = PlatformResource.keycloak();
        ObjectNode client = Api.JSON.createObjectNode();
        client.put("clientId", clientId);
        client.put("publicClient", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("standardFlowEnabled", false);
        ArrayNode defaults = client.putArray("defaultClientScopes");
        scopes.forEach(defaults::add);
        client.putArray("optionalClientScopes");
        if (lifespanSeconds != null) {
            client.putObject("attributes").put("access.token.lifespan", String.valueOf(lifespanSeconds));
        }
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/clients"))
                .header("Authorization", "Bearer " + keycloak.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), "creating client " + clientId + ": " + created.body());
        CREATED_CLIENTS.add(created.headers().firstValue("Location").orElseThrow());
    }

    private static String signRs256(String header, String payload, PrivateKey key) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String abbreviate(String token) {
        return token.length() <= 24 ? token : token.substring(0, 12) + "…" + token.substring(token.length() - 8);
    }
}
