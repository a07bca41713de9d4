package org.diwan.library.internal.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The tombstones' table, written inside the transaction of the change that makes or ends one, so that a record is
 * never both public and a tombstone, nor neither after leaving the public.
 */
final class RecordTombstones {

    private static final int CHUNK = 100;

    private RecordTombstones() {
    }

    /**
     * After an edit: a record that leaves the public gets a tombstone dated now; one made public again loses it. An
     * edit that keeps a record withdrawn keeps the date it was withdrawn on: harvesters were told then.
     */
    static void accessChanged(Connection c, String id, RecordType type, AccessLevel before, AccessLevel after, Instant at, String actor)
            throws SQLException {
        if (after == AccessLevel.PUBLIC) {
            remove(c, id);
        } else if (before == AccessLevel.PUBLIC) {
            remove(c, id);
            insert(c, id, type, Tombstone.Reason.WITHDRAWN, true, at, actor);
        }
    }

    /**
     * A deletion: the tombstone is dated now. Harvesters are told of it when the record was public or withdrawn from
     * the public (they may hold a copy); a record they never saw stays unknown to them.
     */
    static void deleted(Connection c, String id, RecordType type, AccessLevel before, Instant at, String actor) throws SQLException {
        boolean withdrawn = !all(c, List.of(id)).isEmpty();
        remove(c, id);
        insert(c, id, type, Tombstone.Reason.DELETED, before == AccessLevel.PUBLIC || withdrawn, at, actor);
    }

    static Map<String, Tombstone> all(DataSource dataSource, Collection<String> ids) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return all(c, ids);
        }
    }

    private static Map<String, Tombstone> all(Connection c, Collection<String> ids) throws SQLException {
        List<String> list = List.copyOf(ids);
        Map<String, Tombstone> found = new HashMap<>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
            try (PreparedStatement s = c.prepareStatement("SELECT record_id, record_type, reason, was_public, removed_at FROM record_tombstone"
                    + " WHERE record_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new Tombstone(rs.getString(1), RecordType.valueOf(rs.getString(2)),
                                Tombstone.Reason.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getTimestamp(5).toInstant()));
                    }
                }
            }
        }
        return found;
    }

    private static void remove(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM record_tombstone WHERE record_id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    private static void insert(Connection c, String id, RecordType type, Tombstone.Reason reason, boolean wasPublic, Instant at, String actor)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO record_tombstone (record_id, record_type, reason, was_public, removed_at,"
                + " removed_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, type.name());
            s.setString(3, reason.name());
            s.setBoolean(4, wasPublic);
            s.setTimestamp(5, Timestamp.from(at));
            s.setString(6, actor);
            s.executeUpdate();
        }
    }
}
