package ua.kuznia.offer;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of a ministry's offer pages; Ukrainian in messages/offer_msg_uk.properties. */
@MessageBundle(value = "offer_msg", locale = "en")
public interface OfferMessages {

    @Message("New offer")
    String new_offer();

    @Message("Edit the offer")
    String edit_offer();

    @Message("Your ministry has posted no offers yet.")
    String no_offers();

    @Message("Title")
    String title();

    @Message("Description")
    String description();

    @Message("Capability areas")
    String areas();

    @Message("Status")
    String status();

    @Message("Actions")
    String actions();

    @Message("Edit")
    String edit();

    @Message("Candidates")
    String candidates();

    @Message("Open")
    String open();

    @Message("Close")
    String close();

    @Message("Draft")
    String status_draft();

    @Message("Open")
    String status_open();

    @Message("Closed")
    String status_closed();

    @Message("Withdrawn")
    String status_withdrawn();

    @Message("Kind of transfer")
    String transfer_type();

    @Message("Minimum TRL (1–9)")
    String min_trl();

    @Message("Minimum MRL (1–10)")
    String min_mrl();

    @Message("Minimum monthly capacity")
    String min_capacity();

    @Message("Required certifications")
    String certifications();

    @Message("Required security clearance")
    String required_clearance();

    @Message("Classification of the offer")
    String classification();

    @Message("Candidates for {title}")
    String candidates_title(String title);

    @Message("Ranked candidates ({total})")
    String ranked(long total);

    @Message("No manufacturer matches this offer yet.")
    String no_candidates();

    @Message("Rank")
    String rank();

    @Message("Manufacturer")
    String manufacturer();

    @Message("Score")
    String score();

    @Message("Explanation")
    String explanation();

    @Message("Shortlist")
    String mark();

    @Message("Remove from shortlist")
    String unmark();

    @Message("Express interest")
    String interest();

    @Message("Shortlist")
    String shortlist();

    @Message("No candidate is shortlisted yet.")
    String shortlist_empty();

    @Message("Download the shortlist as CSV")
    String shortlist_csv();

    @Message("Why not a particular manufacturer?")
    String why_not();

    @Message("Manufacturer name or EDRPOU code")
    String who();

    @Message("Only published profiles can be found.")
    String who_hint();

    @Message("Explain")
    String explain();

    @Message("No published manufacturer matches “{who}”.")
    String nobody_found(String who);

    @Message("Several manufacturers match; choose one:")
    String several_found();

    @Message("EDRPOU")
    String edrpou();
}
