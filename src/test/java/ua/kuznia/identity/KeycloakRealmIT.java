package ua.kuznia.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ua.kuznia.it.PlatformResource;
import ua.kuznia.local.KeycloakServer;
import ua.kuznia.local.KeycloakServer.JsonResponse;
import ua.kuznia.local.KeycloakServer.TokenResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Realm {@code kuznia} as the application will see it: real tokens from a real Keycloak, imported
 * from keycloak/kuznia-realm.json plus keycloak/demo-users.json.
 */
class KeycloakRealmIT {

    static final int PORT = PlatformResource.KEYCLOAK_PORT;
    static final String API_AUDIENCE = "kuznia-api";
    static final String MINISTRY_SYSTEM = "kuznia-ministry-system";
    static final String MINISTRY_SYSTEM_SECRET = "kuznia-ministry-system-local-secret";
    static final Set<String> PLATFORM_ROLES = Set.of("manufacturer", "ministry", "coordinator", "auditor", "admin");

    static final ObjectMapper JSON = new ObjectMapper();
    static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.startShared(PORT);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void manufacturerTokenCarriesOrgRoleAndApiAudience() {
        JsonNode token = KeycloakServer.jwtPayload(keycloak.token("maker-1", "demo"));

        assertEquals("ua-mfr-01", token.path("org").asText());
        assertEquals(Set.of("manufacturer"), platformRoles(token));
        assertTrue(audience(token).contains(API_AUDIENCE), "aud: " + token.get("aud"));
        assertEquals(keycloak.realmUrl(), token.path("iss").asText());
        assertEquals("maker-1", token.path("preferred_username").asText());
        assertFalse(token.path("sub").asText().isEmpty(), "sub must be present (client scope basic)");
        assertEquals(300, token.path("exp").asLong() - token.path("iat").asLong(), "access token lifespan");
    }

    @Test
    void orgClaimIsAlsoInIdTokenAndUserinfo() {
        TokenResponse response = keycloak.requestToken(Map.of(
                "grant_type", "password", "client_id", KeycloakServer.CLI_CLIENT,
                "username", "ministry-fr", "password", "demo", "scope", "openid"));

        JsonNode idToken = KeycloakServer.jwtPayload(response.body().path("id_token").asText());
        assertEquals("mod-fr", idToken.path("org").asText());

        JsonResponse userinfo = keycloak.getJson(
                keycloak.realmUrl() + "/protocol/openid-connect/userinfo", response.accessToken());
        assertEquals(200, userinfo.status());
        assertEquals("mod-fr", userinfo.body().path("org").asText());
    }

    @Test
    void adminHoldsCoordinatorAndAuditorThroughTheComposite() {
        JsonNode token = KeycloakServer.jwtPayload(keycloak.token("admin", "demo"));

        assertEquals(Set.of("admin", "coordinator", "auditor"), platformRoles(token));
        assertEquals("ua-coord", token.path("org").asText());
    }

    @Test
    void everyDemoUserLogsInWithTheOrgAndRoleOfTheUsersFile() throws IOException {
        JsonNode users = JSON.readTree(Path.of("keycloak", "demo-users.json").toFile()).get("users");
        int checked = 0;
        for (JsonNode user : users) {
            if (user.hasNonNull("serviceAccountClientId")) {
                continue;
            }
            String username = user.get("username").asText();
            JsonNode token = KeycloakServer.jwtPayload(keycloak.token(username, "demo"));

            assertEquals(user.at("/attributes/org/0").asText(), token.path("org").asText(), username);
            Set<String> expectedRoles = strings(user.get("realmRoles")).stream()
                    .filter(PLATFORM_ROLES::contains).collect(Collectors.toSet());
            Set<String> roles = platformRoles(token);
            assertTrue(roles.containsAll(expectedRoles), username + " roles " + roles);
            assertTrue(audience(token).contains(API_AUDIENCE), username);
            checked++;
        }
        assertEquals(3 + 9 + 30, checked, "admin, coordinator, auditor, 9 ministries, 30 makers");
    }

    @Test
    void loginWithEmailIsAllowed() {
        JsonNode token = KeycloakServer.jwtPayload(keycloak.token("maker-7@demo.kuznia.test", "demo"));
        assertEquals("maker-7", token.path("preferred_username").asText());
    }

