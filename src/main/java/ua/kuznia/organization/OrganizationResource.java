package ua.kuznia.organization;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.kuznia.common.Enums;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.ProblemException;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.OnboardingService;
import ua.kuznia.identity.Roles;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Organizations", description = "Manufacturers, ministries and the coordinating ministry")
public class OrganizationResource {

    @Inject
    OrganizationService organizations;

    @Inject
    CallerService callers;

    @Inject
    OnboardingService onboarding;

    /** Who to invite: Keycloak sends the invitation to this address. */
    public record InviteRequest(@NotBlank @jakarta.validation.constraints.Email @jakarta.validation.constraints.Size(max = 254) String email) {
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Keycloak users who belong to the organization")
    public java.util.List<OnboardingService.Member> members(@PathParam("id") long id) {
        return onboarding.members(id);
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Invite a user to the organization: creates the Keycloak user with e-mail verification and password set-up as required actions")
    public Response invite(@PathParam("id") long id, @Valid @NotNull InviteRequest body) {
        return Response.status(Response.Status.CREATED).entity(onboarding.invite(id, body.email(), callers.current())).build();
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke a user's access: disables the Keycloak user, removes its organization and ends its sessions")
    public Response revoke(@PathParam("id") long id, @PathParam("userId") String userId) {
        onboarding.revoke(id, userId, callers.current());
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "List organizations, filtered by kind and country")
    public Page<OrganizationView> list(@Valid @BeanParam PageRequest page, @QueryParam("kind") String kind,
                                       @QueryParam("country") String country) {
        return organizations.list(page, Enums.parse("kind", kind, OrganizationKind.class), country);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One organization")
    public OrganizationView get(@PathParam("id") long id) {
        return organizations.find(id).orElseThrow(() -> ProblemException.notFound(Missing.ORGANIZATION, id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register an organization")
    public Response create(@Valid @NotNull OrganizationView body, UriInfo uri) {
        OrganizationView created = organizations.create(body, callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(summary = "Update an organization (send the version you read)")
    public OrganizationView update(@PathParam("id") long id, @Valid @NotNull OrganizationView body) {
        return organizations.update(id, body, callers.current()).orElseThrow(() -> ProblemException.notFound(Missing.ORGANIZATION, id));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(summary = "Delete an organization that has no profile and no offers")
    public Response delete(@PathParam("id") long id) {
        if (!organizations.delete(id, callers.current())) {
            throw ProblemException.notFound(Missing.ORGANIZATION, id);
        }
        return Response.noContent().build();
    }
}
