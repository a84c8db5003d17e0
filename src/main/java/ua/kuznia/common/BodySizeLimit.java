package ua.kuznia.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses oversized bodies with a problem document before anything reads them. The HTTP
 * server's own hard limit (quarkus.http.limits.max-body-size) stays as a backstop for bodies
 * that arrive without a Content-Length.
 */
public class BodySizeLimit {

    @ConfigProperty(name = "kuznia.http.max-body-bytes")
    long maxBodyBytes;

    /** File uploads (aid-data imports) are larger than any JSON body but still bounded. */
    @ConfigProperty(name = "kuznia.http.max-upload-bytes")
    long maxUploadBytes;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return ProblemMappers.respond(new Problem("/problems/bad-content-length", "Bad Request", 400,
                    "Content-Length is not a number", request.getUriInfo().getPath(), List.of(), Map.of()));
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        long limit = type != null && type.toLowerCase().startsWith("multipart/") ? maxUploadBytes : maxBodyBytes;
        if (declared <= limit) {
            return null;
        }
        return ProblemMappers.respond(new Problem("/problems/payload-too-large", "Payload Too Large", 413,
                "The request body has " + declared + " bytes; the limit is " + limit,
                request.getUriInfo().getPath(), List.of(), Map.of("maxBytes", limit)));
    }
}
