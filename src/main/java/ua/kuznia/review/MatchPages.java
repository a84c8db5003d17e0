package ua.kuznia.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;
import ua.kuznia.matching.ExplanationView;
import ua.kuznia.matching.MatchQueryService;
import ua.kuznia.matching.MatchStatus;
import ua.kuznia.offer.OfferService;
import ua.kuznia.offer.OfferView;
import ua.kuznia.profile.ManufacturerView;
import ua.kuznia.profile.ProfileService;
import ua.kuznia.web.FormErrors;
import ua.kuznia.web.Pager;
import ua.kuznia.web.UiContext;

/**
 * A manufacturer's matched offers, one match with its explanation and the side's actions, and
 * the explanation of any pair ("why not"). What a caller may see is decided by the services,
 * exactly as for the API: a match or pair the caller may not see is a 404.
 */
// Rooted at "/" like HomePages: a class rooted at "/ui" would take /ui and /ui/lang away from it.
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class MatchPages {

    static final int PAGE_SIZE = 20;


    /** What the signed-in side may do with the match now. */
    public record Actions(boolean interest, boolean decline, String side) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance myMatches(boolean hasProfile, List<MatchQueryService.MatchView> matches, Pager pager);

        static native TemplateInstance match(ReviewService.MatchDetail match, ExplanationView explanation, Actions actions,
                                             FormErrors errors, String reason, boolean done);

        static native TemplateInstance explain(OfferView offer, ManufacturerView manufacturer, ExplanationView explanation,
                                               Long matchId);
    }

    @Inject
    UiContext ui;

    @Inject
    CallerService callers;

    @Inject
    ProfileService profiles;

    @Inject
    OfferService offers;

    @Inject
    MatchQueryService matches;

    @Inject
    ReviewService reviews;

    @Inject
    ValidatorFactory validators;

    @GET
    @Path("ui/my-matches")
    @RolesAllowed(Roles.MANUFACTURER)
    public TemplateInstance myMatches(@RestQuery Integer page) {
        Caller caller = callers.current();
        Optional<ManufacturerView> own = profiles.own(caller);
        if (own.isEmpty()) {
            return ui.page(Templates.myMatches(false, List.of(), Pager.empty()));
        }
        Page<MatchQueryService.MatchView> found = matches.forManufacturer(own.get().id(),
                new PageRequest(page == null || page < 0 ? 0 : page, PAGE_SIZE), caller);
        return ui.page(Templates.myMatches(true, found.items(), Pager.of(found)));
    }

    @GET
    @Path("ui/matches/{id}")
    public TemplateInstance match(@PathParam("id") long id, @RestQuery boolean done) {
        Caller caller = callers.current();
        ReviewService.MatchDetail match = reviews.find(id, caller).orElseThrow(() -> ProblemException.notFound(Missing.MATCH, id));
        return matchPage(match, caller, FormErrors.none(), "", done);
    }

    @POST
    @Path("ui/matches/{id}/interest")
    @RolesAllowed({Roles.MANUFACTURER, Roles.MINISTRY})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response interest(@PathParam("id") long id, @RestForm Long version, @RestForm String back) {
        Caller caller = callers.current();
        try {
            reviews.act(id, ReviewAction.MANUFACTURER_INTEREST, null, version, caller);
        } catch (ProblemException problem) {
            return refused(id, caller, problem, "");
        }
        return Response.seeOther(URI.create(back(back, id))).build();
    }

    @POST
    @Path("ui/matches/{id}/decline")
    @RolesAllowed({Roles.MANUFACTURER, Roles.MINISTRY})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") long id, @RestForm Long version, @RestForm String reason) {
        Caller caller = callers.current();
        try {
            FormErrors.validate(validators, ui.locale(), new ReviewResource.Reason(reason, version), List.of());
            reviews.act(id, ReviewAction.DECLINE, reason, version, caller);
        } catch (ProblemException problem) {
            return refused(id, caller, problem, reason);
        }
        return Response.seeOther(URI.create("/ui/matches/" + id + "?done=true")).build();
    }

    @GET
    @Path("ui/explain")
    public TemplateInstance explain(@RestQuery Long offer, @RestQuery Long manufacturer) {
        if (offer == null || manufacturer == null) {
            throw ProblemException.invalid(offer == null ? "offer" : "manufacturer", ViolationMessages::required);
        }
        Caller caller = callers.current();
        ExplanationView explanation = ExplanationView.of(matches.explain(offer, manufacturer, caller), ui.locale());
        OfferView offerView = offers.find(offer, caller).orElseThrow(() -> ProblemException.notFound(Missing.OFFER, offer));
        ManufacturerView profile = profiles.find(manufacturer, caller)
                .orElseThrow(() -> ProblemException.notFound(Missing.PROFILE, manufacturer));
        Long matchId = matches.matchId(offer, manufacturer);
        return ui.page(Templates.explain(offerView, profile, explanation,
                matchId != null && reviews.find(matchId, caller).isPresent() ? matchId : null));
    }

    /** A refused action: a missing reason or a stale page is shown on the match page, anything else as the error page. */
    private Response refused(long id, Caller caller, ProblemException problem, String reason) {
        if (problem.status() != 400 && problem.status() != 409) {
            throw problem;
        }
        ReviewService.MatchDetail match = reviews.find(id, caller).orElseThrow(() -> ProblemException.notFound(Missing.MATCH, id));
        return Response.status(problem.status() == 400 ? 422 : 409)
                .entity(matchPage(match, caller, FormErrors.of(problem, ui.locale()), reason, false)).build();
    }

    private TemplateInstance matchPage(ReviewService.MatchDetail match, Caller caller, FormErrors errors, String reason, boolean done) {
        ExplanationView explanation = ExplanationView.of(matches.explain(match.offerId(), match.manufacturerId(), caller), ui.locale());
        return ui.page(Templates.match(match, explanation, actions(match, caller), errors, reason == null ? "" : reason, done));
    }

    static Actions actions(ReviewService.MatchDetail match, Caller caller) {
        boolean maker = caller.has(Roles.MANUFACTURER) && caller.belongsTo(match.manufacturerOrganizationId());
        boolean ministry = caller.has(Roles.MINISTRY) && caller.belongsTo(match.offerOrganizationId());
        if (!maker && !ministry) {
            return new Actions(false, false, null);
        }
        ReviewAction own = maker ? ReviewAction.MANUFACTURER_INTEREST : ReviewAction.MINISTRY_INTEREST;
        boolean interest = ReviewWorkflow.next(match.status(), own).isPresent();
        boolean decline = ReviewWorkflow.next(match.status(), ReviewAction.DECLINE).isPresent();
        return new Actions(interest, decline, maker ? "MANUFACTURER" : "MINISTRY");
    }

    /** Back to the page the action was taken on, if it is one of ours; else to the match. */
    static String back(String back, long id) {
        if (back != null && back.startsWith("/ui/") && !back.startsWith("//") && back.matches("[A-Za-z0-9/_?=&.-]+")) {
            return back;
        }
        return "/ui/matches/" + id + "?done=true";
    }

    static boolean settled(MatchStatus status) {
        return status.settled();
    }
}
