package ua.kuznia.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import ua.kuznia.common.Problem;

/**
 * A browser gets a page, not JSON: a problem answered on a web page's path (the services raise
 * the same problems for the API and the pages) is rendered as the friendly error page, in the
 * user's language, with the problem's status and its detail — never a stack trace.
 */
public class ErrorPages {

    @Inject
    @Location("error.html")
    Template error;

    @Inject
    UiContext ui;

    @ServerResponseFilter
    public void render(ContainerResponseContext response, RoutingContext routing) {
        if (!(response.getEntity() instanceof Problem problem) || !isPage(routing.request().path())) {
            return;
        }
        String html = ui.page(error.data("status", problem.status).data("detail", problem.detailIn(ui.locale()))).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    static boolean isPage(String path) {
        return path.equals("/") || path.equals("/ui") || path.startsWith("/ui/");
    }
}
