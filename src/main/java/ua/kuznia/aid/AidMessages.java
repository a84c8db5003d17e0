package ua.kuznia.aid;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the aid audit pages in English; Ukrainian in {@code messages/aid_msg_uk.properties}. */
@MessageBundle(value = "aid_msg", locale = "en")
public interface AidMessages {

    @Message("Which support models worked best, from the Kiel Institute's Ukraine Support Tracker and the platform's own aid records.")
    String intro();

    @Message("Import Kiel Ukraine Support Tracker files")
    String kiel_upload();

    @Message("CSV files of one release (data_explorer.csv, procurement_trends.csv, weapons.csv, total_allocations.csv, release_info.csv)")
    String kiel_files();

    @Message("Release (only when release_info.csv is not among the files)")
    String kiel_release();

    @Message("Import")
    String import_button();

    @Message("Import aid records")
    String records_upload();

    @Message("CSV file in the aid-record format")
    String records_file();

    @Message("Nothing was imported. Problems, by line and column:")
    String import_refused();

    @Message("Where")
    String col_where();

    @Message("Problem")
    String col_problem();

    @Message("Release {release} imported.")
    String kiel_imported(String release);

    @Message("{count} aid records imported.")
    String records_imported(int count);

    @Message("Kiel release")
    String release();

    @Message("No Kiel release has been imported yet.")
    String no_release();

    @Message("Data table")
    String data_table();

    @Message("Total aid by donor (EUR bn, top {count})")
    String chart_donors(int count);

    @Message("Aid by year and type (EUR bn)")
    String chart_years();

    @Message("Military aid from stocks versus procurement (EUR bn)")
    String chart_stocks();

    @Message("Heavy weapons by category (pieces)")
    String chart_weapons_category();

    @Message("Heavy weapons by donor (pieces, top {count})")
    String chart_weapons_donor(int count);

    @Message("Delivery ratio per support model")
    String chart_delivery();

    @Message("Share of committed value per year and support model")
    String chart_share();

    @Message("Cost per delivered unit")
    String cost_per_unit();

    @Message("What worked best, per capability area")
    String what_worked_best();

    @Message("Donor")
    String col_donor();

    @Message("Year")
    String col_year();

    @Message("Total")
    String col_total();

    @Message("Financial")
    String col_financial();

    @Message("Humanitarian")
    String col_humanitarian();

    @Message("Military")
    String col_military();

    @Message("From stocks")
    String col_stockpile();

    @Message("Procurement")
    String col_procurement();

    @Message("Share from stocks")
    String col_stock_share();

    @Message("Category")
    String col_category();

    @Message("Pieces")
    String col_pieces();

    @Message("Value (EUR)")
    String col_value_eur();

    @Message("Support model")
    String col_model();

    @Message("Records")
    String col_records();

    @Message("Committed (EUR)")
    String col_committed();

    @Message("Delivered (EUR)")
    String col_delivered();

    @Message("Delivery ratio")
    String col_ratio();

    @Message("Median lead time (days)")
    String col_lead();

    @Message("Effectiveness")
    String col_effectiveness();

    @Message("Capability area")
    String col_area();

    @Message("Unit")
    String col_unit();

    @Message("Quantity delivered")
    String col_quantity();

    @Message("EUR per unit")
    String col_eur_per_unit();

    @Message("Rank")
    String col_rank();

    @Message("Share")
    String col_share();

    @Message("No aid records yet.")
    String no_records();

    @Message("Effectiveness fed to the matcher")
    String effectiveness();

    @Message("Rule-set key")
    String col_key();

    @Message("From the audit")
    String col_audit();

    @Message("Override (0–1, empty keeps the audit's)")
    String col_override();

    @Message("Override for {key}")
    String override_of(String key);

    @Message("Another key (TRANSFER_TYPE or TRANSFER_TYPE|area)")
    String extra_key();

    @Message("Its value")
    String extra_value();

    @Message("Note")
    String note();

    @Message("Apply to the matcher (new rule-set version)")
    String apply();

    @Message("Rule set version {version} now uses the audit figures; a full re-match is running.")
    String applied(int version);

    @Message("The audit is read-only for auditors.")
    String read_only();

    @Message("Imported releases")
    String releases();

    @Message("File")
    String col_file();

    @Message("Rows")
    String col_rows();

    @Message("Imported by")
    String col_imported_by();

    @Message("Enter one aid record")
    String new_record();

    @Message("Every field is checked as the API checks it; nothing is stored until all of them are right.")
    String new_record_intro();

    @Message("Donor country (ISO 3166-1 alpha-2 code, e.g. DK; EU for the EU institutions)")
    String f_donor_country();

    @Message("Figures known as of")
    String f_as_of_date();

    @Message("Commitment date")
    String f_commitment_date();

    @Message("Committed value (EUR)")
    String f_committed_value();

    @Message("Delivered value (EUR; 0 when nothing has arrived yet)")
    String f_delivered_value();

    @Message("Committed quantity")
    String f_committed_quantity();

    @Message("Delivered quantity")
    String f_delivered_quantity();

    @Message("Unit of the quantities (e.g. rounds, vehicles)")
    String f_quantity_unit();

    @Message("First delivery date")
    String f_first_delivery();

    @Message("Last delivery date")
    String f_last_delivery();

    @Message("Source (publication, document or link)")
    String f_source();

    @Message("Notes")
    String f_notes();

    @Message("— choose —")
    String choose();

    @Message("Save aid record")
    String save_record();

    @Message("Aid record {id} saved.")
    String record_saved(Long id);

    @Message("Compare Kiel releases")
    String compare();

    @Message("Total aid by donor in two releases side by side. Each column is the donor report of its release, the same figures as that release's charts and GET /api/v1/aid/reports/totals?by=donor.")
    String compare_intro();

    @Message("Release A (earlier)")
    String release_a();

    @Message("Release B (later)")
    String release_b();

    @Message("Compare")
    String compare_button();

    @Message("Total in release {release} (EUR bn)")
    String col_total_in(String release);

    @Message("Change B − A (EUR bn)")
    String col_difference();

    @Message("not in this release")
    String not_listed();

    @Message("Release {a} or {b} has no data_explorer.csv to compare.")
    String compare_missing(String a, String b);

    @Message("""
            {#when model}\
            {#is STOCK_DONATION}Donations from stocks\
            {#is INDUSTRY_PROCUREMENT}Procurement from industry\
            {#is DIRECT_FINANCING}Direct financing (Danish model)\
            {#is JOINT_VENTURE}Joint ventures\
            {#is LICENSED_PRODUCTION}Licensed production\
            {#is CAPABILITY_COALITION}Capability coalitions\
            {#is TRAINING}Training\
            {#else}{model}\
            {/when}""")
    String model(SupportModel model);
}
