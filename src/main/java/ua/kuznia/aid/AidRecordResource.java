package ua.kuznia.aid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import ua.kuznia.common.Enums;
import ua.kuznia.common.Missing;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;

@Path("/api/v1/aid/records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aid audit")
public class AidRecordResource {

    @Inject
    AidRecordService records;

    @Inject
    CallerService callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Enter one aid record")
    // Validated in the service, with the rules that span fields, so one answer lists every problem.
    public Response create(@NotNull AidRecordView body, UriInfo uri) {
        AidRecordView created = records.create(body, callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Import aid records from a CSV file (part 'file'; format: src/main/resources/aid/AID_RECORDS_FORMAT.md)",
            description = "All rows or none: any bad row refuses the file, each problem named by line and column.")
    public Response importCsv(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("file", ViolationMessages::file_part_required);
        }
        KielImportService.IncomingFile incoming = Uploads.read(file);
        return Response.status(Response.Status.CREATED)
                .entity(records.importCsv(incoming.fileName(), incoming.bytes(), callers.current())).build();
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "List aid records, latest commitment first")
    public Page<AidRecordView> list(@Valid @BeanParam PageRequest page,
                                    @Parameter(description = "Donor country, ISO 3166-1 alpha-2") @QueryParam("donor") String donor,
                                    @Parameter(description = "Support model, e.g. DIRECT_FINANCING") @QueryParam("model") String model,
                                    @Parameter(description = "Capability area code; includes its sub-areas") @QueryParam("area") String area,
                                    @Parameter(description = "Year of the commitment") @QueryParam("year") @Min(1990) @Max(2100) Integer year) {
        return records.list(new AidRecordService.Filter(donor, Enums.parse("model", model, SupportModel.class), area, year), page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "One aid record")
    public AidRecordView get(@PathParam("id") long id) {
        return records.find(id).orElseThrow(() -> ProblemException.notFound(Missing.AID_RECORD, id));
    }
}
