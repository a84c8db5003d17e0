package ua.kuznia.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A bearer token {@link CachedTokenMechanism} found in {@link VerifiedTokens}, with the identity it
 * gave when it was verified. It goes through the identity provider manager like any other
 * request, so that augmentors run on it as they would on a freshly verified token.
 */
final class CachedTokenRequest extends BaseAuthenticationRequest {

    private final SecurityIdentity verified;

    CachedTokenRequest(SecurityIdentity verified) {
        this.verified = verified;
    }

    SecurityIdentity verified() {
        return verified;
    }
}
