package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.diwan.api.sync.SyncChange;

/**
 * The {@code sync.outbox} table. Plugins write to it through their own connections (hence the qualified name:
 * their connections sit in their own schema); the relay reads and empties it through the sync schema's.
 */
final class OutboxStore {

    /** Qualified: a plugin's connection has its own schema as the current one. */
    static final String INSERT = "INSERT INTO sync.outbox (record_type, record_id, version, mission_code, payload, resend_id, captured_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** A captured change and its place in the outbox; {@code resendId} is set on an administrator's resend. */
    record Entry(long seq, SyncChange change, String resendId) {

        /** The broker's duplicate id: the change's key, made distinct for a resend. */
        String duplicateId() {
            return resendId == null ? change.key() : change.key() + "#" + resendId;
        }
    }

    private final DataSource dataSource;

    OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static void insert(Connection connection, SyncChange change, Clock clock) throws SQLException {
        insert(connection, change, null, clock);
    }

    static void insert(Connection connection, SyncChange change, String resendId, Clock clock) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            s.setString(1, change.type());
            s.setString(2, change.recordId());
            s.setLong(3, change.version());
            s.setString(4, change.missionCode());
            if (change.payload() == null) {
                s.setNull(5, Types.CLOB);
            } else {
                s.setString(5, change.payload());
            }
            s.setString(6, resendId);
            s.setTimestamp(7, Timestamp.from(clock.instant()));
            s.executeUpdate();
        }
    }

    /** The oldest entries, in the order they were captured. */
    List<Entry> oldest(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, record_type, record_id, version, mission_code, payload, resend_id FROM outbox ORDER BY seq"
                        + " FETCH FIRST ? ROWS ONLY")) {
            s.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1),
                            new SyncChange(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6)),
                            rs.getString(7)));
                }
            }
            return entries;
        }
    }

    /**
     * Forgets these entries: the broker holds them now. By their own numbers, never "up to": a transaction that
     * took a lower number and commits later must not be deleted unsent.
     */
    void remove(List<Entry> entries) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
            c.setAutoCommit(false);
            try {
                for (Entry e : entries) {
                    s.setLong(1, e.seq());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM outbox");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
