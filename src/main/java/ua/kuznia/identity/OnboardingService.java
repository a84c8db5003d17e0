package ua.kuznia.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import ua.kuznia.common.Missing;
import ua.kuznia.common.ProblemException;
import ua.kuznia.organization.Organization;
import ua.kuznia.organization.OrganizationKind;

/**
 * Brings an organization's first user into Keycloak and takes access away again, through the
 * Keycloak admin API with the kuznia-onboarding service account. Keycloak owns passwords and
 * e-mail verification: the new user gets the required actions to verify the address and set a
 * password, and Keycloak's own e-mail carries the link.
 */
@ApplicationScoped
public class OnboardingService {

    private static final Logger LOG = Logger.getLogger(OnboardingService.class);
    static final List<String> REQUIRED_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");

    public record Member(String id, String username, String email, boolean enabled, List<String> requiredActions) {
    }

    public record Invitation(Member member, boolean emailSent) {
    }

    /** Absent when quarkus.keycloak.admin-client.server-url is not set (e.g. in the fast tests). */
    @Inject
    Instance<Keycloak> keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url")
    java.util.Optional<String> serverUrl;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm", defaultValue = "kuznia")
    String realmName;

    @Inject
    AuditService audit;

    @Inject
    jakarta.enterprise.event.Event<MemberRevoked> revoked;

