package ua.kuznia.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ua.kuznia.common.Enums;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.common.SqlFilter;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.MemberRevoked;
import ua.kuznia.matching.MatchesSuggested;
import ua.kuznia.offer.OfferService;
import ua.kuznia.profile.ProfileService;
import ua.kuznia.review.MatchActed;
import ua.kuznia.review.ReviewAction;
import ua.kuznia.web.UnreadCounter;

/**
 * Writes notifications in the transaction of the change they announce (a rolled-back change
 * leaves none behind, a committed one exactly one per organization and event), and serves each
 * member's inbox with their own read state and muted kinds.
 */
@ApplicationScoped
public class NotificationService implements UnreadCounter {

    public record NotificationView(long id, NotificationKind kind, String event, long offerId, String offerTitle,
                                   long profileId, String manufacturerName, Long matchId, Instant createdAt,
                                   boolean read) {
    }

    public record Preferences(Set<NotificationKind> mutedKinds, boolean emailEnabled, boolean emailKnown) {
    }

    private static final Set<ReviewAction> DECISIONS = EnumSet.of(ReviewAction.APPROVE, ReviewAction.REJECT,
            ReviewAction.HOLD);

    private static final String FROM = " FROM notification n JOIN transfer_offer t ON t.id = n.offer_id"
            + " LEFT JOIN notification_preference pr ON pr.subject = :subject";

    /** Unread: above the read mark and not read one by one. */
    private static final String UNREAD = "n.id > coalesce(pr.read_up_to, 0) AND NOT EXISTS (SELECT 1 FROM notification_read r"
            + " WHERE r.subject = :subject AND r.notification_id = n.id)";

    private static final String NOT_MUTED = "NOT (n.kind = 'NEW_MATCH' AND coalesce(pr.mute_new_match, false))"
            + " AND NOT (n.kind = 'INTEREST' AND coalesce(pr.mute_interest, false))"
            + " AND NOT (n.kind = 'DECISION' AND coalesce(pr.mute_decision, false))";

    @Inject
    EntityManager em;

    @Inject
    Event<NotificationsCreated> created;

