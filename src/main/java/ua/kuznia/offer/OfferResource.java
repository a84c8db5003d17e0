package ua.kuznia.offer;

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
import ua.kuznia.matching.engine.Explanation;
import ua.kuznia.identity.Roles;

@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Offers", description = "Technology-transfer offers of allied ministries")
public class OfferResource {

    @Inject
    OfferService offers;

    @Inject
    CallerService callers;

    @Inject
    MatchQueryService matches;

    @GET
    @Path("/{id}/matches")
    @Operation(summary = "Ranked candidate manufacturers of an offer (and matches someone already acted on)")
    public Page<MatchQueryService.MatchView> matches(@PathParam("id") long id, @Valid @BeanParam PageRequest page) {
        return matches.forOffer(id, page, callers.current());
    }

    @GET
    @Path("/{offerId}/explanations/{manufacturerId}")
    @Operation(summary = "Why a manufacturer is or is not suggested for an offer: every hard rule with the values compared, every soft rule's contribution")
    public Explanation explain(@PathParam("offerId") long offerId, @PathParam("manufacturerId") long manufacturerId) {
        return matches.explain(offerId, manufacturerId, callers.current());
    }

    @GET
    @Operation(summary = "List transfer offers", description = "Paginated; area matches the area and its descendants; q is a full-text search over titles and descriptions.")
    public Page<OfferView> list(@Valid @BeanParam PageRequest page,
                                       @Parameter(description = "Capability area code, e.g. munitions (includes munitions.artillery-155)") @QueryParam("area") String area,
                                       @Parameter(description = "ISO 3166-1 alpha-2 country of the organization") @QueryParam("country") String country,
                                       @Parameter(description = "Status: DRAFT, OPEN, CLOSED or WITHDRAWN") @QueryParam("status") String status,
                                       @Parameter(description = "Offers that require at least this TRL") @QueryParam("minTrl") @Min(1) @Max(9) Integer minTrl,
                                       @Parameter(description = "Full-text search") @QueryParam("q") @Size(max = 200) String q) {
        return offers.list(page, new OfferService.Filter(area, country, Enums.parse("status", status, OfferStatus.class), minTrl, q), callers.current());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One transfer offer")
    public OfferView get(@PathParam("id") long id) {
        return offers.find(id, callers.current()).orElseThrow(() -> ProblemException.notFound(Missing.OFFER, id));
    }

    @POST
    @RolesAllowed(Roles.MINISTRY)
    @Operation(summary = "Post a transfer offer of the caller's ministry")
    public Response create(@Valid @NotNull OfferView body, UriInfo uri) {
        OfferView created = offers.create(body, callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @RolesAllowed(Roles.MINISTRY)
    @Path("/{id}")
    @Operation(summary = "Replace an offer (send the version you read; a stale version is a 409)")
    public OfferView update(@PathParam("id") long id, @Valid @NotNull OfferView body) {
        return offers.update(id, body, callers.current()).orElseThrow(() -> ProblemException.notFound(Missing.OFFER, id));
    }

    @DELETE
    @RolesAllowed(Roles.MINISTRY)
    @Path("/{id}")
    @Operation(summary = "Delete an offer")
    public Response delete(@PathParam("id") long id) {
        if (!offers.delete(id, callers.current())) {
            throw ProblemException.notFound(Missing.OFFER, id);
        }
        return Response.noContent().build();
    }
}
