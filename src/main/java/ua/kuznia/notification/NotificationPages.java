package ua.kuznia.notification;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.common.ProblemException;
import ua.kuznia.identity.Caller;
import ua.kuznia.web.Pager;
import ua.kuznia.web.UiContext;

/** The inbox and its settings, for every signed-in user. */
@Path("/ui/inbox")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class NotificationPages {

    private static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<Row> rows, boolean unreadOnly, Pager pager);

        static native TemplateInstance preferences(Set<String> muted, boolean emailEnabled, boolean emailKnown,
                                                   boolean saved, boolean mutedInvalid);
    }

    /** A notification and its sentence in the page's language. */
    public record Row(NotificationService.NotificationView notification, String text) {
    }

    @Inject
    UiContext ui;

    @Inject
    NotificationService notifications;

    @Inject
    SignedInUser user;

    @GET
    public TemplateInstance inbox(@QueryParam("unread") boolean unreadOnly, @QueryParam("page") int page) {
        Caller caller = ui.caller();
        notifications.remember(caller, user.email(), ui.locale());
        Page<NotificationService.NotificationView> found = notifications.inbox(caller, unreadOnly,
                new PageRequest(Math.max(0, page), PAGE_SIZE));
        NotificationMessages messages = NotificationTexts.messages(ui.locale());
        List<Row> rows = found.items().stream().map(n -> new Row(n,
                NotificationTexts.text(messages, n.event(), n.offerTitle(), n.manufacturerName()))).toList();
        return ui.page(Templates.inbox(rows, unreadOnly, Pager.of(found)));
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response read(@PathParam("id") long id, @RestForm boolean unread, @RestForm int page) {
        notifications.markRead(id, ui.caller());
        return backToInbox(unread, page);
    }

    @POST
    @Path("read-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response readAll() {
        notifications.markAllRead(ui.caller());
        return backToInbox(false, 0);
    }

    @GET
    @Path("preferences")
    public TemplateInstance preferences(@QueryParam("saved") boolean saved) {
        notifications.remember(ui.caller(), user.email(), ui.locale());
        NotificationService.Preferences current = notifications.preferences(ui.caller());
        return ui.page(Templates.preferences(names(current.mutedKinds()), current.emailEnabled(), current.emailKnown(), saved, false));
    }

    @POST
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePreferences(@RestForm("muted") List<String> muted, @RestForm("email") String email) {
        boolean emailEnabled = "on".equals(email);
        try {
            notifications.updatePreferences(ui.caller(), muted, emailEnabled);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            // Show the form as the user filled it in, with the kinds that were valid still ticked.
            Set<NotificationKind> chosen = EnumSet.noneOf(NotificationKind.class);
            for (NotificationKind kind : NotificationKind.values()) {
                if (muted != null && muted.contains(kind.name())) {
                    chosen.add(kind);
                }
            }
            return Response.status(422).entity(ui.page(Templates.preferences(names(chosen), emailEnabled,
                    notifications.preferences(ui.caller()).emailKnown(), false, true))).build();
        }
        return Response.seeOther(URI.create("/ui/inbox/preferences?saved=true")).build();
    }

    private static Set<String> names(Set<NotificationKind> kinds) {
        return kinds.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
    }

    private static Response backToInbox(boolean unreadOnly, int page) {
        String query = unreadOnly ? "?unread=true&page=" + Math.max(0, page) : page > 0 ? "?page=" + page : "";
        return Response.seeOther(URI.create("/ui/inbox" + query)).build();
    }
}
