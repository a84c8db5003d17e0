package ua.kuznia.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The OpenAPI document describes the API only: the web pages under {@code /ui} are JAX-RS
 * resources too, but they take HTML forms, not JSON, and are not a contract for other systems.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiOnlyOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> pages = openAPI.getPaths().getPathItems().keySet().stream()
                .filter(path -> !path.startsWith("/api/"))
                .toList();
        pages.forEach(openAPI.getPaths()::removePathItem);
    }
}