    @Test
    void wrongPasswordIsRefused() {
        TokenResponse response = keycloak.requestToken(Map.of(
                "grant_type", "password", "client_id", KeycloakServer.CLI_CLIENT,
                "username", "maker-2", "password", "not-the-password"));

        // Keycloak 26 answers invalid_grant with 400, as RFC 6749 section 5.2 says; older versions used 401.
        assertTrue(response.status() == 400 || response.status() == 401, "HTTP " + response.status());
        assertEquals("invalid_grant", response.error());
        assertFalse(response.body().has("access_token"));
    }

    @Test
    void ministrySystemGetsMinistryRoleAndOrgThroughClientCredentials() {
        JsonNode token = KeycloakServer.jwtPayload(
                keycloak.clientCredentialsToken(MINISTRY_SYSTEM, MINISTRY_SYSTEM_SECRET));

        assertEquals(Set.of("ministry"), platformRoles(token));
        assertEquals("mod-de", token.path("org").asText());
        assertEquals(MINISTRY_SYSTEM, token.path("azp").asText());
        assertTrue(audience(token).contains(API_AUDIENCE), "aud: " + token.get("aud"));
    }

    @Test
    void ministrySystemNeedsItsSecret() {
        TokenResponse response = keycloak.requestToken(Map.of(
                "grant_type", "client_credentials", "client_id", MINISTRY_SYSTEM, "client_secret", "guess"));

        assertEquals(401, response.status());
        assertEquals("unauthorized_client", response.error());
    }

    @Test
    void cliClientCannotUseClientCredentials() {
        TokenResponse response = keycloak.requestToken(Map.of(
                "grant_type", "client_credentials", "client_id", KeycloakServer.CLI_CLIENT));

        assertTrue(response.status() == 400 || response.status() == 401, "HTTP " + response.status());
        assertEquals("unauthorized_client", response.error());
        assertFalse(response.body().has("access_token"));
    }

    @Test
    void webClientRefusesThePasswordGrant() {
        TokenResponse response = keycloak.requestToken(Map.of(
                "grant_type", "password", "client_id", "kuznia-web", "client_secret", "kuznia-web-local-secret",
                "username", "maker-3", "password", "demo"));

        assertNotEquals(200, response.status());
        assertEquals("unauthorized_client", response.error());
    }

