package ua.kuznia.notification;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;

/** The sentence that describes a notification, shared by the inbox page and the e-mails. */
final class NotificationTexts {

    private NotificationTexts() {
    }

    static NotificationMessages messages(Locale locale) {
        return "uk".equals(locale.getLanguage())
                ? MessageBundles.get(NotificationMessages.class, Localized.Literal.of("uk"))
                : MessageBundles.get(NotificationMessages.class);
    }

    static String text(NotificationMessages messages, String event, String offer, String manufacturer) {
        return switch (event) {
            case "SUGGESTED" -> messages.event_suggested(offer, manufacturer);
            case "MANUFACTURER_INTEREST" -> messages.event_manufacturer_interest(offer, manufacturer);
            case "MINISTRY_INTEREST" -> messages.event_ministry_interest(offer, manufacturer);
            case "APPROVE" -> messages.event_approve(offer, manufacturer);
            case "REJECT" -> messages.event_reject(offer, manufacturer);
            case "HOLD" -> messages.event_hold(offer, manufacturer);
            default -> offer + " · " + manufacturer;
        };
    }
}
