package ua.kuznia.aid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;

@Path("/api/v1/aid/effectiveness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aid audit")
public class AidEffectivenessResource {

    /**
     * @param overrides rule-set keys ("TRANSFER_TYPE" or "TRANSFER_TYPE|area.code") with the
     *                  coordinator's own value in [0, 1], replacing or adding to the audit's
     * @param note      appended to the note the rule-set version records
     */
    public record ApplyRequest(Map<String, Double> overrides, @Size(max = 2000) String note) {
    }

    @Inject
    EffectivenessFeed feed;

    @Inject
    CallerService callers;

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Effectiveness per support model and area from the aid records, as the matcher's supportEffectiveness map",
            description = "Keys are TRANSFER_TYPE or TRANSFER_TYPE|area.code; the response also carries the formula, the"
                    + " support model to transfer type mapping and what the figures rest on.")
    public EffectivenessFeed.Feed get() {
        return feed.feed();
    }

    @POST
    @Path("/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Save a rule-set version whose supportEffectiveness is the audit's (with optional overrides) and re-match")
    public EffectivenessFeed.Applied apply(@Valid ApplyRequest body) {
        return feed.apply(body == null ? null : body.overrides(), body == null ? null : body.note(), callers.current());
    }
}
