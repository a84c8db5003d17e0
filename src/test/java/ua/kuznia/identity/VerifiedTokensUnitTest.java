package ua.kuznia.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache's own rules: how long an entry lives, what it keeps, what it refuses, and its bound. */
class VerifiedTokensUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static VerifiedTokens cache(Duration maxAge, int maxEntries) {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.enabled = true;
        tokens.maxAge = maxAge;
        tokens.maxEntries = maxEntries;
        tokens.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return tokens;
    }

    private static void at(VerifiedTokens tokens, Instant instant) {
        tokens.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static SecurityIdentity identity(String token, Instant expires, String tenant, String scope) {
        JsonWebToken jwt = new JsonWebToken() {
            private final Map<String, Object> claims = scope == null
                    ? Map.of("exp", expires.getEpochSecond(), "sub", token)
                    : Map.of("exp", expires.getEpochSecond(), "sub", token, "scope", scope);

            @Override
            public String getName() {
                return token;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("auditor")
                .addCredential(new AccessTokenCredential(token))
                .addAttribute(VerifiedTokens.TENANT_ATTRIBUTE, tenant)
                .addAttribute(io.vertx.ext.web.RoutingContext.class.getName(), "the first request")
                .addAttribute("quarkus.identity.expire-time", expires.getEpochSecond()).build();
    }

    @Test
    void anEntryLivesUntilTheTokenExpiresOrTheMaximumAgeWhicheverComesFirst() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5), 100);
        tokens.remember(identity("short", NOW.plusSeconds(60), "Default", null));
        tokens.remember(identity("long", NOW.plusSeconds(3600), "Default", null));
        at(tokens, NOW.plusSeconds(59));
        assertNotNull(tokens.find("short"));
        at(tokens, NOW.plusSeconds(60));
        assertNull(tokens.find("short"), "served at the second the token expires");
        at(tokens, NOW.plusSeconds(299));
        assertNotNull(tokens.find("long"));
        at(tokens, NOW.plusSeconds(300));
        assertNull(tokens.find("long"), "kept past the maximum age");
    }

    @Test
    void whatIsKeptIsTheTokensIdentityWithoutItsRequest() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5), 100);
        tokens.remember(identity("t", NOW.plusSeconds(60), "Default", "openid profile profile"));
        SecurityIdentity kept = tokens.find("t");
        assertEquals("t", kept.getPrincipal().getName());
        assertEquals(Set.of("auditor"), kept.getRoles());
        assertEquals("t", kept.getCredential(AccessTokenCredential.class).getToken());
        assertEquals("Default", kept.getAttribute(VerifiedTokens.TENANT_ATTRIBUTE));
        for (String attribute : VerifiedTokens.REQUEST_ATTRIBUTES) {
            assertFalse(kept.getAttributes().containsKey(attribute), attribute);
        }
        assertTrue(kept.checkPermissionBlocking(new io.quarkus.security.StringPermission("profile")), "the token's scopes are its permissions");
        assertFalse(kept.checkPermissionBlocking(new io.quarkus.security.StringPermission("admin")));
    }

    @Test
    void onlyLiveBearerTokensAreKept() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5), 100);
        tokens.remember(identity("browser", NOW.plusSeconds(60), "web", null));
        tokens.remember(identity("expired", NOW.minusSeconds(1), "Default", null));
        tokens.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        assertNull(tokens.find("browser"), "the browser tenant's sessions are checked by it every time");
        assertNull(tokens.find("expired"));
        tokens.enabled = false;
        tokens.remember(identity("off", NOW.plusSeconds(60), "Default", null));
        tokens.enabled = true;
        assertNull(tokens.find("off"), "a disabled cache keeps nothing");
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirstAndNeverGrowsPastItsBound() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5), 3);
        tokens.remember(identity("a", NOW.plusSeconds(10), "Default", null));
        tokens.remember(identity("b", NOW.plusSeconds(100), "Default", null));
        tokens.remember(identity("c", NOW.plusSeconds(100), "Default", null));
        at(tokens, NOW.plusSeconds(20));
        tokens.remember(identity("d", NOW.plusSeconds(100), "Default", null));
        assertNotNull(tokens.find("b"));
        assertNotNull(tokens.find("c"));
        assertNotNull(tokens.find("d"));
        tokens.remember(identity("e", NOW.plusSeconds(100), "Default", null));
        assertNotNull(tokens.find("e"));
        assertTrue(tokens.size() <= 3, "entries: " + tokens.size());
    }
}
