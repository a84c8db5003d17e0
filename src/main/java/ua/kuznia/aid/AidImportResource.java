package ua.kuznia.aid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;

@Path("/api/v1/aid/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aid audit", description = "Kiel Ukraine Support Tracker imports, aid records, reports and the matcher feed")
public class AidImportResource {

    @Inject
    KielImportService imports;

    @Inject
    CallerService callers;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Import Kiel Ukraine Support Tracker CSV exports of one release",
            description = "One or more parts named 'file' (data_explorer.csv, procurement_trends.csv, weapons.csv,"
                    + " total_allocations.csv, release_info.csv), each with a file name. The release comes from"
                    + " release_info.csv, else from the form field 'release'. All or nothing; importing a release"
                    + " again replaces its rows of the kinds uploaded.")
    public KielImportService.ImportSummary upload(@RestForm("file") List<FileUpload> files, @RestForm("release") String release) {
        return imports.importFiles(files == null ? List.of() : files.stream().map(Uploads::read).toList(), release,
                callers.current());
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Imported Kiel releases, newest first, with each file's provenance (name, SHA-256, who, when)")
    public List<KielImportService.ReleaseView> list() {
        return imports.releases();
    }
}
