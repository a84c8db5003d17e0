package ua.kuznia.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses oversized bodies with a problem document before anything reads them. It runs on the
 * HTTP layer, ahead of Quarkus's own limit (quarkus.http.limits.max-body-size), which would answer
 * a declared oversize with a bare 413. Bodies without a Content-Length (multipart clients often
 * stream chunked) are left to that limit, which cuts them off while they are read.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "kuznia.http.max-body-bytes")
    long maxBodyBytes;

    /** File uploads (aid-data imports) are larger than any JSON body but still bounded. */
    @ConfigProperty(name = "kuznia.http.max-upload-bytes")
    long maxUploadBytes;

    /** Oversized bodies up to this multiple of the limit are drained before the answer. */
    private static final long DRAIN_FACTOR = 4;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        // Quarkus checks its upload limit at route order -2; filters run at minus their priority.
        filters.register(this::limit, 100);
    }

    private void limit(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            context.next();
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            respond(context, new Problem("/problems/bad-content-length", "Bad Request", 400,
                    "Content-Length is not a number", context.normalizedPath(), List.of(), Map.of()));
            return;
        }
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        long limit = type != null && type.toLowerCase().startsWith("multipart/") ? maxUploadBytes : maxBodyBytes;
        if (declared <= limit) {
            context.next();
            return;
        }
        Problem tooLarge = new Problem("/problems/payload-too-large", "Payload Too Large", 413,
                "The request body has " + declared + " bytes; the limit is " + limit,
                context.normalizedPath(), List.of(), Map.of("maxBytes", limit));
        HttpServerRequest request = context.request();
        if (declared > limit * DRAIN_FACTOR || request.isEnded()) {
            respond(context, tooLarge);
            return;
        }
        // Most clients read the answer only after sending the whole body: closing on them
        // mid-write gives them a broken pipe instead of this problem. A moderately oversized
        // body is therefore read and thrown away first; a huge one is cut off.
        request.handler(ignored -> { });
        request.exceptionHandler(ignored -> { });
        request.endHandler(ignored -> respond(context, tooLarge));
        request.resume();
    }

    private void respond(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        // The rest of the body is not wanted: close rather than read it to the end.
        context.response().endHandler(ignored -> context.request().connection().close());
        context.response().setStatusCode(problem.status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
