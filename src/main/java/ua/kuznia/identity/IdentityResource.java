package ua.kuznia.identity;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.ProblemException;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Identity", description = "The caller and the audit trail")
public class IdentityResource {

    public record Me(String subject, String username, Set<String> roles, Long organizationId, String organizationCode,
                     String organizationKind, String clearance) {
    }

    @Inject
    CallerService callers;

    @Inject
    AuditService audit;

    @GET
    @Path("/me")
    @Operation(summary = "The caller: user, roles, organization and clearance")
    public Me me() {
        Caller c = callers.current();
        return new Me(c.subject(), c.username(), new TreeSet<>(c.roles()), c.organizationId(), c.organizationCode(),
                c.organizationKind() == null ? null : c.organizationKind().name(), c.clearance().name());
    }

    @GET
    @Path("/audit-trail")
    @RolesAllowed({Roles.AUDITOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Who changed what and when, newest first")
    public Page<AuditService.Entry> auditTrail(@Valid @BeanParam PageRequest page,
                                               @Parameter(description = "ORGANIZATION, PROFILE, OFFER, MATCH, ...") @QueryParam("entityType") @Size(max = 40) String entityType,
                                               @QueryParam("entityId") @Size(max = 40) String entityId,
                                               @Parameter(description = "Username") @QueryParam("user") @Size(max = 200) String user,
                                               @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
                                               @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("to") String to) {
        return audit.search(new AuditService.Query(entityType, entityId, user, instant("from", from), instant("to", to)), page,
                callers.current());
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
