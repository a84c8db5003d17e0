package ua.kuznia.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Messages of problems found by services and pages: field-level violations, the places in an
 * uploaded file they point at, and the details of problems that name no field (bean-validation
 * messages are in ValidationMessages.properties). The English texts are what the API answers with,
 * so they must not change; Ukrainian in {@code messages/violation_msg_uk.properties}, shown on
 * Ukrainian pages.
 */
@MessageBundle(value = "violation_msg", locale = "en")
public interface ViolationMessages {

    /** The language of this bundle, so that a text rendered elsewhere (bean validation) can follow it. */
    @Message("en")
    String language();

    @Message("is required")
    String required();

    @Message("must be a whole number")
    String whole_number();

    @Message("must be a number")
    String number();

    @Message("must be between {min} and {max}")
    String between(int min, int max);

    @Message("must be a number between {min} and {max}")
    String number_between(int min, int max);

    @Message("size must be between {min} and {max}")
    String size_between(int min, int max);

    @Message("unknown value '{value}'")
    String unknown_value(String value);

    @Message("unknown value '{value}'; allowed values: {allowed}")
    String unknown_value_of(String value, String allowed);

    @Message("unknown code '{code}'; valid codes are listed at {list}")
    String unknown_code(String code, String list);

    @Message("is required on update (optimistic locking): send the version you read")
    String version_required();

    @Message("must be a two-letter ISO 3166-1 code")
    String country_two_letters();

    @Message("must be an ISO 3166-1 alpha-2 code such as DE")
    String country_code();

    @Message("unknown level '{level}'")
    String unknown_level(String level);

    @Message("unknown transfer type '{code}'")
    String unknown_transfer_type(String code);

    @Message("check digit does not match: '{code}' is not a valid EDRPOU code")
    String edrpou_check_digit(String code);

    @Message("is already registered by another profile")
    String edrpou_taken();

    @Message("is above the clearance vetted for your organization ({clearance})")
    String above_vetted_clearance(String clearance);

    @Message("is above your organization's clearance ({clearance}); you could not see the offer yourself")
    String above_clearance(String clearance);

    @Message("must not be before opensAt")
    String closes_before_opens();

    @Message("choose one of the decisions")
    String choose_decision();

    @Message("select at least one match")
    String select_match();

    @Message("select at least one match to export")
    String select_match_to_export();

    @Message("is required for reject")
    String required_to_reject();

    @Message("is required for hold")
    String required_to_hold();

    @Message("is required for decline")
    String required_to_decline();

    @Message("is required for withdraw")
    String required_to_withdraw();

    @Message("unknown soft rule; known rules: {rules}")
    String unknown_soft_rule(String rules);

    @Message("unknown area; valid codes are listed at {list}")
    String unknown_area(String list);

    @Message("keys are TRANSFER_TYPE or TRANSFER_TYPE|area.code with codes from /api/v1/taxonomy")
    String effectiveness_key();

    @Message("is required with a value")
    String required_with_value();

    @Message("choose a CSV file")
    String choose_csv();

    @Message("'{code}' is not an ISO 3166-1 alpha-2 country code")
    String not_a_country(String code);

    @Message("is required with a quantity (e.g. rounds, vehicles, systems)")
    String unit_required();

    @Message("must not be before commitmentDate")
    String before_commitment();

    @Message("needs firstDeliveryDate")
    String needs_first_delivery();

    @Message("must not be before firstDeliveryDate")
    String before_first_delivery();

    @Message("must not be in the future")
    String in_future();

    @Message("must not be after asOfDate")
    String after_as_of();

    // Uploaded CSV files: places in a file, then what is wrong there.

    @Message("{file}, line {line}")
    String place_file_line(String file, int line);

    @Message("{file}, line {line}, column {column}")
    String place_file_line_column(String file, int line, String column);

    @Message("line {line}")
    String place_line(int line);

    @Message("line {line}, column {column}")
    String place_line_column(int line, String column);

    @Message("file")
    String place_file();

    @Message("header")
    String place_header();

    @Message("release")
    String place_release();

    @Message("is not UTF-8 text; save it as CSV UTF-8")
    String csv_not_utf8();

