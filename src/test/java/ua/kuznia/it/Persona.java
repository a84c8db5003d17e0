package ua.kuznia.it;

import java.util.EnumMap;
import java.util.Map;
import ua.kuznia.local.KeycloakServer;

/**
 * Who calls the packaged service: demo users of realm {@code kuznia} (keycloak/demo-users.json) with
 * real tokens from the password grant, or nobody at all. The comments give what the demo data makes
 * of each one, which is what the expectations of the matrix rely on.
 */
public enum Persona {

    ANONYMOUS(null, null),
    /** Manufacturer ua-mfr-01, profile cleared NATO_RESTRICTED. */
    MAKER_1("maker-1", "ua-mfr-01"),
    /** Another manufacturer, ua-mfr-02, also NATO_RESTRICTED. */
    MAKER_2("maker-2", "ua-mfr-02"),
    /** Manufacturer ua-mfr-04 (Dnipro Rocket Motors), cleared NATO_SECRET: sees more offers, still not others' profiles. */
    MAKER_4("maker-4", "ua-mfr-04"),
    /** Ministry mod-de, cleared NATO_SECRET. */
    MINISTRY_DE("ministry-de", "mod-de"),
    /** Another ministry, mod-fr, cleared NATO_SECRET. */
    MINISTRY_FR("ministry-fr", "mod-fr"),
    COORDINATOR("coordinator", "ua-coord"),
    AUDITOR("auditor", "ua-coord"),
    /** admin is a composite of coordinator and auditor in the realm. */
    ADMIN("admin", "ua-coord");

    /** Keycloak issues access tokens for 300 s; renewing well before keeps long runs from flaking. */
    private static final long TOKEN_REUSE_MILLIS = 180_000;
    private static final Map<Persona, String> TOKENS = new EnumMap<>(Persona.class);
    private static final Map<Persona, Long> ISSUED = new EnumMap<>(Persona.class);

    public final String username;
    public final String organizationCode;

    Persona(String username, String organizationCode) {
        this.username = username;
        this.organizationCode = organizationCode;
    }

    public boolean anonymous() {
        return username == null;
    }

    /** A current access token of this user from the real Keycloak; null for {@link #ANONYMOUS}. */
    public String token() {
        if (anonymous()) {
            return null;
        }
        synchronized (TOKENS) {
            Long issued = ISSUED.get(this);
            if (issued == null || System.currentTimeMillis() - issued > TOKEN_REUSE_MILLIS) {
                TOKENS.put(this, PlatformResource.keycloak().token(username, KeycloakServer.DEMO_PASSWORD));
                ISSUED.put(this, System.currentTimeMillis());
            }
            return TOKENS.get(this);
        }
    }

    @Override
    public String toString() {
        return anonymous() ? "anonymous" : username;
    }
}
