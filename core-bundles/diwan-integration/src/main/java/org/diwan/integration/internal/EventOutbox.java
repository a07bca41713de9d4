package org.diwan.integration.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.events.Announcement;
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

    /** The kind column of an announcement's row. */
    static final String ANNOUNCEMENT = "announcement";
    static final String INSERT_ANNOUNCEMENT = "INSERT INTO events.event_outbox (event_id, plugin, record_type, record_id, version, kind,"
            + " actor, occurred_at, body, address, properties, payload, payload_text) VALUES (?, ?, ?, '-', 0, '" + ANNOUNCEMENT
            + "', ?, ?, '', ?, ?, ?, ?)";

    /**
     * An event as it waits for the broker: everything the message needs, its body already written. An announcement's
     * has no kind but its own {@code announced} address, properties and payload.
     */
    record Entry(long seq, String eventId, String plugin, String type, String recordId, long version, EventKind kind,
            String fromState, String toState, String actor, Instant at, String body, Announced announced) {

        Entry(long seq, String eventId, String plugin, String type, String recordId, long version, EventKind kind,
                String fromState, String toState, String actor, Instant at, String body) {
            this(seq, eventId, plugin, type, recordId, version, kind, fromState, toState, actor, at, body, null);
        }

        String address() {
            return announced != null ? announced.address()
                    : org.diwan.api.events.RecordEvents.ADDRESS_PREFIX + plugin + "." + kind.segment();
        }
    }

    /** What an announcement's row carries besides an event's. */
    record Announced(String address, Map<String, String> properties, byte[] payload, boolean text) {
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

    /** Writes the announcement through the caller's connection; returns its event id. */
    static String insert(Connection connection, Announcement announcement, Instant at) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        try (PreparedStatement s = connection.prepareStatement(INSERT_ANNOUNCEMENT)) {
            s.setString(1, eventId);
            s.setString(2, announcement.plugin());
            s.setString(3, announcement.name());
            s.setString(4, clip(announcement.actor(), 64));
            s.setTimestamp(5, Timestamp.from(at));
            s.setString(6, announcement.address());
            s.setString(7, properties(announcement.properties()));
            boolean text = announcement.text() != null;
            s.setBytes(8, text ? announcement.text().getBytes(StandardCharsets.UTF_8) : announcement.bytes());
            s.setBoolean(9, text);
            s.executeUpdate();
        }
        return eventId;
    }

    /** The oldest entries, in the order they were written. */
    List<Entry> oldest(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, event_id, plugin, record_type, record_id, version, kind, from_state, to_state, actor, occurred_at, body,"
                        + " address, properties, payload, payload_text FROM event_outbox ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            s.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean announced = ANNOUNCEMENT.equals(rs.getString(7));
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), announced ? null : EventKind.ofSegment(rs.getString(7)), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12),
                            announced ? new Announced(rs.getString(13), properties(rs.getString(14)), rs.getBytes(15), rs.getBoolean(16)) : null));
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

    /** JMS string properties as one text (a properties file: any character, in any order it reads back). */
    static String properties(Map<String, String> properties) {
        Properties all = new Properties();
        all.putAll(properties);
        StringWriter text = new StringWriter();
        try {
            all.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static Map<String, String> properties(String text) {
        Properties all = new Properties();
        try {
            all.load(new StringReader(text == null ? "" : text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        all.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }

    /** Longer values are cut rather than refused: an event must never block the change it reports. */
    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
