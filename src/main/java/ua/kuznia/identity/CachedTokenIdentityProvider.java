package ua.kuznia.identity;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers a bearer token this instance verified before from {@link VerifiedTokens}; runs ahead
 * of the OIDC provider and, on a miss, leaves the token to it ({@link VerifiedTokenRecorder}
 * then remembers what it verified).
 */
@ApplicationScoped
@Unremovable
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // Ahead of the OIDC provider, which has the default priority (1001).
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential token)) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null || !VerifiedTokens.BEARER_TENANT.equals(routing.get(VerifiedTokens.TENANT_ATTRIBUTE))) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity known = tokens.find(token.getToken());
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        // The identity is the token's; the request it serves is this one.
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                .addAttribute(RoutingContext.class.getName(), routing)
                .addAttribute(AuthenticationRequestContext.class.getName(), context).build());
    }
}
