package ua.kuznia.identity;

/** Realm roles of the kuznia Keycloak realm (keycloak/kuznia-realm.json). */
public final class Roles {

    public static final String MANUFACTURER = "manufacturer";
    public static final String MINISTRY = "ministry";
    public static final String COORDINATOR = "coordinator";
    public static final String AUDITOR = "auditor";
    /** Composite of coordinator and auditor in the realm; also checked on its own here. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