    /**
     * New suggestions of one offer: one statement for the offer's ministry and every new
     * manufacturer, so a full re-match adds one insert per offer, not one per pair.
     */
    void onSuggested(@Observes MatchesSuggested suggested) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("INSERT INTO notification (organization_id, kind, event, offer_id, profile_id)"
                        + " SELECT o.organization_id, 'NEW_MATCH', 'SUGGESTED', t.id, p.id"
                        + " FROM transfer_offer t JOIN manufacturer_profile p ON p.id IN (:profiles)"
                        + " CROSS JOIN LATERAL (VALUES (t.organization_id), (p.organization_id)) o(organization_id)"
                        + " WHERE t.id = :offer"
                        + " ON CONFLICT (organization_id, offer_id, profile_id) WHERE kind = 'NEW_MATCH' DO NOTHING"
                        + " RETURNING id")
                .setParameter("profiles", suggested.profileIds()).setParameter("offer", suggested.offerId())
                .getResultList();
        announce(ids);
    }

    /** Interest goes to the other side; a coordinator's decision to both. */
    void onActed(@Observes MatchActed acted) {
        List<Long> organizations = new ArrayList<>();
        NotificationKind kind;
        switch (acted.action()) {
            case MANUFACTURER_INTEREST -> {
                kind = NotificationKind.INTEREST;
                organizations.add(acted.offerOrganizationId());
            }
            case MINISTRY_INTEREST -> {
                kind = NotificationKind.INTEREST;
                organizations.add(acted.manufacturerOrganizationId());
            }
            default -> {
                if (!DECISIONS.contains(acted.action())) {
                    return;
                }
                kind = NotificationKind.DECISION;
                organizations.add(acted.offerOrganizationId());
                organizations.add(acted.manufacturerOrganizationId());
            }
        }
        List<Long> ids = new ArrayList<>();
        for (long organization : organizations) {
            ids.add(((Number) em.createNativeQuery("INSERT INTO notification (organization_id, kind, event, offer_id, profile_id)"
                            + " VALUES (:organization, :kind, :event, :offer, :profile) RETURNING id")
                    .setParameter("organization", organization).setParameter("kind", kind.name())
                    .setParameter("event", acted.action().name()).setParameter("offer", acted.offerId())
                    .setParameter("profile", acted.profileId()).getSingleResult()).longValue());
        }
        announce(ids);
    }

    private void announce(List<? extends Number> ids) {
        if (!ids.isEmpty()) {
            created.fire(new NotificationsCreated(ids.stream().map(Number::longValue).toList()));
        }
    }

    /** The caller's inbox, newest first, without muted kinds and offers above the caller's clearance. */
    public Page<NotificationView> inbox(Caller caller, boolean unreadOnly, PageRequest page) {
        if (caller.organizationId() == null) {
            return new Page<>(List.of(), page.page, page.size, 0);
        }
        SqlFilter where = filter(caller);
        if (unreadOnly) {
            where.where(UNREAD);
        }
        // The inbox keeps a notification while its offer is visible; its link to the match only
        // while the caller may open the match, so it never leads to a "not found" (a ministry's
        // once the manufacturer unpublishes the profile). The match rule's other parts (the
        // offer, the caller's side) already hold for every notification listed.
        SqlFilter profileVisible = ProfileService.visibleTo(caller);
        where.parametersOf(profileVisible);
        SqlFilter.CountedPage found = where.countedPage(em, "SELECT n.id, n.kind, n.event, n.offer_id, t.title, n.profile_id, p.legal_name,"
                + " CASE WHEN " + profileVisible.expression() + " THEN m.id END AS match_id, n.created_at, NOT (" + UNREAD + ") AS read", FROM
                + " JOIN manufacturer_profile p ON p.id = n.profile_id"
                + " LEFT JOIN match_result m ON m.offer_id = n.offer_id AND m.profile_id = n.profile_id", " ORDER BY n.id DESC", page);
        return new Page<>(found.rows().stream().map(NotificationService::view).toList(), page.page, page.size, found.total());
    }

    /** The header badge: one count over the organization's inbox index. */
    @Override
    public long unread(Caller caller) {
        if (caller.organizationId() == null || caller.subject() == null) {
            return 0;
        }
        return filter(caller).where(UNREAD).count(em, FROM);
    }

    @Transactional
    public void markRead(long id, Caller caller) {
        if (caller.organizationId() == null || filter(caller).where("n.id = :id", "id", id).count(em, FROM) == 0) {
            throw ProblemException.notFound(Missing.NOTIFICATION, id);
        }
        em.createNativeQuery("INSERT INTO notification_read (subject, notification_id) VALUES (:subject, :id)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("subject", caller.subject()).setParameter("id", id).executeUpdate();
    }

    /** Moves the read mark to the newest notification, so reading everything costs one row. */
    @Transactional
    public void markAllRead(Caller caller) {
        if (caller.organizationId() == null) {
            return;
        }
        ensurePreferences(caller);
        long newest = ((Number) em.createNativeQuery("SELECT coalesce(max(id), 0) FROM notification WHERE organization_id = :org")
                .setParameter("org", caller.organizationId()).getSingleResult()).longValue();
        em.createNativeQuery("UPDATE notification_preference SET read_up_to = greatest(read_up_to, :newest), updated_at = now()"
                        + " WHERE subject = :subject")
                .setParameter("newest", newest).setParameter("subject", caller.subject()).executeUpdate();
        em.createNativeQuery("DELETE FROM notification_read WHERE subject = :subject AND notification_id <= :newest")
                .setParameter("subject", caller.subject()).setParameter("newest", newest).executeUpdate();
    }

    public Preferences preferences(Caller caller) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT mute_new_match, mute_interest, mute_decision, email_enabled,"
                        + " email IS NOT NULL FROM notification_preference WHERE subject = :subject")
                .setParameter("subject", caller.subject()).getResultList();
        if (rows.isEmpty()) {
            return new Preferences(EnumSet.noneOf(NotificationKind.class), true, false);
        }
        Object[] r = rows.get(0);
        Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
        if (Boolean.TRUE.equals(r[0])) {
            muted.add(NotificationKind.NEW_MATCH);
        }
        if (Boolean.TRUE.equals(r[1])) {
            muted.add(NotificationKind.INTEREST);
        }
        if (Boolean.TRUE.equals(r[2])) {
            muted.add(NotificationKind.DECISION);
        }
        return new Preferences(muted, Boolean.TRUE.equals(r[3]), Boolean.TRUE.equals(r[4]));
    }

    /** Unknown kinds are refused (400 naming mutedKinds), so a typo never silently mutes nothing. */
    @Transactional
    public Preferences updatePreferences(Caller caller, List<String> mutedKinds, boolean emailEnabled) {
        Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
        for (String kind : mutedKinds == null ? List.<String>of() : mutedKinds) {
            NotificationKind parsed = Enums.parse("mutedKinds", kind, NotificationKind.class);
            if (parsed == null) {
                throw ProblemException.invalid("mutedKinds", ViolationMessages::blank_values);
            }
            muted.add(parsed);
        }
        ensurePreferences(caller);
        em.createNativeQuery("UPDATE notification_preference SET mute_new_match = :newMatch, mute_interest = :interest,"
                        + " mute_decision = :decision, email_enabled = :email, updated_at = now() WHERE subject = :subject")
                .setParameter("newMatch", muted.contains(NotificationKind.NEW_MATCH))
                .setParameter("interest", muted.contains(NotificationKind.INTEREST))
                .setParameter("decision", muted.contains(NotificationKind.DECISION))
                .setParameter("email", emailEnabled).setParameter("subject", caller.subject()).executeUpdate();
        return preferences(caller);
    }

    /**
     * A revoked member's address leaves its organization's mail for good: remembering it again
     * (a request with a token issued before the revocation) changes nothing.
     */
    void onRevoked(@Observes MemberRevoked revoked) {
        em.createNativeQuery("INSERT INTO notification_preference (subject, revoked) VALUES (:subject, true)"
                        + " ON CONFLICT (subject) DO UPDATE SET organization_id = NULL, revoked = true, updated_at = now()")
                .setParameter("subject", revoked.subject()).executeUpdate();
    }

    /** A browser sign-in: the organization named by the token's org claim and the account's e-mail. */
    @Transactional
    public void rememberSignIn(String subject, String organizationCode, String email) {
        @SuppressWarnings("unchecked")
        List<Number> organization = organizationCode == null ? List.of()
                : em.createNativeQuery("SELECT id FROM organization WHERE code = :code")
                        .setParameter("code", organizationCode).getResultList();
        remember(new Caller(subject, subject, Set.of(), organization.isEmpty() ? null : organization.get(0).longValue(),
                organizationCode, null, ua.kuznia.taxonomy.Classification.UNCLASSIFIED), email, null);
    }

    /**
     * Keeps the user's organization, e-mail address (the token's email claim) and language, so
     * that notifications can be mailed while the user is not signed in. A null e-mail or language
     * keeps the one known; the row is rewritten only when something changed.
     */
    @Transactional
    public void remember(Caller caller, String email, Locale locale) {
        if (caller.subject() == null) {
            return;
        }
        String address = email == null || email.isBlank() ? null : email.strip();
        String language = locale == null ? null : locale.getLanguage();
        em.createNativeQuery("INSERT INTO notification_preference (subject, organization_id, email, locale)"
                        + " VALUES (:subject, :org, CAST(:email AS text), coalesce(CAST(:locale AS text), 'en'))"
                        + " ON CONFLICT (subject) DO UPDATE SET organization_id = EXCLUDED.organization_id,"
                        + " email = coalesce(CAST(:email AS text), notification_preference.email),"
                        + " locale = coalesce(CAST(:locale AS text), notification_preference.locale), updated_at = now()"
                        + " WHERE NOT notification_preference.revoked AND (notification_preference.organization_id IS DISTINCT FROM EXCLUDED.organization_id"
                        + " OR notification_preference.email IS DISTINCT FROM coalesce(CAST(:email AS text), notification_preference.email)"
                        + " OR notification_preference.locale IS DISTINCT FROM coalesce(CAST(:locale AS text), notification_preference.locale))")
                .setParameter("subject", caller.subject()).setParameter("org", caller.organizationId())
                .setParameter("email", address).setParameter("locale", language).executeUpdate();
    }

    private void ensurePreferences(Caller caller) {
        em.createNativeQuery("INSERT INTO notification_preference (subject, organization_id) VALUES (:subject, :org)"
                        + " ON CONFLICT (subject) DO NOTHING")
                .setParameter("subject", caller.subject()).setParameter("org", caller.organizationId()).executeUpdate();
    }

    private static SqlFilter filter(Caller caller) {
        return OfferService.visibleTo(caller).where("n.organization_id = :org", "org", caller.organizationId())
                .where(NOT_MUTED).param("subject", caller.subject());
    }

    private static NotificationView view(Object[] r) {
        return new NotificationView(((Number) r[0]).longValue(), NotificationKind.valueOf((String) r[1]), (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4], ((Number) r[5]).longValue(), (String) r[6],
                r[7] == null ? null : ((Number) r[7]).longValue(),
                r[8] instanceof OffsetDateTime t ? t.toInstant() : (Instant) r[8], Boolean.TRUE.equals(r[9]));
    }
}
