package ua.kuznia.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.CallerService;
import ua.kuznia.offer.OfferService;
import ua.kuznia.offer.OfferView;
import ua.kuznia.profile.ManufacturerView;
import ua.kuznia.profile.ProfileService;
import ua.kuznia.taxonomy.TaxonomyChoices;
import ua.kuznia.web.FormErrors;
import ua.kuznia.web.Pager;
import ua.kuznia.web.UiContext;

/**
 * Search across profiles and offers through the same full-text search and filters as the API;
 * each caller finds only what it may see (a manufacturer its own profile and open offers, a
 * ministry published profiles and open offers).
 */
@Path("/ui/search")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SearchPages {

    static final int PAGE_SIZE = 10;

    /** The query as typed, and the query string that repeats it on paging links. */
    public record Query(String q, String area, String country, String minTrl) {

        public String link() {
            return "q=" + enc(q) + "&area=" + enc(area) + "&country=" + enc(country) + "&minTrl=" + enc(minTrl);
        }

        private static String enc(String value) {
            return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
        }
    }

    /** One page of results of one kind, with its paging. */
    public record Results<T>(List<T> items, Pager paging) {

        static <T> Results<T> of(Page<T> page) {
            return new Results<>(page.items(), Pager.of(page));
        }

        static <T> Results<T> none() {
            return new Results<>(List.of(), Pager.empty());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Query query, FormErrors errors, Results<ManufacturerView> profiles,
                                              Results<OfferView> offers, List<TaxonomyChoices.Choice> areas);
    }

    @Inject
    UiContext ui;

    @Inject
    CallerService callers;

    @Inject
    ProfileService profiles;

    @Inject
    OfferService offers;

    @GET
    public Response search(@RestQuery String q, @RestQuery String area, @RestQuery String country, @RestQuery String minTrl,
                           @RestQuery Integer pp, @RestQuery Integer op) {
        Caller caller = callers.current();
        Query query = new Query(q == null ? "" : q, area == null ? "" : area, country == null ? "" : country,
                minTrl == null ? "" : minTrl);
        List<Problem.Violation> violations = new ArrayList<>();
        Integer trl = null;
        if (!query.minTrl().isBlank()) {
            try {
                trl = Integer.valueOf(query.minTrl().strip());
                if (trl < 1 || trl > 9) {
                    violations.add(new Problem.Violation("minTrl", m -> m.between(1, 9)));
                }
            } catch (NumberFormatException e) {
                violations.add(new Problem.Violation("minTrl", ViolationMessages::whole_number));
            }
        }
        if (query.q().length() > 200) {
            violations.add(new Problem.Violation("q", m -> m.size_between(0, 200)));
        }
        if (!query.country().isBlank() && !query.country().strip().matches("[A-Za-z]{2}")) {
            violations.add(new Problem.Violation("country", ViolationMessages::country_two_letters));
        }
        var areas = TaxonomyChoices.areas(ui.locale());
        if (!violations.isEmpty()) {
            return Response.status(400).entity(ui.page(Templates.search(query, FormErrors.of(violations, ui.locale()), Results.none(),
                    Results.none(), areas))).build();
        }
        String text = query.q().isBlank() ? null : query.q();
        String areaCode = query.area().isBlank() ? null : query.area();
        String countryCode = query.country().isBlank() ? null : query.country();
        try {
            Page<ManufacturerView> foundProfiles = profiles.list(page(pp), new ProfileService.Filter(areaCode, countryCode, null, trl, text), caller);
            Page<OfferView> foundOffers = offers.list(page(op), new OfferService.Filter(areaCode, countryCode, null, trl, text), caller);
            return Response.ok(ui.page(Templates.search(query, FormErrors.none(), Results.of(foundProfiles), Results.of(foundOffers), areas))).build();
        } catch (ProblemException problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).entity(ui.page(Templates.search(query, FormErrors.of(problem, ui.locale()), Results.none(),
                    Results.none(), areas))).build();
        }
    }

    private static PageRequest page(Integer page) {
        return new PageRequest(page == null || page < 0 ? 0 : page, PAGE_SIZE);
    }
}
