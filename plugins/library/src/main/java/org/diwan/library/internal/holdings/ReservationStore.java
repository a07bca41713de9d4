package org.diwan.library.internal.holdings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** The reservation queues, one per record, first come first served. */
public final class ReservationStore {

    private static final String COLUMNS = "id, record_id, username, status, item_id, created_at, held_at, version";

    private final DataSource dataSource;

    public ReservationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The record's open reservations, the hold shelf's first, then the queue in order. */
    public List<Reservation> queue(Connection c, String recordId) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM reservation WHERE record_id = ? AND status IN ('WAITING', 'ON_HOLD')"
                + " ORDER BY created_at, id", recordId);
    }

    public List<Reservation> queue(String recordId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return queue(c, recordId);
        }
    }

    /** A user's open reservations, oldest first. */
    public List<Reservation> openOf(String username) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return select(c, "SELECT " + COLUMNS + " FROM reservation WHERE username = ? AND status IN ('WAITING', 'ON_HOLD')"
                    + " ORDER BY created_at, id", username);
        }
    }

    public Optional<Reservation> get(Connection c, String id) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM reservation WHERE id = ?", id).stream().findFirst();
    }

    /** The reservation a copy on the hold shelf waits for. */
    public Optional<Reservation> holding(Connection c, String itemId) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM reservation WHERE item_id = ? AND status = 'ON_HOLD'", itemId).stream().findFirst();
    }

    public void insert(Connection c, Reservation r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO reservation (" + COLUMNS + ") VALUES (?, ?, ?, ?, NULL, ?, NULL, 1)")) {
            s.setString(1, r.id());
            s.setString(2, r.recordId());
            s.setString(3, r.username());
            s.setString(4, r.status().name());
            s.setTimestamp(5, Timestamp.from(r.createdAt()));
            s.executeUpdate();
        }
    }

    /** Puts a copy on the hold shelf for a waiting reservation read at its version. */
    public boolean hold(Connection c, Reservation r, String itemId, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE reservation SET status = 'ON_HOLD', item_id = ?, held_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND status = 'WAITING'")) {
            s.setString(1, itemId);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, r.id());
            s.setInt(4, r.version());
            return s.executeUpdate() == 1;
        }
    }

    /** Closes an open reservation read at its version as fulfilled or cancelled. */
    public boolean close(Connection c, Reservation r, Reservation.Status to, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE reservation SET status = ?, closed_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND status IN ('WAITING', 'ON_HOLD')")) {
            s.setString(1, to.name());
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, r.id());
            s.setInt(4, r.version());
            return s.executeUpdate() == 1;
        }
    }

    private static List<Reservation> select(Connection c, String sql, String arg) throws SQLException {
        List<Reservation> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp held = r.getTimestamp(7);
                    found.add(new Reservation(r.getString(1), r.getString(2), r.getString(3), Reservation.Status.valueOf(r.getString(4)),
                            r.getString(5), r.getTimestamp(6).toInstant(), held == null ? null : held.toInstant(), r.getInt(8)));
                }
            }
        }
        return found;
    }
}
