package ua.kuznia.web;

import io.quarkus.arc.All;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.Context;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import ua.kuznia.identity.Caller;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;

/**
 * What every page needs about the current request: who is signed in and in which roles, the
 * language the page is rendered in, the CSRF token for its forms and the unread notifications for
 * the header. Templates reach it as {@code cdi:ui}; resources wrap their templates with
 * {@link #page(TemplateInstance)} so that messages, dates and numbers follow the chosen language.
 */
@Named("ui")
@RequestScoped
public class UiContext {

    /** Remembers the language a user picked; without it the browser's Accept-Language decides. */
    public static final String LANGUAGE_COOKIE = "kuznia_lang";

    @Inject
    CallerService callers;

    @Inject
    RoutingContext routing;

    @Inject
    Csrf csrf;

    @Inject
    @All
    List<UnreadCounter> unreadCounters;

    private static final Caller ANONYMOUS = new Caller(null, "anonymous", java.util.Set.of(), null, null, null,
            ua.kuznia.taxonomy.Classification.UNCLASSIFIED);

    private Caller caller;
    private Locale locale;
    private Long unread;

    public TemplateInstance page(TemplateInstance template) {
        return template.setLocale(locale());
    }

    public Locale locale() {
        if (locale == null) {
            locale = Languages.resolve(cookie(LANGUAGE_COOKIE), routing.request().getHeader("Accept-Language"));
        }
        return locale;
    }

    /** The page language as an ISO code, for {@code <html lang>} and the language switch. */
    public String lang() {
        return locale().getLanguage();
    }

    public List<String> languages() {
        return Languages.SUPPORTED;
    }

    public Caller caller() {
        if (caller == null) {
            // An error page can be rendered on the event loop, before any worker thread: a request
            // refused by @RolesAllowed then shows the name and roles its token carries (no database
            // lookup), and one whose identity was never resolved (the logout path) renders signed out.
            if (Context.isOnEventLoopThread()) {
                caller = routing.user() == null ? ANONYMOUS : callers.fromTokenOnly();
            } else {
                caller = callers.current();
            }
        }
        return caller;
    }

    private boolean has(String role) {
        return caller().has(role);
    }

    public boolean signedIn() {
        return caller().subject() != null;
    }

    public String userName() {
        return caller().username();
    }

    public String organization() {
        return caller().organizationCode() == null ? "" : caller().organizationCode();
    }

    public boolean manufacturer() {
        return has(Roles.MANUFACTURER);
    }

    public boolean ministry() {
        return has(Roles.MINISTRY);
    }

    public boolean coordinator() {
        return has(Roles.COORDINATOR);
    }

    public boolean auditor() {
        return has(Roles.AUDITOR);
    }

    public boolean admin() {
        return has(Roles.ADMIN);
    }

    /** The token every form posts back as {@value Csrf#FIELD}. */
    public String csrf() {
        return csrf.token(routing);
    }

    public String csrfField() {
        return Csrf.FIELD;
    }

    /** Path of the current page, so the navigation can mark where the user is. */
    public String path() {
        return routing.request().path();
    }

    /**
     * Where the language switch comes back to: this page with its query (filters, the pair an
     * explanation is of) when it was got; when it answers a form post, which has no page to get
     * again, the page the form was on (its Referer's path and query), else home.
     */
    public String back() {
        io.vertx.core.http.HttpServerRequest request = routing.request();
        if (request.method() == io.vertx.core.http.HttpMethod.GET) {
            return withQuery(request.path(), request.query());
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                java.net.URI from = new java.net.URI(referer);
                if (from.getRawPath() != null && from.getRawPath().startsWith("/ui")) {
                    return withQuery(from.getRawPath(), from.getRawQuery());
                }
            } catch (java.net.URISyntaxException e) {
                // not a usable address: home
            }
        }
        return "/ui";
    }

    private static String withQuery(String path, String query) {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    public boolean at(String prefix) {
        String path = path();
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    public long unread() {
        if (unread == null) {
            unread = signedIn() && !Context.isOnEventLoopThread() ? unreadCounters.stream().mapToLong(c -> c.unread(caller())).sum() : 0L;
        }
        return unread;
    }

    private String cookie(String name) {
        Cookie cookie = routing.request().getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }
}
