package ua.kuznia.identity;

import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.TenantResolver;
import io.quarkus.oidc.runtime.OidcConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.quarkus.vertx.http.runtime.security.ImmutablePathMatcher;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves a bearer token this instance has verified before straight from {@link VerifiedTokens},
 * ahead of the OIDC mechanism. The OIDC mechanism parses every token's claims (base64 and JSON)
 * and resolves its tenant before any identity provider runs, which cost 5–7 % of the CPU under
 * read load although the token's identity was already known.
 *
 * <p>It is a shortcut and never an answer of its own: whenever it is not certain that the OIDC
 * mechanism would treat the request as a bearer token of the {@code Default} tenant, or the token
 * is not in the cache (a new, changed, forged or expired token, or the cache is off), it answers
 * "no identity" and Quarkus asks the OIDC mechanism next, exactly as without it; that is also how
 * the token then gets into the cache ({@link VerifiedTokenRecorder}). It has no challenge, so a 401
 * or the browser tenant's login redirect comes from OIDC as before.
 */
@ApplicationScoped
public class CachedTokenMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(CachedTokenMechanism.class);

    /** Cookies by which the OIDC mechanism picks a web-app tenant whatever the path (OidcUtils). */
    private static final List<String> OIDC_COOKIE_PREFIXES = List.of("q_session", "q_auth");
    /** The OIDC extension's switch for tenants chosen with {@code @Tenant}. */
    private static final String TENANTS_BY_ANNOTATION = "io.quarkus.oidc.runtime.select-tenants-with-annotation";

    private final VerifiedTokens tokens;
    private final int priority;
    /** Null when the OIDC configuration could pick a tenant in a way this class does not follow. */
    private final ImmutablePathMatcher<String> tenantPaths;
    private final Set<String> namedTenants = new HashSet<>();
    private final boolean anyTenantPaths;
    private final boolean active;

    @Inject
    CachedTokenMechanism(VerifiedTokens tokens, OidcConfig oidc, Instance<TenantResolver> tenantResolvers,
                         Instance<TenantConfigResolver> tenantConfigResolvers,
                         @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String rootPath) {
        this.tokens = tokens;
        // Quarkus tries mechanisms in descending priority and takes the first identity; one above
        // OIDC's (quarkus.oidc.priority) keeps this one first even if that is changed.
        this.priority = oidc.priority() + 1;
        OidcTenantConfig bearer = OidcConfig.getDefaultTenant(oidc);
        String unsupported = unsupported(oidc, bearer, tenantResolvers, tenantConfigResolvers);
        if (unsupported != null) {
            LOG.infof("Verified bearer tokens are checked by OIDC on every request: %s", unsupported);
            this.tenantPaths = null;
            this.anyTenantPaths = false;
            this.active = false;
            return;
        }
        // The same table of tenant paths the OIDC extension matches requests against, so that a
        // path of the browser tenant (or any other) is recognised exactly as OIDC recognises it.
        ImmutablePathMatcher.ImmutablePathMatcherBuilder<String> paths = ImmutablePathMatcher.<String>builder()
                .rootPath(rootPath);
        bearer.tenantPaths().ifPresent(list -> list.forEach(path -> paths.addPath(path, VerifiedTokens.BEARER_TENANT)));
        for (Map.Entry<String, OidcTenantConfig> tenant : oidc.namedTenants().entrySet()) {
            if (OidcConfig.DEFAULT_TENANT_KEY.equals(tenant.getKey())) {
                continue;
            }
            String id = tenant.getValue().tenantId().orElse(tenant.getKey());
            namedTenants.add(tenant.getKey());
            namedTenants.add(id);
            // Also a disabled tenant's paths: whatever OIDC then does there, it is not this shortcut's call.
            tenant.getValue().tenantPaths().ifPresent(list -> list.forEach(path -> paths.addPath(path, id)));
        }
        this.anyTenantPaths = paths.hasPaths();
        this.tenantPaths = anyTenantPaths ? paths.build() : null;
        this.active = true;
    }

    /** Why the OIDC tenant of a request cannot be told without OIDC's own resolution, or null. */
    private static String unsupported(OidcConfig oidc, OidcTenantConfig bearer, Instance<TenantResolver> tenantResolvers,
                                      Instance<TenantConfigResolver> tenantConfigResolvers) {
        if (!bearer.tenantEnabled()) {
            return "the default OIDC tenant is disabled";
        }
        if (bearer.applicationType().orElse(OidcTenantConfig.ApplicationType.SERVICE) == OidcTenantConfig.ApplicationType.WEB_APP) {
            return "the default OIDC tenant is a web application";
        }
        if (bearer.token().header().isPresent() || !"Bearer".equalsIgnoreCase(bearer.token().authorizationScheme())) {
            return "the default OIDC tenant takes its token from another header or scheme";
        }
        if (oidc.resolveTenantsWithIssuer()) {
            return "tenants are resolved by the token's issuer";
        }
        if (!tenantResolvers.isUnsatisfied() || !tenantConfigResolvers.isUnsatisfied()) {
            return "a custom OIDC tenant resolver is installed";
        }
        if (Boolean.getBoolean(TENANTS_BY_ANNOTATION)) {
            return "tenants are selected with annotations";
        }
        return null;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!active || !tokens.enabled()) {
            return Uni.createFrom().nullItem();
        }
        String token = bearerToken(context);
        if (token == null || !bearerTenantApplies(context)) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity verified = tokens.find(token);
        if (verified == null) {
            return Uni.createFrom().nullItem();
        }
        // What OIDC's tenant resolution would have recorded on this request, for code that reads it.
        context.put(VerifiedTokens.TENANT_ATTRIBUTE, VerifiedTokens.BEARER_TENANT);
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new CachedTokenRequest(verified), context));
    }

    /**
     * The token as OIDC takes it from the Authorization header: the scheme before the first space,
     * in any case, and everything after it unchanged, so the text matches the cache key exactly.
     */
    static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space <= 0 || !"Bearer".equalsIgnoreCase(header.substring(0, space))) {
            return null;
        }
        String token = header.substring(space + 1);
        return token.isEmpty() ? null : token;
    }

    /**
     * Whether OIDC would surely check this request against the {@code Default} tenant. In doubt,
     * false: OIDC then decides, as it did before this class existed.
     */
    boolean bearerTenantApplies(RoutingContext context) {
        Object chosen = context.get(VerifiedTokens.TENANT_ATTRIBUTE);
        if (chosen != null) {
            // Chosen already (an annotation, or OIDC on an earlier attempt for this request).
            return VerifiedTokens.BEARER_TENANT.equals(chosen);
        }
        // A session or login-state cookie makes OIDC pick that cookie's tenant on any path (the
        // browser tenant's cookies are sent to the whole site: cookie-path=/).
        String cookies = context.request().getHeader(HttpHeaders.COOKIE);
        if (cookies != null) {
            for (String prefix : OIDC_COOKIE_PREFIXES) {
                if (cookies.contains(prefix)) {
                    return false;
                }
            }
        }
        String path = HttpSecurityUtils.pathWithoutMatrixParams(context.normalizedPath());
        if (anyTenantPaths) {
            String tenant = tenantPaths.match(path).getValue();
            if (tenant != null) {
                return VerifiedTokens.BEARER_TENANT.equals(tenant);
            }
        }
        // OIDC's last static rule: a path whose last segment names a tenant selects that tenant.
        if (namedTenants.isEmpty()) {
            return true;
        }
        String[] segments = path.split("/");
        return segments.length == 0 || !namedTenants.contains(segments[segments.length - 1]);
    }

    /** None: a request this mechanism did not answer is challenged by OIDC, as before. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CachedTokenRequest.class);
    }

    /**
     * None, deliberately. Where a path or an annotation selects the "Bearer" mechanism, Quarkus
     * takes the first mechanism with that scheme and only it; claiming the scheme here would leave
     * every token not in the cache unchecked there. Without one, such requests go to OIDC alone.
     */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return priority;
    }
}
