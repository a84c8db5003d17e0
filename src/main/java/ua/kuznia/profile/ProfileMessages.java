package ua.kuznia.profile;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the manufacturer's profile pages; Ukrainian in messages/profile_msg_uk.properties. */
@MessageBundle(value = "profile_msg", locale = "en")
public interface ProfileMessages {

    @Message("My profile")
    String title();

    @Message("Overview")
    String overview();

    @Message("Profile completeness")
    String completeness();

    @Message("New matches")
    String new_matches();

    @Message("All {count} matched offers")
    String all_matches(long count);

    @Message("Status")
    String status();

    @Message("Published")
    String status_published();

    @Message("Draft (not published)")
    String status_draft();

    @Message("Publish")
    String publish();

    @Message("Unpublish")
    String unpublish();

    @Message("Ministries can find your profile and see it among their candidates.")
    String published_hint();

    @Message("Only your organization and coordinators see a draft; publish it so ministries can find you.")
    String draft_hint();

    @Message("Your organization has no capability profile yet. Fill in the form below to create it.")
    String none_yet();

    @Message("Edit the profile")
    String edit();

    @Message("Create the profile")
    String create();

    @Message("Legal name")
    String legal_name();

    @Message("EDRPOU code")
    String edrpou();

    @Message("8 digits, the last one a check digit.")
    String edrpou_hint();

    @Message("Oblast")
    String oblast();

    @Message("— choose —")
    String choose();

    @Message("Employees")
    String employees();

    @Message("Description")
    String description();

    @Message("Capabilities")
    String capabilities();

    @Message("One row per product line: area, readiness (TRL 1–9, MRL 1–10) and monthly capacity. Empty rows are ignored.")
    String capabilities_hint();

    @Message("Capability")
    String capability();

    @Message("Area")
    String area();

    @Message("TRL")
    String trl();

    @Message("MRL")
    String mrl();

    @Message("Monthly capacity")
    String capacity();

    @Message("Unit")
    String unit();

    @Message("Notes")
    String notes();

    @Message("Add a capability")
    String add_row();

    @Message("Remove this capability")
    String remove_row();

    @Message("Certifications")
    String certifications();

    @Message("Security clearance")
    String clearance();

    @Message("Areas you want to grow into")
    String seeking_areas();

    @Message("Kinds of transfer you seek")
    String seeking_transfer();
}
