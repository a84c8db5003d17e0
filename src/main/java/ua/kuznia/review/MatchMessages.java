package ua.kuznia.review;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the match pages and of the explanation every role sees; Ukrainian in messages/match_msg_uk.properties. */
@MessageBundle(value = "match_msg", locale = "en")
public interface MatchMessages {

    @Message("Suggested")
    String status_suggested();

    @Message("Manufacturer interested")
    String status_manufacturer_interest();

    @Message("Ministry interested")
    String status_ministry_interest();

    @Message("Mutual interest")
    String status_mutual_interest();

    @Message("Under review")
    String status_under_review();

    @Message("Approved")
    String status_approved();

    @Message("Rejected")
    String status_rejected();

    @Message("Declined")
    String status_declined();

    @Message("Out of date")
    String status_stale();

    @Message("Withdrawn")
    String status_withdrawn();

    @Message("Explanation")
    String explanation();

    @Message("Score {score} of 100")
    String score(String score);

    @Message("rank {rank} among the candidates")
    String rank(Integer rank);

    @Message("Suggested by the matcher")
    String suggested();

    @Message("Passes every hard rule but is not among the suggestions")
    String eligible_not_suggested();

    @Message("Not eligible: {failed} hard rule(s) failed")
    String not_eligible(long failed);

    @Message("rule set version {version}")
    String ruleset(int version);

    @Message("Why it is not suggested")
    String why_not();

    @Message("Hard rules (all must pass)")
    String hard_rules();

    @Message("Soft rules (each adds to the score)")
    String soft_rules();

    @Message("Rule")
    String rule();

    @Message("Result")
    String result();

    @Message("Offer asks")
    String expected();

    @Message("Profile has")
    String actual();

    @Message("passed")
    String passed();

    @Message("failed")
    String failed();

    @Message("Value")
    String value();

    @Message("Weight")
    String weight();

    @Message("Points (of possible)")
    String contribution();

    @Message("Compared values")
    String basis();

    @Message("Total")
    String total();

    @Message("Points each soft rule adds to the score; the pale bar is what the rule could add at most.")
    String chart_caption();

    @Message("Your organization has no capability profile yet, so there are no matches.")
    String no_profile();

    @Message("Create the profile")
    String create_profile();

    @Message("No offer matches your profile yet. Complete and publish your profile to be matched.")
    String no_matches();

    @Message("{total} offers match your profile, best first.")
    String my_matches_intro(long total);

    @Message("Your rank")
    String rank_column();

    @Message("Offer")
    String offer();

    @Message("Manufacturer")
    String manufacturer();

    @Message("Score")
    String score_column();

    @Message("Status")
    String status();

    @Message("Note")
    String note();

    @Message("Explanation and answer")
    String open_match();

    @Message("Match: {offer}")
    String match_title(String offer);

    @Message("Your answer")
    String your_answer();

    @Message("Express interest")
    String express_interest();

    @Message("Reason for declining (required)")
    String decline_reason();

    @Message("Decline")
    String decline();

    @Message("Why this pair is or is not matched")
    String explain_title();

    @Message("EDRPOU")
    String edrpou();
}