    /**
     * Not one transaction around the Keycloak calls: a user Keycloak created cannot be rolled back
     * with the database. The organization is read first, and the audit record written after in a
     * transaction of its own; if that or anything before it fails, the new user is removed again,
     * so no account exists that the audit trail does not know of (and the same address can simply
     * be invited again). The invitation e-mail goes out last.
     */
    public Invitation invite(long organizationId, String email, Caller caller) {
        Organization organization = QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>findByIdOptional(organizationId)
                .orElseThrow(() -> ProblemException.notFound(Missing.ORGANIZATION, organizationId)));
        return viaKeycloak(() -> inviteInKeycloak(organization, email, caller));
    }

    public List<Member> members(long organizationId) {
        return viaKeycloak(() -> membersInKeycloak(organizationId));
    }

    @Transactional
    public void revoke(long organizationId, String userId, Caller caller) {
        viaKeycloak(() -> {
            revokeInKeycloak(organizationId, userId, caller);
            return null;
        });
    }

    /**
     * Keycloak's refusals are not the caller's fault: they are answered as 502 naming Keycloak,
     * never passed on as if the caller had been refused.
     */
    private static <T> T viaKeycloak(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            if (unreachable(e)) {
                LOG.warnf("Keycloak admin API unreachable: %s", e.getMessage());
                throw new ProblemException(503, "/problems/keycloak-unavailable", "Service Unavailable",
                        "Keycloak cannot be reached, so users cannot be administered right now; retry in a few minutes."
                                + " Signed-in users are not affected", List.of(), Map.of());
            }
            LOG.errorf("Keycloak admin API call failed: %s", e.getMessage());
            throw new ProblemException(502, "/problems/keycloak-admin", "Bad Gateway",
                    "Keycloak refused or failed the user administration call; see the service log", List.of(), Map.of());
        }
    }

    /** Keycloak down or out of reach, as opposed to Keycloak answering with an error. */
    static boolean unreachable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getName().equals("io.vertx.core.http.HttpClosedException")) {
                return true;
            }
        }
        return false;
    }

    private Invitation inviteInKeycloak(Organization organization, String email, Caller caller) {
        RealmResource realm = realm();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setAttributes(Map.of("org", List.of(organization.code)));
        user.setRequiredActions(REQUIRED_ACTIONS);
        String id;
        try (Response created = realm.users().create(user)) {
            if (created.getStatus() == 409) {
                throw ProblemException.conflict("/problems/user-exists", "User exists",
                        m -> m.user_exists(email), Map.of());
            }
            if (created.getStatus() == 400) {
                // Keycloak's user profile rules are its own (characters it prohibits in user names,
                // for one): an address valid by RFC may still be refused.
                throw ProblemException.invalid("email", m -> m.user_refused(email));
            }
            if (created.getStatus() != 201) {
                throw new WebApplicationException("Keycloak refused the new user with HTTP " + created.getStatus(),
                        created.getStatus());
            }
            String location = created.getLocation().getPath();
            id = location.substring(location.lastIndexOf('/') + 1);
        }
        Member member;
        try {
            realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get(roleOf(organization.kind)).toRepresentation()));
            Member created = member(realm.users().get(id).toRepresentation());
            QuarkusTransaction.requiringNew().run(() -> audit.record(caller, "ORGANIZATION_MEMBER", organization.id + "/" + id,
                    AuditService.Action.CREATE, null, created, "invited " + email));
            member = created;
        } catch (RuntimeException e) {
            // Whatever failed once Keycloak had created the user (its role, reading it back, the
            // audit record), the user goes: no account exists that the audit trail does not know
            // of, and the address can simply be invited again. Should the audit's commit have
            // reached the database with only its answer lost, the trail shows an invitation of a
            // removed user, the safer of the two errors.
            removeAfterFailure(realm, id, organization);
            throw e;
        }
        // Only once the invitation is recorded, so no one is mailed a link to an account then removed.
        boolean emailSent = true;
        try {
            realm.users().get(id).executeActionsEmail(REQUIRED_ACTIONS);
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            // Keycloak without SMTP settings refuses to send; the user exists and an admin can resend.
            emailSent = false;
            LOG.warnf("Keycloak did not send the invitation e-mail for a new user of %s (%s)", organization.code,
                    e instanceof WebApplicationException w ? "HTTP " + w.getResponse().getStatus() : e.getClass().getSimpleName());
        }
        return new Invitation(member, emailSent);
    }

    private static void removeAfterFailure(RealmResource realm, String id, Organization organization) {
        try {
            realm.users().get(id).remove();
        } catch (RuntimeException removal) {
            // The one case left: say which account to remove by hand (an id, no personal data).
            LOG.errorf("Invited user %s of %s could not be set up nor removed from Keycloak; remove it there",
                    id, organization.code);
        }
    }

    private List<Member> membersInKeycloak(long organizationId) {
        Organization organization = Organization.<Organization>findByIdOptional(organizationId)
                .orElseThrow(() -> ProblemException.notFound(Missing.ORGANIZATION, organizationId));
        return realm().users().searchByAttributes("org:" + organization.code).stream().map(OnboardingService::member).toList();
    }

    /**
     * Disables the user, takes away its platform role and ends its sessions. The account and its
     * organization attribute stay, so the audit trail keeps pointing at a real, identifiable user.
     */
    private void revokeInKeycloak(long organizationId, String userId, Caller caller) {
        Organization organization = Organization.<Organization>findByIdOptional(organizationId)
                .orElseThrow(() -> ProblemException.notFound(Missing.ORGANIZATION, organizationId));
        RealmResource realm = realm();
        UserRepresentation user;
        try {
            user = realm.users().get(userId).toRepresentation();
        } catch (WebApplicationException e) {
            throw ProblemException.notFound(Missing.MEMBER, userId);
        }
        List<String> org = user.getAttributes() == null ? null : user.getAttributes().get("org");
        if (org == null || !org.contains(organization.code)) {
            throw ProblemException.notFound(Missing.MEMBER, userId);
        }
        Member before = member(user);
        user.setEnabled(false);
        realm.users().get(userId).update(user);
        realm.users().get(userId).roles().realmLevel().remove(List.of(realm.roles().get(roleOf(organization.kind)).toRepresentation()));
        realm.users().get(userId).logout();
        // The mailer sends an organization's news to its members' saved addresses; a revoked user
        // never signs in again to refresh that tie, so it is cut now (see NotificationService).
        revoked.fire(new MemberRevoked(userId));
        audit.record(caller, "ORGANIZATION_MEMBER", organization.id + "/" + userId, AuditService.Action.DELETE, before,
                member(realm.users().get(userId).toRepresentation()), "access revoked");
    }

    private RealmResource realm() {
        // The extension registers the client bean even without a URL; creating it then fails.
        if (serverUrl.isEmpty() || !keycloak.isResolvable()) {
            throw new ProblemException(503, "/problems/onboarding-unavailable", "Service Unavailable",
                    "Onboarding needs the Keycloak admin client (quarkus.keycloak.admin-client.server-url)",
                    List.of(), Map.of());
        }
        return keycloak.get().realm(realmName);
    }

    static String roleOf(OrganizationKind kind) {
        return switch (kind) {
            case MANUFACTURER -> Roles.MANUFACTURER;
            case MINISTRY -> Roles.MINISTRY;
            case COORDINATION -> Roles.COORDINATOR;
        };
    }

    private static Member member(UserRepresentation user) {
        return new Member(user.getId(), user.getUsername(), user.getEmail(), Boolean.TRUE.equals(user.isEnabled()),
                user.getRequiredActions() == null ? List.of() : user.getRequiredActions());
    }
}
