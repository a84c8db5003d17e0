package ua.kuznia.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import ua.kuznia.common.ProblemException;
import ua.kuznia.common.ViolationMessages;

/**
 * Double-submit CSRF protection for the web application's forms: a random token lives in an
 * HttpOnly, SameSite=Strict cookie scoped to {@code /ui} and in a hidden field of every form; a
 * state-changing request under {@code /ui} must carry both, equal. The API is not covered: it
 * accepts bearer tokens only, which a foreign site cannot make a browser send.
 */
@ApplicationScoped
public class Csrf {

    public static final String FIELD = "_csrf";
    public static final String COOKIE = "kuznia_csrf";
    private static final String FRESH = "kuznia.csrf.fresh";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The request's token; a new one is issued (and set as a cookie) when the browser has none. */
    public String token(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie != null && wellFormed(cookie.getValue())) {
            return cookie.getValue();
        }
        String fresh = routing.get(FRESH);
        if (fresh == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            routing.put(FRESH, fresh);
            routing.response().addCookie(Cookie.cookie(COOKIE, fresh)
                    .setPath("/ui")
                    .setHttpOnly(true)
                    .setSecure(routing.request().isSSL())
                    .setSameSite(CookieSameSite.STRICT));
        }
        return fresh;
    }

    @ServerRequestFilter
    @WithFormRead
    public Response verify(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String path = routing.request().path();
        if (SAFE.contains(request.getMethod()) || !(path.equals("/ui") || path.startsWith("/ui/"))) {
            return null;
        }
        Cookie cookie = routing.request().getCookie(COOKIE);
        Object submitted = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(FIELD, true, false);
        if (cookie == null || !wellFormed(cookie.getValue()) || !(submitted instanceof String value)
                || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.US_ASCII),
                        value.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden(ViolationMessages::forbidden_form_expired);
        }
        return null;
    }

    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
