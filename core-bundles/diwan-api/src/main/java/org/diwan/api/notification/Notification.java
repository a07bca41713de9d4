package org.diwan.api.notification;

import java.util.List;
import java.util.Objects;

/**
 * What to tell one user: a message key of the sender's bundle or the shell's ({@code missions.followup.due}) with
 * the arguments of its placeholders, shown in the reader's language when read, and the page it is about.
 *
 * @param recipient the user's login name
 * @param link      a path on this node ({@code /diwan/missions/correspondence/…}), or null
 */
public record Notification(String recipient, String messageKey, List<String> args, String link) {

    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.contains("\\"))) {
            // a notification never sends its reader off the node
            throw new IllegalArgumentException("a notification links to a path on this node: " + link);
        }
    }
}
