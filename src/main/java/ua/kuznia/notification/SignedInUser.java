package ua.kuznia.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import ua.kuznia.identity.CallerService;

/**
 * The e-mail address of the signed-in user (the token's email claim), and the sign-in hook that
 * keeps it for mailing members of an organization while they are away. Keycloak stays the owner
 * of the address; the copy is refreshed at every sign-in and inbox visit.
 */
@ApplicationScoped
public class SignedInUser {

    private static final Logger LOG = Logger.getLogger(SignedInUser.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    NotificationService notifications;

    public String email() {
        return email(identity);
    }

    static String email(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object email = jwt.getClaim("email");
        return email == null ? null : email.toString().replace("\"", "");
    }

    /** A browser sign-in through Keycloak; runs off the event loop because it writes to the database. */
    void onSignIn(@ObservesAsync SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN || event.getSecurityIdentity() == null) {
            return;
        }
        SecurityIdentity signedIn = event.getSecurityIdentity();
        if (!(signedIn.getPrincipal() instanceof JsonWebToken jwt) || jwt.getSubject() == null) {
            return;
        }
        Object org = jwt.getClaim(CallerService.ORG_CLAIM);
        try {
            QuarkusTransaction.requiringNew().run(() -> notifications.rememberSignIn(jwt.getSubject(),
                    org == null ? null : org.toString().replace("\"", ""), email(signedIn)));
        } catch (RuntimeException e) {
            LOG.warnf("Sign-in not recorded for notifications (%s)", e.getClass().getSimpleName());
        }
    }
}
