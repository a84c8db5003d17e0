package ua.kuznia.profile;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.kuznia.common.Enums;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.ProblemException;
import ua.kuznia.identity.CallerService;
import ua.kuznia.matching.MatchQueryService;
import ua.kuznia.identity.Roles;

@Path("/api/v1/manufacturers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Manufacturers", description = "Capability profiles of Ukrainian defence manufacturers")
public class ManufacturerResource {

    @Inject
    ProfileService profiles;

    @Inject
    CallerService callers;

    @Inject
    MatchQueryService matches;

    @GET
    @Path("/{id}/matches")
    @Operation(summary = "Offers a manufacturer is matched with, best first")
    public Page<MatchQueryService.MatchView> matches(@PathParam("id") long id, @Valid @BeanParam PageRequest page) {
        return matches.forManufacturer(id, page, callers.current());
    }

    @GET
    @Operation(summary = "List manufacturer profiles", description = "Paginated; area matches the area and its descendants; q is a full-text search over names and descriptions.")
    public Page<ManufacturerView> list(@Valid @BeanParam PageRequest page,
                                       @Parameter(description = "Capability area code, e.g. munitions (includes munitions.artillery-155)") @QueryParam("area") String area,
                                       @Parameter(description = "ISO 3166-1 alpha-2 country of the organization") @QueryParam("country") String country,
                                       @Parameter(description = "Status: DRAFT, PUBLISHED or ARCHIVED") @QueryParam("status") String status,
                                       @Parameter(description = "Some capability (in the area, if given) has at least this TRL") @QueryParam("minTrl") @Min(1) @Max(9) Integer minTrl,
                                       @Parameter(description = "Full-text search") @QueryParam("q") @Size(max = 200) String q) {
        return profiles.list(page, new ProfileService.Filter(area, country, Enums.parse("status", status, ProfileStatus.class), minTrl, q), callers.current());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One manufacturer profile")
    public ManufacturerView get(@PathParam("id") long id) {
        return profiles.find(id, callers.current()).orElseThrow(() -> ProblemException.notFound(Missing.PROFILE, id));
    }

    @POST
    @RolesAllowed(Roles.MANUFACTURER)
    @Operation(summary = "Create the capability profile of the caller's manufacturer organization")
    public Response create(@Valid @NotNull ManufacturerView body, UriInfo uri) {
        ManufacturerView created = profiles.create(body, callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @RolesAllowed(Roles.MANUFACTURER)
    @Path("/{id}")
    @Operation(summary = "Replace a profile (send the version you read; a stale version is a 409)")
    public ManufacturerView update(@PathParam("id") long id, @Valid @NotNull ManufacturerView body) {
        return profiles.update(id, body, callers.current()).orElseThrow(() -> ProblemException.notFound(Missing.PROFILE, id));
    }

    @DELETE
    @RolesAllowed(Roles.MANUFACTURER)
    @Path("/{id}")
    @Operation(summary = "Delete a profile")
    public Response delete(@PathParam("id") long id) {
        if (!profiles.delete(id, callers.current())) {
            throw ProblemException.notFound(Missing.PROFILE, id);
        }
        return Response.noContent().build();
    }
}
