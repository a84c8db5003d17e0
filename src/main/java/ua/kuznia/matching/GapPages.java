package ua.kuznia.matching;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import ua.kuznia.identity.CallerService;
import ua.kuznia.identity.Roles;
import ua.kuznia.web.UiContext;

/** The gap view: supply, demand and partnerships per capability area, priorities without a partner first to the eye. */
@Path("/ui/gaps")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
public class GapPages {

    /** One row of the table: the gap with its name in the page's language and its depth for indenting. */
    public record Row(GapService.AreaGap gap, String name, int depth) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance gaps(List<Row> rows, boolean priorityOnly, long openGaps);
    }

    @Inject
    GapService gaps;

    @Inject
    CallerService callers;

    @Inject
    UiContext ui;

    @GET
    public TemplateInstance gaps(@QueryParam("priorityOnly") boolean priorityOnly) {
        boolean ukrainian = "uk".equals(ui.lang());
        List<GapService.AreaGap> all = gaps.gaps(callers.current());
        List<Row> rows = all.stream().filter(g -> !priorityOnly || g.priorityArea())
                .map(g -> new Row(g, ukrainian ? g.nameUk() : g.nameEn(), g.area().split("\\.").length - 1)).toList();
        long open = all.stream().filter(GapService.AreaGap::noPartnerYet).count();
        return ui.page(Templates.gaps(rows, priorityOnly, open));
    }
}
