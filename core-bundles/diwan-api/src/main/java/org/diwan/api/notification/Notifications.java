package org.diwan.api.notification;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The users' inboxes. */
@ProviderType
public interface Notifications {

    /**
     * Sends through the caller's connection, so that the notification goes with the change it tells of, or not at
     * all (a transition rolled back notifies nobody).
     */
    void send(Connection connection, Notification notification) throws SQLException;

    /** Sends in a transaction of its own: for what has none (an alarm, a clock). */
    void send(Notification notification);

    /**
     * Sends to every enabled user who holds the permission (administrators hold every one): the same message to
     * each, in each one's own language when read. Returns how many were told.
     */
    int sendToHolders(String permission, String messageKey, List<String> args, String link);

    /**
     * {@link #sendToHolders(String, String, List, String)} through the caller's connection: the holders are told with
     * the change (a workflow's move), or not at all.
     *
     * @since 1.1
     */
    int sendToHolders(Connection connection, String permission, String messageKey, List<String> args, String link) throws SQLException;

    int unread(String recipient);

    /** The recipient's notifications, newest first. */
    List<InboxItem> inbox(String recipient, int offset, int limit);

    /** One of the recipient's notifications; empty for an id of someone else's. */
    java.util.Optional<InboxItem> find(String recipient, long id);

    /** Marks one of the recipient's notifications read; another user's id changes nothing. */
    void markRead(String recipient, long id);

    void markAllRead(String recipient);
}