    @Message("contains a NUL character (U+0000); this is not a CSV text file")
    String csv_nul();

    @Message("a quoted field opened on this line is never closed")
    String csv_unclosed_quote();

    @Message("unexpected text after a closing quote; a quote inside a quoted field must be doubled (\"\")")
    String csv_text_after_quote();

    @Message("a quote inside an unquoted field; quote the whole field and double the inner quote (\"\")")
    String csv_quote_in_field();

    @Message("is empty; the first line must name the columns")
    String csv_empty();

    @Message("names column '{column}' twice")
    String csv_column_twice(String column);

    @Message("has {fields} fields but the header has {header}")
    String csv_field_count(int fields, int header);

    @Message("send one or more CSV files as multipart parts named 'file' ({files})")
    String kiel_no_files(String files);

    @Message("is a second {kind} in the upload (the first is {first}); send one file of each kind")
    String kiel_second_file(String kind, String first);

    @Message("must have exactly one row after the header; it has {rows}")
    String kiel_one_release_row(int rows);

    @Message("the form names release '{release}' but {file} says '{inFile}'")
    String kiel_release_mismatch(String release, String file, String inFile);

    @Message("is required: upload release_info.csv with the data files, or send a form field 'release' naming the release (e.g. 29)")
    String kiel_release_required();

    @Message("'{release}' is not a valid release label: 1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit")
    String kiel_release_label(String release);

    @Message("is not a Kiel Ukraine Support Tracker export Kuznia imports; expected one of {files} (recognised by name or by header)")
    String kiel_unknown_file(String files);

    @Message("lacks the required column '{column}' of {kind}; required columns: {required}")
    String kiel_missing_column(String column, String kind, String required);

    @Message("is {length} characters long; at most {max} are accepted")
    String too_long(int length, int max);

    @Message("'{value}' is not a month (1 to 12)")
    String not_a_month(String value);

    @Message("'{value}' must not be negative")
    String negative(String value);

    @Message("'{value}' is not a whole number")
    String not_whole_number(String value);

    @Message("'{value}' is out of range (at most {integerDigits} digits before and {fractionDigits} after the dot)")
    String out_of_range(String value, int integerDigits, int fractionDigits);

    @Message("'{value}' is not a number (use a dot for decimals)")
    String not_a_number(String value);

    @Message("'{value}' is not an ISO date such as {example}")
    String not_iso_date(String value, String example);

    @Message("unknown column '{column}'; the columns are {columns}")
    String records_unknown_column(String column, String columns);

    @Message("the required column '{column}' is missing")
    String records_missing_column(String column);

    @Message("'{value}' is not a number; write digits with a dot for decimals and no thousands separators")
    String records_not_a_number(String value);

    @Message("unknown support model '{value}'; allowed values: {allowed}")
    String unknown_support_model(String value, String allowed);

    @Message("has a header but no records")
    String records_none();

    @Message("This file was already imported on {at} by {by}; importing it again would count the same aid twice")
    String records_already_imported(String at, String by);

    // Details of problems that name no field, shown at the top of a page.

    @Message("Match was changed by someone else: you sent version {sent} but the current version is {current}; reload and apply your change again")
    String stale_match(long sent, long current);

    @Message("Offer was changed by someone else: you sent version {sent} but the current version is {current}; reload and apply your change again")
    String stale_offer(long sent, long current);

    @Message("Profile was changed by someone else: you sent version {sent} but the current version is {current}; reload and apply your change again")
    String stale_profile(long sent, long current);

    @Message("Organization was changed by someone else: you sent version {sent} but the current version is {current}; reload and apply your change again")
    String stale_organization(long sent, long current);

    @Message("The rule set was changed by someone else: you sent version {sent} but the current version is {current}; reload and apply your change again")
    String stale_rule_set(long sent, long current);

    @Message("The resource was changed concurrently by someone else; reload it and apply your change again")
    String stale_write();

    /** The codes of the action and the status in English, their names in the page's other languages. */
    @Message("{action} is not possible while the match is {status}")
    String invalid_transition(String action, String status);

    @Message("Only the manufacturer or the ministry of this match can express interest")
    String only_sides_interest();

    @Message("Only the manufacturer or the ministry of this match can decline it")
    String only_sides_decline();

