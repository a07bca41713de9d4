package org.diwan.integration.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import javax.sql.DataSource;

import org.diwan.api.events.Announcement;
import org.diwan.api.events.Announcements;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.node.NodeInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Writes record events and announcements into {@code events.event_outbox} through the plugin's own connection, so
 * they share its transaction. Needs no broker: events wait in the outbox while there is none. The events schema's data source is
 * referenced only so that this service appears once the table exists.
 */
@Component(service = {RecordEvents.class, Announcements.class})
public final class JdbcRecordEvents implements RecordEvents, Announcements {

    private final EventBell bell;
    private final String node;

    @Activate
    public JdbcRecordEvents(@Reference(target = "(diwan.schema=events)") DataSource events, @Reference NodeInfo node,
            @Reference EventBell bell) {
        this(node.nodeId(), bell);
    }

    JdbcRecordEvents(String node, EventBell bell) {
        this.node = node;
        this.bell = bell;
    }

    @Override
    public void publish(Connection connection, RecordEvent event) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(event, "event");
        EventOutbox.insert(connection, event, node);
        bell.ring();
    }

    @Override
    public void announce(Connection connection, Announcement announcement) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(announcement, "announcement");
        EventOutbox.insert(connection, announcement, Instant.now());
        bell.ring();
    }
}
