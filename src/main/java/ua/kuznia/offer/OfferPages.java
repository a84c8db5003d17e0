package ua.kuznia.offer;

import static ua.kuznia.web.FormValues.decimal;
import static ua.kuznia.web.FormValues.integer;
import static ua.kuznia.web.FormValues.plain;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import ua.kuznia.common.CsvWriter;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;
import ua.kuznia.matching.MatchQueryService;
import ua.kuznia.profile.ManufacturerView;
import ua.kuznia.profile.ProfileService;
import ua.kuznia.review.ShortlistService;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.taxonomy.TaxonomyChoices;
import ua.kuznia.taxonomy.TransferType;
import ua.kuznia.web.FormErrors;
import ua.kuznia.web.UiContext;

/**
 * A ministry's offers: the list, the editor, opening and closing, and the ranked candidates of an
 * offer with the shortlist and "why not" for a named manufacturer.
 */
@Path("/ui/offers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MINISTRY)
public class OfferPages {

    /** The editor's fields as typed. */
    public record OfferForm(Long id, Long version, String title, String description, List<String> areas, String transferType,
                            String minTrl, String minMrl, String minMonthlyCapacity, List<String> requiredCertifications,
                            String requiredClearance, String classification, String status) {

        static OfferForm of(OfferView o) {
            return new OfferForm(o.id(), o.version(), o.title(), o.description(), o.areas(), o.transferType().name(),
                    String.valueOf(o.minTrl()), String.valueOf(o.minMrl()),
                    o.minMonthlyCapacity() == null ? "" : plain(o.minMonthlyCapacity()), o.requiredCertifications(),
                    o.requiredClearance().name(), o.classification().name(), o.status().name());
        }

        static OfferForm blank() {
            return new OfferForm(null, null, "", "", List.of(), TransferType.LICENSED_PRODUCTION.name(), "6", "6", "", List.of(),
                    Classification.UNCLASSIFIED.name(), Classification.UNCLASSIFIED.name(), OfferStatus.DRAFT.name());
        }

        public boolean hasArea(String code) {
            return areas.contains(code);
        }

        public boolean requires(String code) {
            return requiredCertifications.contains(code);
        }
    }

    /** A candidate row: the match, and whether the ministry has shortlisted it. */
    public record Candidate(MatchQueryService.MatchView match, boolean shortlisted, boolean canInterest) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance offers(List<OfferView> offers, ua.kuznia.web.Pager pager);

        static native TemplateInstance editor(OfferForm form, FormErrors errors, List<TaxonomyChoices.Choice> areas,
                                              List<TaxonomyChoices.Choice> certifications, List<TaxonomyChoices.Choice> levels,
                                              List<TaxonomyChoices.Choice> transferTypes, List<String> statuses);

        static native TemplateInstance candidates(OfferView offer, List<Candidate> candidates, long total,
                                                  List<ShortlistService.Entry> shortlist, String who,
                                                  List<ManufacturerView> found, boolean searched);
    }

    @Inject
    UiContext ui;

    @Inject
    CallerService callers;

    @Inject
    OfferService offers;

    @Inject
    ProfileService profiles;

    @Inject
    MatchQueryService matches;

    @Inject
    ShortlistService shortlist;

    @Inject
    ValidatorFactory validators;

    /** Offers on one page of "My offers"; a ministry with more pages through them. */
    static final int OWN_PAGE_SIZE = 50;

    @GET
    public TemplateInstance list(@RestQuery Integer page) {
        Page<OfferView> own = offers.own(new PageRequest(page == null || page < 0 ? 0 : page, OWN_PAGE_SIZE), callers.current());
        return ui.page(Templates.offers(own.items(), ua.kuznia.web.Pager.of(own)));
    }

    @GET
    @Path("new")
    public TemplateInstance create() {
        return editor(OfferForm.blank(), FormErrors.none());
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@PathParam("id") long id) {
        return editor(OfferForm.of(owned(id, callers.current())), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveNew(@RestForm String title, @RestForm String description, @RestForm List<String> areas,
                            @RestForm String transferType, @RestForm String minTrl, @RestForm String minMrl,
                            @RestForm String minMonthlyCapacity, @RestForm List<String> requiredCertifications,
                            @RestForm String requiredClearance, @RestForm String classification, @RestForm String status) {
        OfferForm form = new OfferForm(null, null, title, description, orEmpty(areas), transferType, minTrl, minMrl,
                minMonthlyCapacity, orEmpty(requiredCertifications), requiredClearance, classification, status);
        return save(form, null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveExisting(@PathParam("id") long id, @RestForm Long version, @RestForm String title,
                                 @RestForm String description, @RestForm List<String> areas, @RestForm String transferType,
                                 @RestForm String minTrl, @RestForm String minMrl, @RestForm String minMonthlyCapacity,
                                 @RestForm List<String> requiredCertifications, @RestForm String requiredClearance,
                                 @RestForm String classification, @RestForm String status) {
        OfferView existing = owned(id, callers.current());
        OfferForm form = new OfferForm(id, version, title, description, orEmpty(areas), transferType, minTrl, minMrl,
                minMonthlyCapacity, orEmpty(requiredCertifications), requiredClearance, classification, status);
        return save(form, existing);
    }

    /** Opens or closes an offer from the list without the whole editor. */
    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("id") long id, @RestForm Long version, @RestForm String status) {
        Caller caller = callers.current();
        OfferView o = owned(id, caller);
        OfferStatus next = "OPEN".equals(status) ? OfferStatus.OPEN : OfferStatus.CLOSED;
        offers.update(id, copy(o, o.title(), o.description(), o.areas(), o.transferType(), o.minTrl(), o.minMrl(),
                o.minMonthlyCapacity(), o.requiredCertifications(), o.requiredClearance(), o.classification(), next, version), caller);
        return Response.seeOther(URI.create("/ui/offers")).build();
    }

    @GET
    @Path("{id}/candidates")
    public TemplateInstance candidates(@PathParam("id") long id) {
        return candidatesPage(id, callers.current(), "", List.of(), false);
    }

    /**
     * "Why not" for a manufacturer named by EDRPOU or by name: one hit opens its explanation
     * against this offer, several are listed to choose from.
     */
    @GET
    @Path("{id}/why-not")
    public Response whyNot(@PathParam("id") long id, @RestQuery String who) {
        Caller caller = callers.current();
        owned(id, caller);
        String name = who == null ? "" : who.strip();
        List<ManufacturerView> found = new ArrayList<>();
        if (name.matches("\\d{8}")) {
            profiles.findByEdrpou(name, caller).ifPresent(found::add);
        } else if (!name.isEmpty()) {
            found.addAll(profiles.list(new PageRequest(0, 20), new ProfileService.Filter(null, null, null, null, name), caller).items());
        }
        if (found.size() == 1) {
            return Response.seeOther(URI.create("/ui/explain?offer=" + id + "&manufacturer=" + found.get(0).id())).build();
        }
        return Response.ok(candidatesPage(id, caller, name, found, true)).build();
    }

    @POST
    @Path("{id}/shortlist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response shortlist(@PathParam("id") long id, @RestForm Long profileId, @RestForm String action) {
        if (profileId == null) {
            throw ProblemException.invalid("profileId", ViolationMessages::required);
        }
        Caller caller = callers.current();
        if ("remove".equals(action)) {
            shortlist.remove(id, profileId, caller);
        } else {
            shortlist.add(id, profileId, caller);
        }
        return Response.seeOther(URI.create("/ui/offers/" + id + "/candidates#shortlist")).build();
    }

    /** The offer's shortlist as CSV, for the ministry's own records; cells are formula-safe. */
    @GET
    @Path("{id}/shortlist.csv")
    @Produces("text/csv")
    public Response shortlistCsv(@PathParam("id") long id) {
        Caller caller = callers.current();
        owned(id, caller);
        return Response.ok(CsvWriter.write(shortlist.list(id, caller), ShortlistService.Entry.class, false), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"kuznia-offer-" + id + "-shortlist.csv\"").build();
    }

    private TemplateInstance candidatesPage(long id, Caller caller, String who, List<ManufacturerView> found, boolean searched) {
        OfferView offer = owned(id, caller);
        Page<MatchQueryService.MatchView> ranked = matches.forOffer(id, new PageRequest(0, 100), caller);
        Set<Long> listed = shortlist.profileIds(id, caller);
        List<Candidate> candidates = ranked.items().stream().map(m -> new Candidate(m, listed.contains(m.manufacturerId()),
                "SUGGESTED".equals(m.status()) || "MANUFACTURER_INTEREST".equals(m.status()))).toList();
        return ui.page(Templates.candidates(offer, candidates, ranked.total(), shortlist.list(id, caller), who, found, searched));
    }

    private Response save(OfferForm form, OfferView existing) {
        Caller caller = callers.current();
        long id;
        try {
            OfferView body = toView(form, existing);
            id = existing == null ? offers.create(body, caller).id()
                    : offers.update(existing.id(), body, caller).orElseThrow(() -> ProblemException.notFound(Missing.OFFER, existing.id())).id();
        } catch (ProblemException problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            return Response.status(problem.status() == 400 ? 422 : 409).entity(editor(form, FormErrors.of(problem, ui.locale()))).build();
        }
        return Response.seeOther(URI.create("/ui/offers/" + id + "/candidates")).build();
    }

    private TemplateInstance editor(OfferForm form, FormErrors errors) {
        var locale = ui.locale();
        return ui.page(Templates.editor(form, errors, TaxonomyChoices.areas(locale), TaxonomyChoices.certifications(locale),
                TaxonomyChoices.levels(locale), TaxonomyChoices.transferTypes(locale),
                List.of(OfferStatus.values()).stream().map(Enum::name).toList()));
    }

    /** The caller's own offer; another ministry's offer is refused as the API would refuse changing it. */
    private OfferView owned(long id, Caller caller) {
        OfferView offer = offers.find(id, caller).orElseThrow(() -> ProblemException.notFound(Missing.OFFER, id));
        if (!caller.belongsTo(offer.organizationId())) {
            throw ProblemException.forbidden(ViolationMessages::forbidden_offer_manage);
        }
        return offer;
    }

    private OfferView toView(OfferForm form, OfferView existing) {
        List<Problem.Violation> violations = new ArrayList<>();
        TransferType type = parse(TransferType.class, form.transferType(), "transferType", violations);
        Classification clearance = parse(Classification.class, form.requiredClearance(), "requiredClearance", violations);
        Classification classification = parse(Classification.class, form.classification(), "classification", violations);
        OfferStatus status = parse(OfferStatus.class, form.status(), "status", violations);
        OfferView body = copy(existing, form.title(), blankToNull(form.description()), form.areas(), type,
                integer(form.minTrl(), "minTrl", violations), integer(form.minMrl(), "minMrl", violations),
                decimal(form.minMonthlyCapacity(), "minMonthlyCapacity", violations), form.requiredCertifications(),
                clearance, classification, status, form.version());
        FormErrors.validate(validators, ui.locale(), body, violations);
        return body;
    }

    /** The editor's fields over the stored offer, so what the editor does not show is kept as it is. */
    private static OfferView copy(OfferView o, String title, String description, List<String> areas, TransferType type,
                                  Integer minTrl, Integer minMrl, Double minCapacity, List<String> certifications,
                                  Classification clearance, Classification classification, OfferStatus status, Long version) {
        if (o == null) {
            return new OfferView(null, null, null, null, title, description, areas, type, minTrl, minMrl, minCapacity,
                    certifications, clearance, classification, null, null, null, null, null, null, null, null, null, status,
                    version, null, null);
        }
        return new OfferView(null, null, null, null, title, description, areas, type, minTrl, minMrl, minCapacity,
                certifications, clearance, classification, o.maxRiskTier(), o.budgetEur(), o.fundingInstrument(),
                o.targetVolume(), o.targetVolumeUnit(), o.localizationTargetPercent(), o.exportControl(), o.opensAt(),
                o.closesAt(), status, version, null, null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, List<Problem.Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation(field, m -> m.unknown_value(raw)));
            return null;
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
