package ua.kuznia.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses oversized bodies with a problem document before anything reads them. It runs on the
 * HTTP layer, ahead of Quarkus's own limit (quarkus.http.limits.max-body-size), which would answer
 * a declared oversize with a bare 413. A body without a Content-Length (multipart clients often
 * stream chunked) is read here, counted as it arrives and handed on whole when it stays within the
 * limit: Quarkus's own limit would cut it off while the resource reads it, with a bare 413 that no
 * exception mapper sees.
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
            if (context.request().isEnded() || context.getBody() != null || !chunked(context.request())) {
                context.next();
            } else {
                readChunked(context, limitFor(context));
            }
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
        long limit = limitFor(context);
        if (declared <= limit) {
            context.next();
            return;
        }
        Problem tooLarge = tooLarge(context, "The request body has " + declared + " bytes; the limit is " + limit, limit);
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

    private long limitFor(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") ? maxUploadBytes : maxBodyBytes;
    }

    private static boolean chunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /**
     * Reads a body of unknown length, keeping at most {@code limit} bytes. Past the limit the
     * problem is answered at once, and what still arrives is read and thrown away, so that a
     * client that reads its answer only after sending gets it; past {@code DRAIN_FACTOR} times
     * the limit the connection is closed.
     */
    private void readChunked(RoutingContext context, long limit) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        long[] received = {0};
        boolean[] refused = {false};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (refused[0]) {
                if (received[0] > limit * DRAIN_FACTOR) {
                    request.connection().close();
                }
                return;
            }
            if (received[0] > limit) {
                refused[0] = true;
                answer(context, tooLarge(context, "The request body has more than " + limit + " bytes; the limit is " + limit,
                        limit));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(ignored -> { });
        request.endHandler(ignored -> {
            if (refused[0]) {
                request.connection().close();
                return;
            }
            context.setBody(body);
            context.next();
        });
        request.resume();
    }

    private static Problem tooLarge(RoutingContext context, String detail, long limit) {
        return new Problem("/problems/payload-too-large", "Payload Too Large", 413, detail, context.normalizedPath(),
                List.of(), Map.of("maxBytes", limit));
    }

    /** Answers and closes the connection: the rest of the body is not wanted, so it is not read to the end. */
    private void respond(RoutingContext context, Problem problem) {
        context.response().endHandler(ignored -> context.request().connection().close());
        answer(context, problem);
    }

    /** Answers, leaving the connection open for whoever drains the rest of the body. */
    private void answer(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        context.response().setStatusCode(problem.status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
