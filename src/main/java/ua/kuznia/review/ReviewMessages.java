package ua.kuznia.review;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import ua.kuznia.matching.MatchStatus;

/** Texts of the review pages in English; Ukrainian in {@code messages/review_msg_uk.properties}. */
@MessageBundle(value = "review_msg", locale = "en")
public interface ReviewMessages {

    @Message("Matches someone acted on: mutual interest first, then matches under review, then by score.")
    String intro();

    @Message("Filters")
    String filters();

    @Message("Status")
    String filter_status();

    @Message("Any")
    String filter_any();

    @Message("Capability area")
    String filter_area();

    @Message("Ministry country")
    String filter_country();

    @Message("Two letters, e.g. DE")
    String filter_country_hint();

    @Message("Minimum score")
    String filter_min_score();

    @Message("Show")
    String filter_apply();

    @Message("{total} matches")
    String total(long total);

    @Message("Select all on this page")
    String select_all();

    @Message("Select match {id}")
    String select_one(long id);

    @Message("Match")
    String col_match();

    @Message("Offer")
    String col_offer();

    @Message("Manufacturer")
    String col_manufacturer();

    @Message("Country")
    String col_country();

    @Message("Score")
    String col_score();

    @Message("Status")
    String col_status();

    @Message("Note")
    String col_note();

    @Message("Open")
    String open();

    @Message("On hold")
    String on_hold();

    @Message("Selected matches")
    String bulk_legend();

    @Message("Decision")
    String decision();

    @Message("Note or reason")
    String note();

    @Message("Required to reject (the reason) and to put on hold.")
    String note_hint();

    @Message("Apply to selected")
    String bulk_apply();

    @Message("Export selected as CSV")
    String export_selected();

    @Message("Export this view as CSV")
    String export_view();

    @Message("You can read the queue; decisions are taken by coordinators.")
    String read_only();

    @Message("Match {id}")
    String match_title(long id);

    @Message("Rule-set version")
    String rule_set_version();

    @Message("Last decision")
    String last_decision();

    @Message("{by}, {when}")
    String decided_by(String by, String when);

    @Message("No decision is possible in this status.")
    String no_decision();

    @Message("Record decision")
    String submit();

    @Message("Back to the queue")
    String back_to_queue();

    @Message("Match {id} is now:")
    String done(long id);

    @Message("Bulk decision")
    String bulk_title();

    @Message("{ok} of {total} selected matches decided.")
    String bulk_summary(long ok, int total);

    @Message("Result")
    String col_result();

    @Message("Decided")
    String bulk_ok();

    @Message("Changed in the meantime (409)")
    String bulk_conflict();

    @Message("Not possible ({status})")
    String bulk_failed(int status);

    @Message("""
            {#when status}\
            {#is SUGGESTED}Suggested\
            {#is MANUFACTURER_INTEREST}Manufacturer interested\
            {#is MINISTRY_INTEREST}Ministry interested\
            {#is MUTUAL_INTEREST}Mutual interest\
            {#is UNDER_REVIEW}Under review\
            {#is APPROVED}Approved\
            {#is REJECTED}Rejected\
            {#is DECLINED}Declined\
            {#is STALE}Out of date\
            {#is WITHDRAWN}Withdrawn\
            {#else}{status}\
            {/when}""")
    String status(MatchStatus status);

    @Message("""
            {#when action}\
            {#is MANUFACTURER_INTEREST}Manufacturer interest\
            {#is MINISTRY_INTEREST}Ministry interest\
            {#is DECLINE}Decline\
            {#is START_REVIEW}Start review\
            {#is APPROVE}Approve\
            {#is REJECT}Reject\
            {#is HOLD}Put on hold\
            {#is WITHDRAW}Withdraw\
            {#else}{action}\
            {/when}""")
    String action(ReviewAction action);
}
