package org.diwan.api.events;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a plugin puts an {@link Announcement} on the bus, in the transaction that makes the change it announces:
 * written to the same outbox as {@link RecordEvents}, it commits or rolls back with the change and is sent after the
 * commit, persistent, once (the broker's duplicate detection), in the order it was written, while the broker is away
 * waiting in the outbox.
 */
@ProviderType
public interface Announcements {

    /**
     * Adds the announcement to the outbox through the caller's connection, before the caller commits.
     *
     * @throws SQLException as the caller's own statements would
     */
    void announce(Connection connection, Announcement announcement) throws SQLException;
}
