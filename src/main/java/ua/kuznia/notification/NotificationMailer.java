package ua.kuznia.notification;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Mails new notifications to the members of each addressed organization whose e-mail address is
 * known (kept at sign-in), who have e-mail on and the kind not muted: one message per recipient
 * and batch, in the recipient's language. Runs after the commit on its own thread, so a slow or
 * failing SMTP server never delays or fails the request or the re-match that caused it.
 */
@ApplicationScoped
public class NotificationMailer {

    private static final Logger LOG = Logger.getLogger(NotificationMailer.class);

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance notifications(List<Item> items, String baseUrl, String preferencesUrl, String lang);
    }

    /** One line of a message. */
    public record Item(String text, Long matchId) {
    }

    private record Recipient(Locale locale, NotificationMessages messages, List<Item> items) {
    }

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kuznia.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Bounded: when SMTP is far behind, further batches are dropped (and counted in the log) rather than piling up. */
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "kuznia-notification-mail");
                t.setDaemon(true);
                return t;
            });

    void onCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsCreated created) {
        try {
            sender.execute(() -> send(created.ids()));
        } catch (RejectedExecutionException e) {
            LOG.warnf("Notification e-mail queue full: %d notifications not mailed", created.ids().size());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        sender.shutdownNow();
    }

    void send(List<Long> ids) {
        Map<String, Recipient> recipients;
        try {
            recipients = QuarkusTransaction.requiringNew().call(() -> recipients(ids));
        } catch (RuntimeException e) {
            LOG.warnf("Recipients of %d notifications could not be read (%s)", ids.size(), e.getClass().getSimpleName());
            return;
        }
        int failed = 0;
        for (Map.Entry<String, Recipient> recipient : recipients.entrySet()) {
            Locale locale = recipient.getValue().locale();
            List<Item> items = recipient.getValue().items();
            NotificationMessages messages = recipient.getValue().messages();
            try {
                Templates.notifications(items, publicUrl, publicUrl + "/ui/inbox/preferences", locale.getLanguage())
                        .setAttribute(TemplateInstance.LOCALE, locale)
                        .to(recipient.getKey())
                        .subject(items.size() == 1 ? messages.mail_subject_one(items.get(0).text())
                                : messages.mail_subject_many(items.size()))
                        .sendAndAwait();
            } catch (RuntimeException e) {
                // Addresses are personal data: the log names only how many and why.
                failed++;
                LOG.warnf("Notification e-mail not sent (%s)", e.getClass().getSimpleName());
            }
        }
        if (failed > 0) {
            LOG.warnf("%d of %d notification e-mails not sent", failed, recipients.size());
        }
    }

    private Map<String, Recipient> recipients(List<Long> ids) {
        @SuppressWarnings("unchecked")
        // The link to the match only where the recipient may open it, as in the inbox: a ministry
        // reads a match only while its profile is published, a manufacturer its own.
        List<Object[]> rows = em.createNativeQuery("SELECT pr.email, pr.locale, n.kind, n.event, t.title, p.legal_name,"
                        + " CASE WHEN p.status = 'PUBLISHED' OR p.organization_id = n.organization_id THEN m.id END"
                        + " FROM notification n JOIN transfer_offer t ON t.id = n.offer_id"
                        + " JOIN manufacturer_profile p ON p.id = n.profile_id"
                        + " LEFT JOIN match_result m ON m.offer_id = n.offer_id AND m.profile_id = n.profile_id"
                        + " JOIN notification_preference pr ON pr.organization_id = n.organization_id"
                        + " AND pr.email IS NOT NULL AND pr.email_enabled AND NOT pr.revoked"
                        // Need-to-know, as in the inbox: no offer above the organization's clearance (a
                        // manufacturer's capped at its vetted one) reaches its mail.
                        + " JOIN organization_clearance oc ON oc.organization_id = n.organization_id"
                        + " JOIN classification_level marked ON marked.code = t.classification"
                        + " WHERE n.id IN (:ids) AND marked.rank <= oc.rank"
                        + " AND NOT (n.kind = 'NEW_MATCH' AND pr.mute_new_match)"
                        + " AND NOT (n.kind = 'INTEREST' AND pr.mute_interest)"
                        + " AND NOT (n.kind = 'DECISION' AND pr.mute_decision)"
                        + " ORDER BY pr.email, n.id")
                .setParameter("ids", ids).getResultList();
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Recipient recipient = byAddress.computeIfAbsent((String) r[0], address -> {
                Locale locale = Locale.forLanguageTag((String) r[1]);
                return new Recipient(locale, NotificationTexts.messages(locale), new ArrayList<>());
            });
            recipient.items().add(new Item(NotificationTexts.text(recipient.messages(), (String) r[3], (String) r[4],
                    (String) r[5]), r[6] == null ? null : ((Number) r[6]).longValue()));
        }
        return byAddress;
    }
}
