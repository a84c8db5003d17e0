package ua.kuznia.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a {@link CachedTokenRequest} into the identity for this request: the token's identity as
 * it was verified, bound to the request it now serves. Only {@link CachedTokenMechanism} creates
 * such requests, after it has found the token in {@link VerifiedTokens}.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<CachedTokenRequest> {

    @Override
    public Class<CachedTokenRequest> getRequestType() {
        return CachedTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CachedTokenRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        // The identity is the token's; the request it serves is this one. The same request
        // attributes the OIDC provider sets, so code reading them (and VerifiedTokens, which
        // strips them again) cannot tell a cached identity from a freshly verified one.
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(request.verified())
                .addAttribute(RoutingContext.class.getName(), routing)
                .addAttribute(AuthenticationRequestContext.class.getName(), context).build());
    }
}