    @Test
    void webClientIsConfidentialStandardFlowOnlyWithPkceS256() {
        JsonNode client = client("kuznia-web");

        assertEquals("S256", client.at("/attributes/pkce.code.challenge.method").asText());
        assertFalse(client.get("publicClient").asBoolean());
        assertTrue(client.get("standardFlowEnabled").asBoolean());
        assertFalse(client.get("implicitFlowEnabled").asBoolean());
        assertFalse(client.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(client.get("serviceAccountsEnabled").asBoolean());
        // The integration tests add their own service's port at run time (allowWebApplicationAt),
        // and Keycloak keeps redirect URIs as an unordered set: the realm file's must be among them.
        assertTrue(strings(client.get("redirectUris")).contains("http://localhost:8080/*"),
                client.get("redirectUris").toString());
        assertEquals(List.of("+"), strings(client.get("webOrigins")));
        assertTrue(List.of(client.at("/attributes/post.logout.redirect.uris").asText().split("##"))
                .contains("http://localhost:8080/*"), client.at("/attributes/post.logout.redirect.uris").asText());
    }

    @Test
    void authorizationRequestWithoutCodeChallengeIsRejected() throws Exception {
        String withoutPkce = keycloak.realmUrl() + "/protocol/openid-connect/auth?client_id=kuznia-web"
                + "&response_type=code&scope=openid&state=s1&redirect_uri="
                + URLEncoder.encode("http://localhost:8080/callback", StandardCharsets.UTF_8);
        HttpResponse<String> refused = get(withoutPkce);

        assertEquals(302, refused.statusCode());
        String location = refused.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("http://localhost:8080/callback?error=invalid_request"), location);
        assertTrue(location.contains("code_challenge"), location);

        HttpResponse<String> loginPage = get(withoutPkce
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGjSstw-cM&code_challenge_method=S256");
        assertEquals(200, loginPage.statusCode(), "with a code challenge the login page is shown");
    }

    @Test
    void browserLoginThroughKuzniaWebWithPkceYieldsAnApiTokenWithOrg() throws Exception {
        String verifier = "kuznia-web-test-verifier-0123456789-abcdefghijklmnop";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirectUri = "http://localhost:8080/callback";
        String authorize = keycloak.realmUrl() + "/protocol/openid-connect/auth?client_id=kuznia-web"
                + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=";
        Browser browser = new Browser();

        HttpResponse<String> loginPage = browser.get(authorize + "s2");
        assertEquals(200, loginPage.statusCode());
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(loginPage.body());
        assertTrue(action.find(), "login form");
        HttpResponse<String> afterLogin = browser.postForm(action.group(1).replace("&amp;", "&"),
                "username=ministry-pl&password=demo&credentialId=");
        assertEquals(302, afterLogin.statusCode(), afterLogin.body());
        String firstCode = codeFrom(afterLogin, redirectUri);

        Map<String, String> exchange = new HashMap<>(Map.of(
                "grant_type", "authorization_code", "client_id", "kuznia-web",
                "client_secret", "kuznia-web-local-secret", "redirect_uri", redirectUri,
                "code", firstCode, "code_verifier", verifier + "-not"));
        assertEquals("invalid_grant", keycloak.requestToken(exchange).error(), "PKCE is checked at the token endpoint");

        // A fresh code for the real exchange: an authorization code is redeemable once at most.
        HttpResponse<String> again = browser.get(authorize + "s3");
        assertEquals(302, again.statusCode(), "the SSO session logs the user straight in");
        exchange.put("code", codeFrom(again, redirectUri));
        exchange.put("code_verifier", verifier);
        TokenResponse tokens = keycloak.requestToken(exchange);

        JsonNode access = KeycloakServer.jwtPayload(tokens.accessToken());
        assertEquals("kuznia-web", access.path("azp").asText());
        assertEquals("mod-pl", access.path("org").asText());
        assertEquals(Set.of("ministry"), platformRoles(access));
        assertTrue(audience(access).contains(API_AUDIENCE), "aud: " + access.get("aud"));
        assertEquals("mod-pl", KeycloakServer.jwtPayload(tokens.body().path("id_token").asText()).path("org").asText());
    }

    @Test
    void everyKuzniaClientHasTheOrgAndAudienceScopes() {
        for (String clientId : List.of("kuznia-web", "kuznia-cli", MINISTRY_SYSTEM)) {
            List<String> scopes = strings(client(clientId).get("defaultClientScopes"));
            assertTrue(scopes.containsAll(List.of("kuznia-org", "kuznia-api-audience", "basic", "roles")),
                    clientId + " " + scopes);
        }
        List<String> realmDefaults = StreamSupport.stream(
                        adminGet("/default-default-client-scopes").body().spliterator(), false)
                .map(scope -> scope.get("name").asText()).collect(Collectors.toList());
        assertTrue(realmDefaults.containsAll(List.of("kuznia-org", "kuznia-api-audience")),
                "clients created later get them too: " + realmDefaults);
    }

    @Test
    void defaultRolesGrantAccountSelfServiceOnly() {
        JsonNode realm = adminGet("").body();
        assertEquals("default-roles-kuznia", realm.at("/defaultRole/name").asText());

        Set<String> composites = StreamSupport.stream(
                        adminGet("/roles/default-roles-kuznia/composites").body().spliterator(), false)
                .map(role -> role.get("name").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("view-profile", "manage-account"), composites);
    }

    @Test
    void accountConsoleTokensStillCarryWhatTheAccountApiChecks() {
        // The realm file declares its own client scopes, so Keycloak does not wire its defaults into the
        // built-in clients; account-console is declared in the file to keep the account console working.
        String userId = adminGet("/users?exact=true&username=maker-4").body().get(0).get("id").asText();
        String clientUuid = adminGet("/clients?clientId=account-console").body().get(0).get("id").asText();
        JsonNode token = adminGet("/clients/" + clientUuid
                + "/evaluate-scopes/generate-example-access-token?scope=openid&userId=" + userId).body();

        assertFalse(token.path("sub").asText().isEmpty());
        assertTrue(audience(token).contains("account"), "aud: " + token.get("aud"));
        assertTrue(strings(token.at("/resource_access/account/roles")).contains("manage-account"));
        assertFalse(audience(token).contains(API_AUDIENCE), "account console tokens are not API tokens");
    }

    @Test
    void usersSeeButCannotChangeTheirOrg() {
        String accessToken = keycloak.token("maker-5", "demo");
        String account = keycloak.realmUrl() + "/account/";
        JsonResponse before = keycloak.getJson(account, accessToken);
        assertEquals(200, before.status());
        JsonNode orgMetadata = StreamSupport.stream(before.body().at("/userProfileMetadata/attributes").spliterator(), false)
                .filter(attribute -> attribute.get("name").asText().equals("org"))
                .findFirst().orElseThrow();
        assertTrue(orgMetadata.get("readOnly").asBoolean(), orgMetadata.toString());

        ObjectNode changed = before.body().deepCopy();
        changed.remove("userProfileMetadata");
        ((ObjectNode) changed.get("attributes")).putArray("org").add("ua-mfr-06");
        int status = post(account, accessToken, changed.toString()).statusCode();

        assertTrue(status == 204 || status == 400, "HTTP " + status);
        JsonNode after = keycloak.getJson(account, keycloak.token("maker-5", "demo")).body();
        assertEquals("ua-mfr-05", after.at("/attributes/org/0").asText());
    }

    @Test
    void realmSettings() {
        JsonNode realm = adminGet("").body();

        assertEquals(300, realm.get("accessTokenLifespan").asInt());
        assertEquals(1800, realm.get("ssoSessionIdleTimeout").asInt());
        assertTrue(realm.get("bruteForceProtected").asBoolean());
        assertFalse(realm.get("registrationAllowed").asBoolean());
        assertTrue(realm.get("loginWithEmailAllowed").asBoolean());
        assertTrue(realm.get("internationalizationEnabled").asBoolean());
        assertEquals(Set.of("en", "uk"), new HashSet<>(strings(realm.get("supportedLocales"))));
        assertEquals("en", realm.get("defaultLocale").asText());
        // Dropped for the local run only: the demo password could not be imported under length(12).
        assertNull(realm.get("passwordPolicy"));

        JsonNode ukrainian = adminGet("/localization/uk").body();
        assertEquals("Код організації", ukrainian.path("kuzniaOrg").asText());
    }

    @Test
    void realmFileIsFitForProduction() throws IOException {
        JsonNode file = JSON.readTree(Path.of("keycloak", "kuznia-realm.json").toFile());

        assertFalse(file.has("users"), "users belong in demo-users.json");
        assertTrue(file.get("passwordPolicy").asText().contains("length(12)"));
        assertFalse(file.get("registrationAllowed").asBoolean());
    }

    // ---------------------------------------------------------------------------------------------

    private static Set<String> platformRoles(JsonNode token) {
        return strings(token.at("/realm_access/roles")).stream()
                .filter(PLATFORM_ROLES::contains).collect(Collectors.toSet());
    }

    private static List<String> audience(JsonNode token) {
        JsonNode aud = token.get("aud");
        if (aud == null) {
            return List.of();
        }
        return aud.isArray() ? strings(aud) : List.of(aud.asText());
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toList());
    }

    private static JsonNode client(String clientId) {
        JsonNode clients = adminGet("/clients?clientId=" + clientId).body();
        assertEquals(1, clients.size(), clientId);
        return clients.get(0);
    }

    private static JsonResponse adminGet(String path) {
        JsonResponse response = keycloak.getJson(
                keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + path, keycloak.adminToken());
        assertEquals(200, response.status(), path + ": " + response.raw().body());
        return response;
    }

    private static String codeFrom(HttpResponse<String> redirect, String redirectUri) {
        String location = redirect.headers().firstValue("Location").orElse("");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertTrue(location.startsWith(redirectUri) && code.find(), location);
        return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    /**
     * Just enough of a browser for Keycloak's login form. Java's CookieManager withholds cookies
     * marked Secure over plain http, which Keycloak sets even on localhost; browsers send them there.
     */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(request(url).GET());
        }

        HttpResponse<String> postForm(String url, String form) throws IOException, InterruptedException {
            return send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpRequest.Builder request(String url) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
            if (!cookies.isEmpty()) {
                builder.header("Cookie", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
            return response;
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String bearerToken, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + bearerToken)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
