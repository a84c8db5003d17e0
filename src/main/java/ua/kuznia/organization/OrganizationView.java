package ua.kuznia.organization;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import ua.kuznia.taxonomy.Classification;

/** An organization as the API reads and writes it; id, version and timestamps are read-only except version on update. */
public record OrganizationView(
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Long id,
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$", message = "{kuznia.validation.organization_code}") String code,
        @NotNull OrganizationKind kind,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "{kuznia.validation.country}") String country,
        Classification clearance,
        Long version,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Instant createdAt,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Instant updatedAt) {

    static OrganizationView of(Organization o) {
        return new OrganizationView(o.id, o.code, o.kind, o.name, o.country, o.clearance, o.version, o.createdAt, o.updatedAt);
    }
}