    @Message("Only the ministry that posted the offer can withdraw the match")
    String only_ministry_withdraws();

    @Message("Only coordinators decide on matches")
    String only_coordinators_decide();

    @Message("{what} {id} does not exist")
    String not_found(String what, String id);

    @Message("Offer")
    String missing_offer();

    @Message("Manufacturer profile")
    String missing_profile();

    @Message("Match")
    String missing_match();

    @Message("Organization")
    String missing_organization();

    @Message("Aid record")
    String missing_aid_record();

    @Message("Kiel release")
    String missing_kiel_release();

    @Message("Matching job")
    String missing_matching_job();

    @Message("Member")
    String missing_member();

    @Message("Notification")
    String missing_notification();

    @Message("Only the ministry that posted the offer and coordinators see its candidates")
    String forbidden_candidates();

    @Message("Only the ministry that posted the offer and coordinators see its explanations")
    String forbidden_explanations();

    @Message("The form has expired or did not come from this site; reload the page and try again.")
    String forbidden_form_expired();

    @Message("Only members of the manufacturer organization that owns this profile may change it")
    String forbidden_profile_owner();

    @Message("Only the ministry that posted the offer and coordinators see its shortlist")
    String forbidden_shortlist_read();

    @Message("Only the ministry that posted the offer changes its shortlist")
    String forbidden_shortlist_change();

    @Message("Your role does not allow this operation")
    String forbidden_role();

    @Message("Only the ministry that posted the offer manages it")
    String forbidden_offer_manage();

    @Message("Only members of the ministry that posted this offer may change it")
    String forbidden_offer_owner();

    @Message("Sign-in is unavailable because the identity server cannot be reached. People already signed in can continue; please try again in a few minutes.")
    String sign_in_unavailable();

    @Message("The database is unavailable, so the request was not carried out; retry in a few seconds (reload before repeating a change)")
    String database_unavailable();

    @Message("The server could not complete the request")
    String server_error();

    @Message("A value in the request cannot be stored: a date or number outside the range the database holds, or a character text cannot hold (U+0000). Nothing was changed.")
    String value_not_storable();

    @Message("Write limit reached: at most {perMinute} writes a minute per user (bursts of up to {burst}); retry in {retry} s")
    String rate_limited(int perMinute, int burst, long retry);

    // Problems of API requests that the pages can also meet; the English stays what the API answered before.

    @Message("must not contain blank values")
    String blank_values();

    @Message("is required: the manufacturer organization this profile belongs to")
    String organization_required_manufacturer();

    @Message("is required: the ministry organization posting the offer")
    String organization_required_ministry();

    @Message("organization {id} does not exist")
    String organization_missing(String id);

    @Message("organization {id} is a {kind}; only MANUFACTURER organizations have a capability profile")
    String organization_not_manufacturer(long id, String kind);

    @Message("organization {id} is a {kind}; only MINISTRY organizations post transfer offers")
    String organization_not_ministry(long id, String kind);

    @Message("a profile cannot move to another organization")
    String profile_cannot_move();

    @Message("an offer cannot move to another organization")
    String offer_cannot_move();

    @Message("must be START_REVIEW, APPROVE, REJECT or HOLD")
    String decision_allowed();

    @Message("must be json or csv")
    String format_json_or_csv();

    @Message("send the CSV file as a multipart part named 'file'")
    String file_part_required();

    @Message("cannot change from {kind} once created")
    String kind_fixed(String kind);

    @Message("A user with e-mail {email} already exists in Keycloak")
    String user_exists(String email);

    @Message("Keycloak refused {email} as a user name (HTTP 400); use another address")
    String user_refused(String email);

    @Message("Organization {organization} already has profile {profile}; update it instead")
    String profile_exists(long organization, long profile);

    @Message("Organization {id} still has a profile or offers; archive or delete those first")
    String organization_in_use(long id);

    @Message("Match of offer {offer} and manufacturer {profile} does not exist")
    String pair_missing(long offer, long profile);

    @Message("Manufacturer profile of {organization} does not exist")
    String own_profile_missing(String organization);

    @Message("Kiel data from {file} (import a release first) does not exist")
    String kiel_data_missing(String file);
}
