package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncOutbox;
import org.diwan.api.sync.SyncedType;

/**
 * A small plugin's record type, written the way a real plugin writes one: a table in its own schema, the
 * change captured in the write's transaction, apply idempotent by version, a parent that must exist first.
 * Payload: {@code parent|body} (parent empty for none).
 */
final class NotesType implements SyncedType {

    static final String NAME = "notes.note";

    private final DataSource dataSource;
    private final NodeRole owner;
    private final SyncOutbox outbox;

    NotesType(DataSource dataSource, NodeRole owner, SyncOutbox outbox) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NodeRole owner() {
        return owner;
    }

    /** Creates or edits a note as a user would, capturing the change; {@code fail} rolls back after the capture. */
    long write(String id, String parent, String body, String mission, boolean fail) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long version = current(c, id).map(v -> v + 1).orElse(1L);
                if (version == 1) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO note (id, parent, body, version) VALUES (?, ?, ?, 1)")) {
                        s.setString(1, id);
                        s.setString(2, parent);
                        s.setString(3, body);
                        s.executeUpdate();
                    }
                } else {
                    try (PreparedStatement s = c.prepareStatement("UPDATE note SET body = ?, version = ? WHERE id = ?")) {
                        s.setString(1, body);
                        s.setLong(2, version);
                        s.setString(3, id);
                        s.executeUpdate();
                    }
                }
                outbox.capture(c, new SyncChange(NAME, id, version, mission, (parent == null ? "" : parent) + "|" + body));
                if (fail) {
                    throw new SQLException("the user's write failed after the capture");
                }
                c.commit();
                return version;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public Applied apply(SyncChange change) throws SQLException {
        String[] parts = change.payload().split("\\|", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
            throw new IllegalArgumentException("a note needs a body");
        }
        String parent = parts[0].isEmpty() ? null : parts[0];
        try (Connection c = dataSource.getConnection()) {
            Optional<Long> stored = current(c, change.recordId());
            if (stored.isPresent() && stored.get() >= change.version()) {
                return Applied.STALE;
            }
            if (parent != null && current(c, parent).isEmpty()) {
                return Applied.DEFERRED;
            }
            String sql = stored.isPresent() ? "UPDATE note SET parent = ?, body = ?, version = ?, received_from = ? WHERE id = ?"
                    : "INSERT INTO note (parent, body, version, received_from, id) VALUES (?, ?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, parent);
                s.setString(2, parts[1]);
                s.setLong(3, change.version());
                s.setString(4, owner == NodeRole.MISSION ? change.missionCode() : null);
                s.setString(5, change.recordId());
                s.executeUpdate();
            }
            return Applied.APPLIED;
        }
    }

    /** A note received from a mission is that mission's; one written here is headquarters'. */
    @Override
    public Map<String, RecordOwner> owners(Collection<String> recordIds) throws SQLException {
        Map<String, RecordOwner> owners = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT received_from FROM note WHERE id = ?")) {
            for (String id : recordIds) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        owners.put(id, rs.getString(1) == null ? RecordOwner.headquarters() : RecordOwner.mission(rs.getString(1)));
                    }
                }
            }
        }
        return owners;
    }

    /** The mission a note was received from, or {@code null} (made here, or absent). */
    String receivedFrom(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT received_from FROM note WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public void export(String missionCode, Consumer<SyncChange> sink) throws SQLException {
        for (String[] row : rows()) {
            sink.accept(new SyncChange(NAME, row[0], Long.parseLong(row[3]), null, (row[1] == null ? "" : row[1]) + "|" + row[2]));
        }
    }

    /** id, parent, body, version of every note, by id. */
    List<String[]> rows() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, parent, body, version FROM note ORDER BY id");
                ResultSet rs = s.executeQuery()) {
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), Long.toString(rs.getLong(4))});
            }
            return rows;
        }
    }

    private static Optional<Long> current(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM note WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
