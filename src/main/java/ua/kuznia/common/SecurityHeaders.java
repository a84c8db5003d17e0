package ua.kuznia.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * A Content-Security-Policy on every response, chosen by path: the API returns JSON that must
 * never run or be framed; pages (the web UI under /ui and /static, health, metrics, errors) load
 * self-hosted resources only; Swagger UI alone needs inline script and styles, so it gets its own
 * relaxed policy. X-Content-Type-Options and Referrer-Policy come from application.properties.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String HEADER = "Content-Security-Policy";

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none';"
            + " base-uri 'self'; object-src 'none'";

    /** Quarkus's Swagger UI page starts itself with an inline script and inline styles. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self';"
            + " object-src 'none'";

    static String policyFor(String path) {
        if (path == null) {
            return PAGE_POLICY;
        }
        if (path.startsWith("/api/")) {
            return API_POLICY;
        }
        if (path.equals("/q/swagger-ui") || path.startsWith("/q/swagger-ui/")) {
            return SWAGGER_UI_POLICY;
        }
        return PAGE_POLICY;
    }

    void register(@Observes Filters filters) {
        // Set when the headers are written, so responses from every route (and the 404 of no route) get it.
        filters.register(this::addPolicy, 1000);
    }

    private void addPolicy(RoutingContext context) {
        String path = context.normalizedPath();
        context.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = context.response();
            if (!response.headers().contains(HEADER)) {
                response.putHeader(HEADER, policyFor(path));
            }
        });
        context.next();
    }
}
