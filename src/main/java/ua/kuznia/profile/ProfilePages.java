package ua.kuznia.profile;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import ua.kuznia.common.Missing;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.Problem;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;
import ua.kuznia.matching.MatchQueryService;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.taxonomy.TaxonomyChoices;
import ua.kuznia.taxonomy.TransferType;
import ua.kuznia.web.FormErrors;
import ua.kuznia.web.UiContext;

/**
 * The manufacturer's own profile: an overview (completeness, new matches, published or not) and
 * the editor. Capability rows are added and removed with submit buttons, so the editor works
 * without scripts; kuznia.js adds rows in place when scripts run.
 */
@Path("/ui/profile")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MANUFACTURER)
public class ProfilePages {

    /** One capability row exactly as typed, so a rejected form comes back as the user left it. */
    public record CapabilityRow(String area, String trl, String mrl, String capacity, String unit, String notes) {

        static CapabilityRow empty() {
            return new CapabilityRow("", "", "", "", "", "");
        }

        boolean blank() {
            return isBlank(area) && isBlank(trl) && isBlank(mrl) && isBlank(capacity) && isBlank(unit) && isBlank(notes);
        }
    }

    /** The editor's fields as typed. */
    public record ProfileForm(Long version, String legalName, String edrpou, String oblast, String employees,
                              String description, List<CapabilityRow> capabilities, List<String> certifications,
                              String clearance, List<String> seekingAreas, List<String> seekingTransferTypes) {

        static ProfileForm of(ManufacturerView p) {
            return new ProfileForm(p.version(), p.legalName(), p.edrpou(), p.oblast(),
                    p.employees() == null ? "" : String.valueOf(p.employees()), p.description(),
                    p.capabilities().stream().map(c -> new CapabilityRow(c.area(), String.valueOf(c.trl()), String.valueOf(c.mrl()),
                            plain(c.monthlyCapacity()), c.capacityUnit(), c.notes())).toList(),
                    p.certifications(), p.clearance().name(),
                    p.seeking() == null ? List.of() : p.seeking().areas(),
                    p.seeking() == null ? List.of() : p.seeking().transferTypes().stream().map(Enum::name).toList());
        }

        static ProfileForm blank() {
            return new ProfileForm(null, "", "", "", "", "", List.of(CapabilityRow.empty()), List.of(),
                    Classification.UNCLASSIFIED.name(), List.of(), List.of());
        }

        public boolean certified(String code) {
            return certifications.contains(code);
        }

        public boolean seeksArea(String code) {
            return seekingAreas.contains(code);
        }

        public boolean seeksTransfer(String code) {
            return seekingTransferTypes.contains(code);
        }
    }

    /** What the overview shows above the editor; null before the profile exists. */
    public record Overview(long id, ProfileStatus status, int completeness, long newMatches, long allMatches) {

        public boolean published() {
            return status == ProfileStatus.PUBLISHED;
        }

        /** Width of the completeness bar, 200 pixels when complete. */
        public int meterWidth() {
            return completeness * 2;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Overview overview, ProfileForm form, FormErrors errors, boolean saved,
                                               List<TaxonomyChoices.Choice> areas, List<TaxonomyChoices.Choice> certifications,
                                               List<TaxonomyChoices.Choice> oblasts, List<TaxonomyChoices.Choice> levels,
                                               List<TaxonomyChoices.Choice> transferTypes);
    }

    @Inject
    UiContext ui;

    @Inject
    CallerService callers;

    @Inject
    ProfileService profiles;

    @Inject
    MatchQueryService matches;

    @Inject
    ValidatorFactory validators;

