package ua.kuznia.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the inbox, its preferences and the notification e-mails; Ukrainian in messages/notification_msg_uk.properties. */
@MessageBundle(value = "notification_msg", locale = "en")
public interface NotificationMessages {

    @Message("New match: {offer} and {manufacturer}")
    String event_suggested(String offer, String manufacturer);

    @Message("{manufacturer} is interested in your offer \"{offer}\"")
    String event_manufacturer_interest(String offer, String manufacturer);

    @Message("The ministry is interested in {manufacturer} for \"{offer}\"")
    String event_ministry_interest(String offer, String manufacturer);

    @Message("Approved: {manufacturer} for \"{offer}\"")
    String event_approve(String offer, String manufacturer);

    @Message("Rejected: {manufacturer} for \"{offer}\"")
    String event_reject(String offer, String manufacturer);

    @Message("On hold: {manufacturer} for \"{offer}\"")
    String event_hold(String offer, String manufacturer);

    @Message("Inbox")
    String inbox_title();

    @Message("Notifications about new matches, interest from the other side and coordinators' decisions, shared by everyone in your organization.")
    String inbox_intro();

    @Message("All")
    String filter_all();

    @Message("Unread only")
    String filter_unread();

    @Message("Show")
    String filter_label();

    @Message("Mark all read")
    String mark_all_read();

    @Message("Mark read")
    String mark_read();

    @Message("Unread")
    String unread();

    @Message("Open the match")
    String open_match();

    @Message("No notifications.")
    String empty();

    @Message("Previous page")
    String previous_page();

    @Message("Next page")
    String next_page();

    @Message("Page {page} of {pages}")
    String page_of(long page, long pages);

    @Message("Notification settings")
    String preferences_title();

    @Message("Muted kinds appear neither in your inbox nor in e-mails.")
    String preferences_intro();

    @Message("Mute")
    String mute_legend();

    @Message("New matches")
    String kind_new_match();

    @Message("Interest from the other side")
    String kind_interest();

    @Message("Coordinators' decisions")
    String kind_decision();

    @Message("E-mail")
    String email_legend();

    @Message("Send me e-mails about new notifications")
    String email_enabled();

    @Message("E-mails go to the address of your account, known since your last sign-in.")
    String email_address_known();

    @Message("Your e-mail address is not known yet; it is taken from your account when you sign in.")
    String email_address_unknown();

    @Message("Choose only among the kinds listed.")
    String muted_invalid();

    @Message("Save")
    String save();

    @Message("Saved.")
    String saved();

    @Message("Kuznia: {text}")
    String mail_subject_one(String text);

    @Message("Kuznia: {count} new notifications")
    String mail_subject_many(int count);

    @Message("Hello,")
    String mail_greeting();

    @Message("there is news for your organization on Kuznia:")
    String mail_intro();

    @Message("You receive this because e-mail notifications are on. Change this under Inbox, Notification settings: {url}")
    String mail_footer(String url);
}
