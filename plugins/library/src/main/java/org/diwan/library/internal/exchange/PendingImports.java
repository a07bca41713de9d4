package org.diwan.library.internal.exchange;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.marc4j.marc.Record;

/** Records an import holds until the cataloguer says what to do with them (table {@code import_pending}). */
final class PendingImports {

    /** How long a held record waits before it is let go. */
    static final Duration KEPT = Duration.ofDays(7);

    /** A held record: where it was in its file, its title, the descriptions it matches, the access it would get. */
    record Held(String id, int position, Record marc, String title, List<String> matchedIds, String access) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    PendingImports(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    String hold(String batch, int position, Record marc, String title, List<String> matched, String access, String actor) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO import_pending"
                + " (id, batch_id, position, marc, title, matched_ids, access_level, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, batch);
            s.setInt(3, position);
            s.setString(4, MarcSources.xml(marc));
            s.setString(5, title == null ? null : title.length() > 1000 ? title.substring(0, 1000) : title);
            s.setString(6, String.join(",", matched.subList(0, Math.min(matched.size(), 50))));
            s.setString(7, access);
            s.setString(8, actor);
            s.setTimestamp(9, Timestamp.from(clock.instant()));
            s.executeUpdate();
        }
        return id;
    }

    /** The records a batch still holds, in file order. */
    List<Held> batch(String batch) throws SQLException {
        List<Held> held = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, position, marc, title, matched_ids,"
                + " access_level FROM import_pending WHERE batch_id = ? ORDER BY position")) {
            s.setString(1, batch);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Clob clob = rs.getClob(3);
                    held.add(new Held(rs.getString(1), rs.getInt(2), MarcSources.read(clob.getSubString(1, (int) clob.length())), rs.getString(4),
                            Arrays.asList(rs.getString(5).split(",")), rs.getString(6)));
                }
            }
        }
        return held;
    }

    void release(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM import_pending WHERE id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    /** Lets go of what has waited longer than {@link #KEPT}. */
    void purge() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM import_pending WHERE created_at < ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant().minus(KEPT)));
            s.executeUpdate();
        }
    }
}
