package ua.kuznia.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Messages of field-level violations found by services and pages (bean-validation messages are in
 * ValidationMessages.properties). The English texts are what the API answers with, so they must
 * not change; Ukrainian in {@code messages/violation_msg_uk.properties}, shown on Ukrainian pages.
 */
@MessageBundle(value = "violation_msg", locale = "en")
public interface ViolationMessages {

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

    @Message("is already registered by profile {profile}")
    String edrpou_taken(long profile);

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
}
