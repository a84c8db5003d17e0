package ua.kuznia.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Signed bearer tokens for the fast tests, shaped like the kuznia realm's (realm_access.roles,
 * org, aud kuznia-api) and verified by the service's real OIDC code against the test public key.
 * The integration suite uses real tokens from a real Keycloak instead.
 */
public final class Tokens {

    private static final PrivateKey KEY = loadKey();

    private Tokens() {
    }

    public static String token(String username, String role, String organizationCode) {
        return token(username, role, organizationCode, 600);
    }

    /** A token that expires {@code seconds} after it is signed. */
    public static String token(String username, String role, String organizationCode, long seconds) {
        var claims = Jwt.issuer("https://kuznia.test/realms/kuznia").subject("sub-" + username)
                .audience("kuznia-api").claim("preferred_username", username)
                .claim("email", username + "@example.test")
                .claim("realm_access", java.util.Map.of("roles", Set.of(role)));
        if (organizationCode != null) {
            claims = claims.claim("org", organizationCode);
        }
        return claims.expiresIn(seconds).sign(KEY);
    }

    public static String admin() {
        return token("admin", "admin", "ua-coord-test");
    }

    public static String coordinator() {
        return token("coordinator", "coordinator", "ua-coord-test");
    }

    public static String auditor() {
        return token("auditor", "auditor", "ua-coord-test");
    }

    private static PrivateKey loadKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/test-token-signing-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("-----"))
                    .collect(Collectors.joining());
            return KeyUtils.decodePrivateKey(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Test signing key unreadable", e);
        }
    }
}
