package ua.kuznia.notification;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.kuznia.common.Page;
import ua.kuznia.common.PageRequest;
import ua.kuznia.identity.CallerService;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Notifications", description = "The caller's inbox: new matches, interest and decisions for their organization")
public class NotificationResource {

    public record UnreadCount(long unread) {
    }

    public record PreferencesBody(List<String> mutedKinds, @NotNull Boolean emailEnabled) {
    }

    @Inject
    NotificationService notifications;

    @Inject
    CallerService callers;

    @Inject
    SignedInUser user;

    @GET
    @Operation(summary = "The caller's notifications, newest first; unread=true for unread ones only")
    public Page<NotificationService.NotificationView> list(@Valid @BeanParam PageRequest page,
                                                           @QueryParam("unread") boolean unread) {
        notifications.remember(callers.current(), user.email(), null);
        return notifications.inbox(callers.current(), unread, page);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread")
    public UnreadCount unreadCount() {
        return new UnreadCount(notifications.unread(callers.current()));
    }

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark one notification read for the caller")
    public UnreadCount read(@PathParam("id") long id) {
        notifications.markRead(id, callers.current());
        return unreadCount();
    }

    @POST
    @Path("/read-all")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark all of the caller's notifications read")
    public UnreadCount readAll() {
        notifications.markAllRead(callers.current());
        return unreadCount();
    }

    @GET
    @Path("/preferences")
    @Operation(summary = "The caller's muted kinds and whether notifications are also e-mailed")
    public NotificationService.Preferences preferences() {
        notifications.remember(callers.current(), user.email(), null);
        return notifications.preferences(callers.current());
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mute kinds (NEW_MATCH, INTEREST, DECISION) and turn e-mail on or off")
    public NotificationService.Preferences updatePreferences(@Valid @NotNull PreferencesBody body) {
        // Validated and stored first: a refused request must leave no trace, not even the address.
        notifications.updatePreferences(callers.current(), body.mutedKinds(), body.emailEnabled());
        notifications.remember(callers.current(), user.email(), null);
        return notifications.preferences(callers.current());
    }
}
