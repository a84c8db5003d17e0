package ua.kuznia.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.taxonomy.TransferType;

/**
 * A manufacturer's capability profile as the API reads and writes it. Field names are part of
 * the public contract. id, organizationCode, country and timestamps are read-only.
 */
public record ManufacturerView(
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Long id,
        Long organizationId,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String organizationCode,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String country,
        @NotBlank @Size(max = 300) String legalName,
        @NotBlank @Pattern(regexp = "^[0-9]{8}$", message = "{kuznia.validation.edrpou}") String edrpou,
        @NotBlank String oblast,
        @PositiveOrZero @Max(value = 2_000_000, message = "{kuznia.validation.at_most}") Integer employees,
        @Size(max = 10_000) String description,
        @NotNull @Size(max = 50, message = "{kuznia.validation.capabilities}") List<@NotNull @Valid Capability> capabilities,
        @Size(max = 20) List<@NotBlank String> certifications,
        @NotNull Classification clearance,
        @Valid Seeking seeking,
        ProfileStatus status,
        Long version,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Instant createdAt,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Instant updatedAt) {

    /** One capability row: what, how ready, how much per month. */
    public record Capability(
            @NotBlank String area,
            @NotNull @Min(1) @Max(9) Integer trl,
            @NotNull @Min(1) @Max(10) Integer mrl,
            @NotNull @PositiveOrZero @DecimalMax(value = "1e12", message = "{kuznia.validation.at_most}") Double monthlyCapacity,
            @Size(max = 60) String capacityUnit,
            @Size(max = 2_000) String notes) {
    }

    /** What the manufacturer is looking for: areas to grow into and kinds of transfer. */
    public record Seeking(@Size(max = 40) List<@NotBlank String> areas,
                          @Size(max = 20) List<@NotNull TransferType> transferTypes) {
    }
}
