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

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncReport;

/**
 * The {@code sync.parked} table: received changes that wait (DEFERRED), were refused by their plugin (FAILED), or
 * were refused because the record they name belongs to someone other than their sender (REFUSED, with that
 * owner). Parking lets the receiver acknowledge the message, so that one change that cannot be applied never
 * blocks the queue behind it.
 */
final class ParkedStore {

    enum State { DEFERRED, FAILED, REFUSED }

    record Entry(long seq, SyncChange change, State state, int attempts) {
    }

    private static final int ERROR_LENGTH = 1000;
    /** Derby's duplicate-key SQL state. */
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    ParkedStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Parks the change unless it is parked already (a duplicate delivery); returns whether it was added. */
    boolean park(SyncChange change, State state, String error) throws SQLException {
        return park(change, state, error, null);
    }

    /**
     * {@link #park(SyncChange, State, String)}, noting the record's real owner when the change was refused because
     * its sender does not own the record.
     */
    boolean park(SyncChange change, State state, String error, RecordOwner owner) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO parked (change_key, record_type, record_id, version, mission_code, payload, state, attempts, last_error,"
                        + " received_at, owner_role, owner_mission) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
            s.setString(1, change.key());
            s.setString(2, change.type());
            s.setString(3, change.recordId());
            s.setLong(4, change.version());
            s.setString(5, change.missionCode());
            if (change.payload() == null) {
                s.setNull(6, Types.CLOB);
            } else {
                s.setString(6, change.payload());
            }
            s.setString(7, state.name());
            s.setString(8, clip(error));
            s.setTimestamp(9, Timestamp.from(clock.instant()));
            s.setString(10, owner == null ? null : owner.role().name());
            s.setString(11, owner == null ? null : owner.missionCode());
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Parked changes in arrival order; {@code null} for every state. */
    List<Entry> list(State state, int limit) throws SQLException {
        String where = state == null ? "" : " WHERE state = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, record_type, record_id, version, mission_code, payload, state, attempts FROM parked" + where
                        + " ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            int i = 1;
            if (state != null) {
                s.setString(i++, state.name());
            }
            s.setInt(i, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1),
                            new SyncChange(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6)),
                            State.valueOf(rs.getString(7)), rs.getInt(8)));
                }
            }
            return entries;
        }
    }

    /** What was set aside for the administrator: refused by a plugin, or refused as another's record. */
    List<SyncReport.Parked> failed(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT change_key, mission_code, received_at, attempts, last_error, owner_role, owner_mission FROM parked"
                        + " WHERE state IN ('FAILED', 'REFUSED') ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            s.setInt(1, limit);
            List<SyncReport.Parked> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new SyncReport.Parked(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                            rs.getString(5), owner(rs.getString(6), rs.getString(7))));
                }
            }
            return list;
        }
    }

    void remove(long seq) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM parked WHERE seq = ?")) {
            s.setLong(1, seq);
            s.executeUpdate();
        }
    }

    void retried(long seq, State state, String error) throws SQLException {
        retried(seq, state, error, null);
    }

    void retried(long seq, State state, String error, RecordOwner owner) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE parked SET state = ?, attempts = attempts + 1, last_error = ?, owner_role = ?, owner_mission = ? WHERE seq = ?")) {
            s.setString(1, state.name());
            s.setString(2, clip(error));
            s.setString(3, owner == null ? null : owner.role().name());
            s.setString(4, owner == null ? null : owner.missionCode());
            s.setLong(5, seq);
            s.executeUpdate();
        }
    }

    long count(State state) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM parked WHERE state = ?")) {
            s.setString(1, state.name());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static RecordOwner owner(String role, String mission) {
        if (role == null) {
            return null;
        }
        return NodeRole.valueOf(role) == NodeRole.HQ ? RecordOwner.headquarters() : RecordOwner.mission(mission);
    }

    private static String clip(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH - 1) + "…";
    }
}
