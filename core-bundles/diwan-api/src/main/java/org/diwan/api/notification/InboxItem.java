package org.diwan.api.notification;

import java.time.Instant;

/** A notification as its recipient's inbox holds it. */
public record InboxItem(long id, Notification notification, Instant sentAt, boolean read) {
}
