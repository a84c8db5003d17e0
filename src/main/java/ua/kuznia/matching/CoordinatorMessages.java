package ua.kuznia.matching;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the rule-set and gap pages in English; Ukrainian in {@code messages/coord_msg_uk.properties}. */
@MessageBundle(value = "coord_msg", locale = "en")
public interface CoordinatorMessages {

    @Message("Per capability area: what Ukrainian manufacturers can make, what allies offer, and which partnerships exist. Priority areas without an approved partnership are marked.")
    String gaps_intro();

    @Message("Only priority areas")
    String gaps_priority_only();

    @Message("Show")
    String show();

    @Message("Capability area")
    String col_area();

    @Message("Priority")
    String col_priority();

    @Message("Manufacturers")
    String col_manufacturers();

    @Message("Ukrainian capacity per month")
    String col_capacity();

    @Message("Open offers")
    String col_open_offers();

    @Message("Suggested partnerships")
    String col_suggested();

    @Message("Approved partnerships")
    String col_approved();

    @Message("Gap")
    String col_gap();

    @Message("No partner yet")
    String no_partner();

    @Message("{count} priority areas have no partner yet.")
    String gaps_summary(long count);

    @Message("Capacities are summed as the manufacturers declare them; units differ between capabilities.")
    String capacity_note();

    @Message("Version {version} by {by}, {when}")
    String ruleset_current(int version, String by, String when);

    @Message("Change the weights, the minimum score, the number of suggestions per offer and the area priorities. Preview shows how the suggestions would change; nothing is saved until you confirm.")
    String ruleset_intro();

    @Message("Soft-rule weights")
    String weights();

    @Message("Rule")
    String col_rule();

    @Message("Weight (0–100)")
    String col_weight();

    @Message("Weight of {rule}")
    String weight_of(String rule);

    @Message("Minimum score (0–100)")
    String min_score();

    @Message("Suggestions per offer (K, 1–1000)")
    String top_k();

    @Message("Area priorities")
    String priorities();

    @Message("0 to 1; leave empty for no priority.")
    String priorities_hint();

    @Message("Priority of {area}")
    String priority_of(String area);

    @Message("Note")
    String note();

    @Message("Why this change (kept with the version)")
    String note_hint();

    @Message("Preview")
    String preview();

    @Message("Preview of the proposed rule set")
    String preview_title();

    @Message("Suggestions now")
    String suggestions_now();

    @Message("Suggestions after")
    String suggestions_after();

    @Message("Would appear")
    String appear();

    @Message("Would disappear")
    String disappear();

    @Message("Would move in rank")
    String move();

    @Message("Confirm and save as version {version}")
    String confirm(int version);

    @Message("Edit again")
    String edit_again();

    @Message("Rule set version {version} saved; a full re-match is running (job {job}).")
    String saved(int version, long job);

    @Message("You can read the rule set; changes are made by coordinators.")
    String read_only();

    @Message("Examples that would appear")
    String sample_appearing();

    @Message("Examples that would disappear")
    String sample_disappearing();

    @Message("Offer {offer}, manufacturer profile {profile}, score {score}")
    String sample(long offer, long profile, String score);
}
