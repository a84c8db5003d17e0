package ua.kuznia.identity;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this instance has already verified, with the identity they gave. Checking a
 * token's RSA signature and parsing its claims was the largest single cost of a read (about a
 * fifth of the service's CPU under load); a client sends the same token with every request until
 * it expires, so each token is verified once and its identity reused.
 *
 * <p>An entry is kept until the token expires, at most {@code max-age}; a token is looked up by
 * its whole text, so a changed or forged token is never served from here and goes to the full
 * check. What the cache gives up: a signing key withdrawn from the realm stops accepting tokens
 * already seen only when they expire or leave the cache (at most {@code max-age}).
 */
@ApplicationScoped
public class VerifiedTokens {

    /** The OIDC tenant of the API's bearer tokens; the browser tenant keeps its own session checks. */
    static final String BEARER_TENANT = "Default";
    static final String TENANT_ATTRIBUTE = "tenant-id";

    @ConfigProperty(name = "kuznia.security.token-cache.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "kuznia.security.token-cache.max-age", defaultValue = "PT5M")
    Duration maxAge;

    @ConfigProperty(name = "kuznia.security.token-cache.max-entries", defaultValue = "20000")
    int maxEntries;

    /** What ties an identity to the request it was verified in; a request served from here sets its own. */
    static final List<String> REQUEST_ATTRIBUTES = List.of(RoutingContext.class.getName(),
            HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, AuthenticationRequestContext.class.getName());

    Clock clock = Clock.systemUTC();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();

    private record Entry(SecurityIdentity identity, Instant until) {
    }

    /** Whether the cache is in use at all ({@code kuznia.security.token-cache.enabled}). */
    boolean enabled() {
        return enabled;
    }

    /** The identity a token gave before, if the token is still valid and was verified here. */
    SecurityIdentity find(String token) {
        if (!enabled) {
            return null;
        }
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(token, entry);
            return null;
        }
        hits.increment();
        return entry.identity();
    }

    /** Remembers a verified bearer token's identity; anything else is ignored. */
    void remember(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || !BEARER_TENANT.equals(identity.getAttribute(TENANT_ATTRIBUTE))
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null || jwt.getExpirationTime() <= 0
                || entries.containsKey(credential.getToken())) {
            // Also every identity served from here passes by: it is known already.
            return;
        }
        Instant now = clock.instant();
        Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
        Instant until = expires.isBefore(now.plus(maxAge)) ? expires : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evict(now);
        }
        entries.putIfAbsent(credential.getToken(), new Entry(detached(identity, jwt), until));
    }

    /**
     * The identity without the request it was verified in, which the cache must not keep alive:
     * principal, roles, credentials, the other attributes, and the token's scopes as permissions,
     * as the OIDC provider grants them.
     */
    private static SecurityIdentity detached(SecurityIdentity identity, JsonWebToken jwt) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        REQUEST_ATTRIBUTES.forEach(attributes::remove);
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addCredentials(identity.getCredentials()).addAttributes(attributes);
        Object scope = jwt.getClaim("scope");
        if (scope != null && !scope.toString().isBlank()) {
            copy.addPermissionsAsString(Set.copyOf(Arrays.asList(scope.toString().replace("\"", "").trim().split("\\s+"))));
        }
        return copy.build();
    }

    private void evict(Instant now) {
        entries.values().removeIf(entry -> !now.isBefore(entry.until()));
        if (entries.size() >= maxEntries) {
            // Still full of live tokens: start over rather than track recency on every hit.
            entries.clear();
        }
    }

    int size() {
        return entries.size();
    }

    /** Requests served from the cache since start-up. */
    public long hits() {
        return hits.sum();
    }
}
