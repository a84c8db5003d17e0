package ua.kuznia.aid;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An aid record as the API reads and writes it; the CSV format (AID_RECORDS_FORMAT.md) has the
 * same fields in snake_case. Values are in EUR; a quantity is counted in {@code quantityUnit}.
 * Delivered figures are those known on {@code asOfDate}: 0 when nothing has arrived yet.
 */
public record AidRecordView(
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Long id,
        @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "{kuznia.validation.donor_country}") String donorCountry,
        @NotNull LocalDate asOfDate,
        @NotNull SupportModel supportModel,
        @NotBlank @Size(max = 200) String area,
        @NotNull LocalDate commitmentDate,
        @NotNull @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal committedValueEur,
        @NotNull @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal deliveredValueEur,
        @PositiveOrZero @Digits(integer = 15, fraction = 3) BigDecimal committedQuantity,
        @PositiveOrZero @Digits(integer = 15, fraction = 3) BigDecimal deliveredQuantity,
        @Size(max = 60) String quantityUnit,
        LocalDate firstDeliveryDate,
        LocalDate lastDeliveryDate,
        @NotBlank @Size(max = 500) String source,
        @Size(max = 4000) String notes,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String createdBy,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Instant createdAt) {
}
