package ua.kuznia.matching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.kuznia.common.Missing;
import ua.kuznia.common.ProblemException;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;

@Path("/api/v1/matching")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Matching", description = "The coordinators' rule set and full re-match jobs")
public class MatchingResource {

    public record RuleSetSaved(RuleSetService.RuleSetView ruleSet, long jobId) {
    }

    @Inject
    RuleSetService ruleSets;

    @Inject
    MatchingService matching;

    @Inject
    MatchingJobs jobs;

    @Inject
    CallerService callers;

    @Inject
    GapService gaps;

    @GET
    @Path("/ruleset")
    @RolesAllowed({Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The current rule set: weights, minimum score, top K, area priorities, support-model effectiveness")
    public RuleSetService.RuleSetView ruleSet() {
        return ruleSets.current();
    }

    @PUT
    @Path("/ruleset")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Save a new rule-set version (send the version you read) and start a full re-match")
    public Response save(@NotNull RuleSetService.RuleSetView body, UriInfo uri) {
        RuleSetService.RuleSetView saved = ruleSets.save(body, callers.current());
        long job = matching.startFullMatch("rule set " + saved.version(), callers.current());
        return Response.ok(new RuleSetSaved(saved, job))
                .location(uri.getBaseUriBuilder().path("/api/v1/matching/jobs/" + job).build()).build();
    }

    @POST
    @Path("/ruleset/preview")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "How many suggestions a proposed rule set would add, remove and move, without saving it")
    public MatchingService.Preview preview(@NotNull RuleSetService.RuleSetView body) {
        RuleSetService.RuleSetView current = ruleSets.current();
        return matching.preview(ruleSets.validate(body, current));
    }

    @GET
    @Path("/gaps")
    @RolesAllowed({Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Per capability area: Ukrainian capacity, open offers, suggested and approved partnerships,"
            + " and whether a priority area has no partner yet")
    public java.util.List<GapService.AreaGap> gaps() {
        return gaps.gaps(callers.current());
    }

    @POST
    @Path("/jobs")
    // Takes no body, so any (or no) Content-Type is fine; otherwise callers would get 415 before 401/403.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Start a full re-match in the background")
    public Response start(UriInfo uri) {
        long job = matching.startFullMatch("requested", callers.current());
        return Response.accepted(jobs.find(job).orElseThrow())
                .location(uri.getBaseUriBuilder().path("/api/v1/matching/jobs/" + job).build()).build();
    }

    @GET
    @Path("/jobs/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Progress of a full re-match")
    public MatchingJobs.Job job(@PathParam("id") long id) {
        return jobs.find(id).orElseThrow(() -> ProblemException.notFound(Missing.MATCHING_JOB, id));
    }
}
