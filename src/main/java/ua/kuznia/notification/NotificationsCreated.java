package ua.kuznia.notification;

import java.util.List;

/** Fired in the transaction that wrote these notifications; e-mail goes out only after it commits. */
public record NotificationsCreated(List<Long> ids) {
}
