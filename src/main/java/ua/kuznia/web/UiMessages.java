package ua.kuznia.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the page frame and the words every page shares, in English; Ukrainian in
 * {@code messages/msg_uk.properties}. Each feature keeps its own page texts in its own bundle.
 */
@MessageBundle(value = "msg", locale = "en")
public interface UiMessages {

    @Message("Kuznia")
    String app_name();

    @Message("Defence-industry partnerships: Ukrainian manufacturers, allied technology-transfer offers, explained matches.")
    String app_tagline();

    /** The landing page's title: the layout adds the product's name after it. */
    @Message("Defence-industry partnerships")
    String landing_title();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Main navigation")
    String nav_label();

    @Message("Home")
    String nav_home();

    @Message("Search")
    String nav_search();

    @Message("My profile")
    String nav_profile();

    @Message("My matches")
    String nav_my_matches();

    @Message("My offers")
    String nav_my_offers();

    @Message("Review queue")
    String nav_review();

    @Message("Rule set")
    String nav_ruleset();

    @Message("Gaps")
    String nav_gaps();

    @Message("Aid audit")
    String nav_aid();

    @Message("Inbox")
    String nav_inbox();

    @Message("{count} unread")
    String unread(long count);

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Language")
    String language();

    @Message("English")
    String language_en();

    @Message("Українська")
    String language_uk();

    @Message("Switch")
    String switch_language();

    @Message("Save")
    String save();

    @Message("Cancel")
    String cancel();

    @Message("Back")
    String back();

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Page {page} of {pages}")
    String page_of(long page, long pages);

    @Message("Nothing here yet.")
    String empty();

    @Message("Please correct the fields marked below.")
    String form_has_errors();

    @Message("Saved.")
    String saved();

    @Message("Welcome, {name}")
    String welcome(String name);

    @Message("What would you like to do?")
    String home_prompt();

    @Message("Manufacturers publish what they can produce; allied ministries offer technology transfer; the matcher suggests partnerships and explains every suggestion; coordinators review them.")
    String landing_intro();

    @Message("For manufacturers")
    String landing_manufacturers();

    @Message("Publish a capability profile and see which allied offers fit it, and why.")
    String landing_manufacturers_text();

    @Message("For ministries")
    String landing_ministries();

    @Message("Post a technology-transfer offer and get ranked, explained candidates.")
    String landing_ministries_text();

    @Message("For coordinators")
    String landing_coordinators();

    @Message("Review suggested partnerships, tune the rules and see where priorities have no partner yet.")
    String landing_coordinators_text();

    @Message("Something went wrong")
    String error_title();

    @Message("Error {status}")
    String error_status(int status);

    @Message("The page you asked for does not exist, or you may not see it.")
    String error_404();

    @Message("You are not allowed to do this.")
    String error_403();

    @Message("Please sign in again.")
    String error_401();

    @Message("This changed in the meantime; reload the page to see the current state.")
    String error_409();

    @Message("The request could not be processed.")
    String error_400();

    @Message("The service is temporarily unavailable. Please try again in a moment.")
    String error_503();

    @Message("An unexpected error occurred. It has been logged; please try again.")
    String error_500();

    @Message("Go to the start page")
    String error_home();
}