    @GET
    public TemplateInstance show(@RestQuery boolean saved) {
        Caller caller = callers.current();
        Optional<ManufacturerView> own = profiles.own(caller);
        return render(own.map(p -> overview(p, caller)).orElse(null),
                own.map(ProfileForm::of).orElseGet(ProfileForm::blank), FormErrors.none(), saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm Long version, @RestForm String legalName, @RestForm String edrpou, @RestForm String oblast,
                         @RestForm String employees, @RestForm String description,
                         @RestForm List<String> capArea, @RestForm List<String> capTrl, @RestForm List<String> capMrl,
                         @RestForm List<String> capCapacity, @RestForm List<String> capUnit, @RestForm List<String> capNotes,
                         @RestForm List<String> certifications, @RestForm String clearance,
                         @RestForm List<String> seekingAreas, @RestForm List<String> seekingTransferTypes,
                         @RestForm String addRow, @RestForm String removeRow) {
        Caller caller = callers.current();
        capArea = orEmpty(capArea);
        List<CapabilityRow> rows = new ArrayList<>();
        for (int i = 0; i < capArea.size(); i++) {
            rows.add(new CapabilityRow(capArea.get(i), at(capTrl, i), at(capMrl, i), at(capCapacity, i), at(capUnit, i), at(capNotes, i)));
        }
        Optional<ManufacturerView> own = profiles.own(caller);
        Overview overview = own.map(p -> overview(p, caller)).orElse(null);
        if (addRow != null) {
            rows.add(CapabilityRow.empty());
        } else if (removeRow != null && removeRow.matches("\\d{1,3}") && Integer.parseInt(removeRow) < rows.size()) {
            rows.remove(Integer.parseInt(removeRow));
        }
        if (addRow == null && removeRow == null) {
            // Untouched rows are not capabilities; dropping them first keeps error positions right.
            rows.removeIf(CapabilityRow::blank);
        }
        ProfileForm form = new ProfileForm(version, legalName, edrpou, oblast, employees, description, rows, orEmpty(certifications),
                clearance, orEmpty(seekingAreas), orEmpty(seekingTransferTypes));
        if (addRow != null || removeRow != null) {
            return Response.ok(render(overview, form, FormErrors.none(), false)).build();
        }
        try {
            ManufacturerView body = toView(form, own.map(ManufacturerView::status).orElse(ProfileStatus.DRAFT));
            if (own.isPresent()) {
                profiles.update(own.get().id(), body, caller).orElseThrow(() -> ProblemException.notFound(Missing.PROFILE, own.get().id()));
            } else {
                profiles.create(body, caller);
            }
        } catch (ProblemException problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            if (rows.isEmpty()) {
                rows.add(CapabilityRow.empty());
            }
            return Response.status(problem.status() == 400 ? 422 : 409)
                    .entity(render(overview, form, FormErrors.of(problem, ui.locale()), false)).build();
        }
        return Response.seeOther(URI.create("/ui/profile?saved=true")).build();
    }

    /** Publishing makes the profile visible to ministries and to the matcher's suggestions for them. */
    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@RestForm Long version, @RestForm String status) {
        Caller caller = callers.current();
        ManufacturerView own = profiles.own(caller).orElseThrow(() -> ProblemException.notFound(m -> m.own_profile_missing(String.valueOf(caller.organizationCode()))));
        ProfileStatus next = "PUBLISHED".equals(status) ? ProfileStatus.PUBLISHED : ProfileStatus.DRAFT;
        profiles.update(own.id(), withStatus(own, next, version), caller);
        return Response.seeOther(URI.create("/ui/profile?saved=true")).build();
    }

    private Overview overview(ManufacturerView p, Caller caller) {
        List<MatchQueryService.MatchView> mine = matches.forManufacturer(p.id(), new PageRequest(0, 200), caller).items();
        long fresh = mine.stream().filter(m -> "SUGGESTED".equals(m.status())).count();
        return new Overview(p.id(), p.status(), ProfileService.completeness(p), fresh, mine.size());
    }

    private TemplateInstance render(Overview overview, ProfileForm form, FormErrors errors, boolean saved) {
        var locale = ui.locale();
        return ui.page(Templates.profile(overview, form, errors, saved, TaxonomyChoices.areas(locale),
                TaxonomyChoices.certifications(locale), TaxonomyChoices.oblasts(locale), TaxonomyChoices.levels(locale),
                TaxonomyChoices.transferTypes(locale)));
    }

    /** Turns typed text into the API's body; text that is not a number is reported like the API would. */
    private ManufacturerView toView(ProfileForm form, ProfileStatus status) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<ManufacturerView.Capability> capabilities = new ArrayList<>();
        int index = 0;
        for (CapabilityRow row : form.capabilities()) {
            String prefix = "capabilities[" + index++ + "].";
            capabilities.add(new ManufacturerView.Capability(blankToNull(row.area()), integer(row.trl(), prefix + "trl", violations),
                    integer(row.mrl(), prefix + "mrl", violations), decimal(row.capacity(), prefix + "monthlyCapacity", violations),
                    blankToNull(row.unit()), blankToNull(row.notes())));
        }
        Classification clearance = null;
        try {
            clearance = form.clearance() == null || form.clearance().isBlank() ? null : Classification.valueOf(form.clearance());
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("clearance", m -> m.unknown_level(form.clearance())));
        }
        List<TransferType> transferTypes = new ArrayList<>();
        for (String code : form.seekingTransferTypes()) {
            try {
                transferTypes.add(TransferType.valueOf(code));
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("seeking.transferTypes", m -> m.unknown_transfer_type(code)));
            }
        }
        ManufacturerView body = new ManufacturerView(null, null, null, null, form.legalName(), form.edrpou(), blankToNull(form.oblast()),
                integer(form.employees(), "employees", violations), blankToNull(form.description()), capabilities,
                form.certifications(), clearance, new ManufacturerView.Seeking(form.seekingAreas(), transferTypes), status,
                form.version(), null, null);
        FormErrors.validate(validators, ui.locale(), body, violations);
        return body;
    }

    private static ManufacturerView withStatus(ManufacturerView p, ProfileStatus status, Long version) {
        return new ManufacturerView(null, null, null, null, p.legalName(), p.edrpou(), p.oblast(), p.employees(), p.description(),
                p.capabilities(), p.certifications(), p.clearance(), p.seeking(), status, version, null, null);
    }

    static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
