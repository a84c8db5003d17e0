package ua.kuznia.offer;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.taxonomy.TransferType;

/** A transfer offer as the API reads and writes it. Field names are part of the public contract. */
public record OfferView(
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Long id,
        Long organizationId,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String organizationName,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String country,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 20_000) String description,
        @NotEmpty(message = "{kuznia.validation.areas}") @Size(max = 20) List<@NotBlank String> areas,
        @NotNull TransferType transferType,
        @NotNull @Min(1) @Max(9) Integer minTrl,
        @NotNull @Min(1) @Max(10) Integer minMrl,
        @PositiveOrZero @DecimalMax(value = "1e12", message = "{kuznia.validation.at_most}") Double minMonthlyCapacity,
        @Size(max = 20) List<@NotBlank String> requiredCertifications,
        @NotNull Classification requiredClearance,
        @NotNull Classification classification,
        @Min(1) @Max(4) Integer maxRiskTier,
        @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal budgetEur,
        @Size(max = 200) String fundingInstrument,
        @PositiveOrZero @DecimalMax(value = "1e13", message = "{kuznia.validation.at_most}") Double targetVolume,
        @Size(max = 60) String targetVolumeUnit,
        @Min(0) @Max(100) Integer localizationTargetPercent,
        @Valid ExportControl exportControl,
        LocalDate opensAt,
        LocalDate closesAt,
        OfferStatus status,
        Long version,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Instant createdAt,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Instant updatedAt) {

    /** What the platform records about export control; it grants nothing. */
    public record ExportControl(
            @Size(max = 22) List<@NotNull @Pattern(regexp = "^ML([1-9]|1[0-9]|2[0-2])$", message = "{kuznia.validation.ml_code}") String> mlCodes,
            Boolean licenceRequired) {
    }
}
