package org.diwan.integration.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;

/**
 * The {@code events.event_outbox} table. Plugins write to it through their own connections (hence the qualified name:
 * their connections sit in their own schema); the relay reads and empties it through the events schema's.
 * Not final: a test makes its delete fail, as a crash between the send and the delete would.
 */
class EventOutbox {

    static final String INSERT = "INSERT INTO events.event_outbox (event_id, plugin, record_type, record_id, version, kind,"
            + " from_state, to_state, actor, occurred_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** An event as it waits for the broker: everything the message needs, its body already written. */
    record Entry(long seq, String eventId, String plugin, String type, String recordId, long version, EventKind kind,
            String fromState, String toState, String actor, Instant at, String body) {

        String address() {
            return org.diwan.api.events.RecordEvents.ADDRESS_PREFIX + plugin + "." + kind.segment();
        }
    }

    private final DataSource dataSource;

    EventOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the event through the caller's connection; returns its event id. */
    static String insert(Connection connection, RecordEvent event, String node) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            s.setString(1, eventId);
            s.setString(2, event.plugin());
            s.setString(3, event.type());
            s.setString(4, event.recordId());
            s.setLong(5, event.version());
            s.setString(6, event.kind().segment());
            s.setString(7, clip(event.fromState(), 64));
            s.setString(8, clip(event.toState(), 64));
            s.setString(9, clip(event.actor(), 64));
            s.setTimestamp(10, Timestamp.from(event.at()));
            s.setString(11, EventJson.body(event, eventId, node));
            s.executeUpdate();
        }
        return eventId;
    }

    /** The oldest entries, in the order they were written. */
    List<Entry> oldest(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, event_id, plugin, record_type, record_id, version, kind, from_state, to_state, actor, occurred_at, body"
                        + " FROM event_outbox ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            s.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), EventKind.ofSegment(rs.getString(7)), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12)));
                }
            }
            return entries;
        }
    }

    /** Forgets one entry the broker holds now; by its own number, never "up to" (a lower number may commit later). */
    void remove(Entry entry) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM event_outbox WHERE seq = ?")) {
            s.setLong(1, entry.seq());
            s.executeUpdate();
        }
    }

    long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM event_outbox");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Longer values are cut rather than refused: an event must never block the change it reports. */
    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
