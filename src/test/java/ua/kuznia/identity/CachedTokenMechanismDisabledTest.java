package ua.kuznia.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.kuznia.testing.Tokens;

/** With the token cache switched off every bearer token is verified by OIDC, every time. */
@QuarkusTest
@TestProfile(CachedTokenMechanismDisabledTest.CacheOff.class)
class CachedTokenMechanismDisabledTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kuznia.security.token-cache.enabled", "false");
        }
    }

    @Inject
    CachedTokenMechanism mechanism;

    @Inject
    IdentityProviderManager identities;

    @Inject
    VerifiedTokens tokens;

    @Test
    void theShortcutIsOffAndOidcAnswersEveryRequest() {
        String token = Tokens.token("uncached", "auditor", null);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("username", equalTo("uncached"));
        }
        assertEquals(0, tokens.hits());
        assertNull(mechanism.authenticate(new CachedTokenMechanismTest.FakeRequest("/api/v1/me")
                .header("Authorization", "Bearer " + token).context(), identities).await().atMost(Duration.ofSeconds(5)));
        given().auth().oauth2(token + "x").get("/api/v1/audit-trail").then().statusCode(401);
    }
}
