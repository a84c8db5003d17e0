package ua.kuznia.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ViolationMessages;

/**
 * The aid-record form as typed, one text per field of {@link AidRecordView} that the API accepts
 * (the same names, so a violation of the service lands next to its field), kept as typed so a
 * refused form shows what was entered.
 */
public record AidRecordForm(String donorCountry, String asOfDate, String supportModel, String area,
                            String commitmentDate, String committedValueEur, String deliveredValueEur,
                            String committedQuantity, String deliveredQuantity, String quantityUnit,
                            String firstDeliveryDate, String lastDeliveryDate, String source, String notes) {

    static AidRecordForm blank() {
        return new AidRecordForm("", LocalDate.now().toString(), "", "", "", "", "0", "", "", "", "", "", "", "");
    }

    /**
     * The record the form describes; a value that cannot be read is left null and its problem
     * added to {@code unreadable}, for the service to report with the record's other problems.
     */
    AidRecordView toView(List<Problem.Violation> unreadable) {
        return new AidRecordView(null, text(donorCountry), date(asOfDate, "asOfDate", unreadable),
                model(supportModel, unreadable), text(area), date(commitmentDate, "commitmentDate", unreadable),
                decimal(committedValueEur, "committedValueEur", unreadable),
                decimal(deliveredValueEur, "deliveredValueEur", unreadable),
                decimal(committedQuantity, "committedQuantity", unreadable),
                decimal(deliveredQuantity, "deliveredQuantity", unreadable), text(quantityUnit),
                date(firstDeliveryDate, "firstDeliveryDate", unreadable),
                date(lastDeliveryDate, "lastDeliveryDate", unreadable), text(source), text(notes), null, null);
    }

    private static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static LocalDate date(String raw, String field, List<Problem.Violation> unreadable) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            unreadable.add(new Problem.Violation(field, m -> m.not_iso_date(KielImportService.shown(value), "2024-06-30")));
            return null;
        }
    }

    /** Amounts as people type them: spaces between thousands and a decimal comma are accepted. */
    private static BigDecimal decimal(String raw, String field, List<Problem.Violation> unreadable) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            unreadable.add(new Problem.Violation(field, ViolationMessages::number));
            return null;
        }
    }

    private static SupportModel model(String raw, List<Problem.Violation> unreadable) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return SupportModel.valueOf(value);
        } catch (IllegalArgumentException e) {
            unreadable.add(new Problem.Violation("supportModel", m -> m.unknown_value(KielImportService.shown(value))));
            return null;
        }
    }
}
