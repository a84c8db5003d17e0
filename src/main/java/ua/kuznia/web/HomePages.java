package ua.kuznia.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import org.jboss.resteasy.reactive.RestForm;

/** The public start page, the signed-in home and the language switch. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing();

        static native TemplateInstance home();
    }

    @Inject
    UiContext ui;

    @Inject
    RoutingContext routing;

    @GET
    public TemplateInstance landing() {
        return ui.page(Templates.landing());
    }

    /** Any signed-in user lands here after Keycloak; it lists what their roles let them do. */
    @GET
    @Path("ui")
    @Authenticated
    public TemplateInstance home() {
        return ui.page(Templates.home());
    }

    /**
     * Remembers the chosen language for a year and returns to the page the switch was used on.
     * An unknown language is ignored rather than refused: the page simply stays as it was.
     */
    @POST
    @Path("ui/lang")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@RestForm String lang, @RestForm String back) {
        String chosen = Languages.supported(lang);
        if (chosen != null) {
            routing.response().addCookie(Cookie.cookie(UiContext.LANGUAGE_COOKIE, chosen)
                    .setPath("/")
                    .setMaxAge(365L * 24 * 3600)
                    .setHttpOnly(true)
                    .setSecure(routing.request().isSSL())
                    .setSameSite(CookieSameSite.LAX));
        }
        return Response.seeOther(URI.create(localPath(back))).build();
    }

    /**
     * Only a path on this site: a crafted form must not turn the switch into an open redirect.
     * Anything that is not a valid URI (a space, say) goes home too, rather than failing the redirect.
     */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = new URI(back);
            return uri.isAbsolute() || uri.getRawAuthority() != null ? "/" : back;
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
