package ua.kuznia.taxonomy;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public reference lists: every code the API accepts is listed here. */
@Path("/api/v1/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Taxonomy", description = "Reference data: capability areas, certifications, classification levels, transfer types, oblasts")
public class TaxonomyResource {

    public record AreaView(String code, String parentCode, int depth, String nameEn, String nameUk, List<String> mlCodes) {
    }

    public record NamedCode(String code, String nameEn, String nameUk) {
    }

    public record LevelView(String code, int rank, String nameEn, String nameUk) {
    }

    public record OblastView(String code, String nameEn, String nameUk, int riskTier) {
    }

    @Inject
    TaxonomyService taxonomy;

    @GET
    @Path("/areas")
    @Operation(summary = "Capability areas as a tree (parentCode), each with its EU Common Military List codes")
    public List<AreaView> areas() {
        return taxonomy.areasInOrder().stream()
                .map(a -> new AreaView(a.code, a.parentCode, depth(a.code), a.nameEn, a.nameUk, Arrays.asList(a.mlCodes)))
                .toList();
    }

    static int depth(String code) {
        return (int) code.chars().filter(c -> c == '.').count();
    }

    @GET
    @Path("/certifications")
    @Operation(summary = "Quality and security certifications")
    public List<NamedCode> certifications() {
        return taxonomy.snapshot().certifications().values().stream()
                .map(c -> new NamedCode(c.code, c.nameEn, c.nameUk)).toList();
    }

    @GET
    @Path("/classification-levels")
    @Operation(summary = "Classification levels in ascending order of sensitivity")
    public List<LevelView> classificationLevels() {
        return taxonomy.snapshot().classificationLevels().stream()
                .map(l -> new LevelView(l.code, l.rank, l.nameEn, l.nameUk)).toList();
    }

    @GET
    @Path("/transfer-types")
    @Operation(summary = "Kinds of technology transfer")
    public List<NamedCode> transferTypes() {
        return taxonomy.snapshot().transferTypes().stream()
                .map(t -> new NamedCode(t.code, t.nameEn, t.nameUk)).toList();
    }

    @GET
    @Path("/oblasts")
    @Operation(summary = "Ukrainian oblasts with their front-line risk tier (1 low ... 4 front line)")
    public List<OblastView> oblasts() {
        return taxonomy.snapshot().oblasts().values().stream()
                .map(o -> new OblastView(o.code, o.nameEn, o.nameUk, o.riskTier)).toList();
    }
}
