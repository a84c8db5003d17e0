package ua.kuznia.review;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.kuznia.common.Enums;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;
import ua.kuznia.matching.MatchStatus;

@Path("/api/v1/matches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Review", description = "The review workflow of suggested partnerships")
public class ReviewResource {

    /** Interest needs nothing; the version, when sent, guards against acting on a stale page. */
    public record Interest(Long version) {
    }

    public record Reason(@Size(max = 2000) String reason, Long version) {
    }

    public record Decision(@NotNull ReviewAction decision, @Size(max = 2000) String note, Long version) {
    }

    @Inject
    ReviewService reviews;

    @Inject
    CallerService callers;

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Review queue: matches someone acted on, mutual interest first, then by score")
    public Page<ReviewService.MatchDetail> queue(@Valid @BeanParam PageRequest page, @QueryParam("status") String status,
                                                 @QueryParam("minScore") @DecimalMin("0") @DecimalMax("100") Double minScore,
                                                 @Parameter(description = "Capability area of the offer; includes its sub-areas")
                                                 @QueryParam("area") String area,
                                                 @Parameter(description = "Country of the offering ministry, ISO 3166-1 alpha-2")
                                                 @QueryParam("country") String country) {
        return reviews.queue(page, new ReviewService.QueueFilter(Enums.parse("status", status, MatchStatus.class), minScore,
                area, country), callers.current());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One match with the actions the workflow allows next")
    public ReviewService.MatchDetail get(@PathParam("id") long id) {
        return reviews.find(id, callers.current()).orElseThrow(() -> ProblemException.notFound(Missing.MATCH, id));
    }

    @POST
    @Path("/{id}/interest")
    @RolesAllowed({Roles.MANUFACTURER, Roles.MINISTRY})
    @Operation(summary = "Express interest for the caller's side (manufacturer or ministry)")
    public ReviewService.MatchDetail interest(@PathParam("id") long id, @Valid Interest body) {
        return reviews.act(id, ReviewAction.MANUFACTURER_INTEREST, null, body == null ? null : body.version(), callers.current());
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed({Roles.MANUFACTURER, Roles.MINISTRY})
    @Operation(summary = "Decline the match for the caller's side, with a reason")
    public ReviewService.MatchDetail decline(@PathParam("id") long id, @Valid @NotNull Reason body) {
        return reviews.act(id, ReviewAction.DECLINE, body.reason(), body.version(), callers.current());
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.MINISTRY)
    @Operation(summary = "Withdraw the match (ministry of the offer), with a reason")
    public ReviewService.MatchDetail withdraw(@PathParam("id") long id, @Valid @NotNull Reason body) {
        return reviews.act(id, ReviewAction.WITHDRAW, body.reason(), body.version(), callers.current());
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Coordinator decision: START_REVIEW, APPROVE, REJECT (reason required) or HOLD (note required)")
    public ReviewService.MatchDetail decide(@PathParam("id") long id, @Valid @NotNull Decision body) {
        if (body.decision() != ReviewAction.START_REVIEW && body.decision() != ReviewAction.APPROVE
                && body.decision() != ReviewAction.REJECT && body.decision() != ReviewAction.HOLD) {
            throw ProblemException.invalid("decision", ViolationMessages::decision_allowed);
        }
        return reviews.act(id, body.decision(), body.note(), body.version(), callers.current());
    }
}
