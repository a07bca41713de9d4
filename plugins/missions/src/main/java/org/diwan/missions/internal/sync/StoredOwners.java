package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.sync.RecordOwner;

/**
 * Who owns the department's stored rows on headquarters, as {@link org.diwan.api.sync.SyncedType#owners} asks: a
 * row received from a mission carries that mission's code in {@code received_from}; a row made on headquarters
 * has none and is headquarters', whichever mission it concerns. Rows of the types headquarters owns are all
 * headquarters'.
 */
final class StoredOwners {

    /** Ids asked at once (Derby plans a long IN list slower). */
    private static final int IN_LIST = 100;
    /** A piece of correspondence's {@code received_from}, by its id. */
    static final String CORRESPONDENCE = "SELECT received_from FROM correspondence WHERE id = ?";

    private StoredOwners() {
    }

    /** The owners of the rows of a mission-owned table, by their {@code received_from}. */
    static Map<String, RecordOwner> byReceivedFrom(DataSource dataSource, String table, Collection<String> ids) throws SQLException {
        return read(dataSource, "SELECT id, received_from FROM " + table + " WHERE id IN (%s)", ids);
    }

    /** The rows of a table only headquarters writes: every one headquarters'. */
    static Map<String, RecordOwner> headquarters(DataSource dataSource, String table, Collection<String> ids) throws SQLException {
        return read(dataSource, "SELECT id, CAST(NULL AS VARCHAR(32)) FROM " + table + " WHERE id IN (%s)", ids);
    }

    /**
     * @param sql a query selecting the id and the {@code received_from} that decides its owner, {@code %s} standing
     *            for the list of id parameters
     */
    static Map<String, RecordOwner> read(DataSource dataSource, String sql, Collection<String> ids) throws SQLException {
        List<String> all = List.copyOf(ids);
        Map<String, RecordOwner> owners = new HashMap<>();
        if (all.isEmpty()) {
            return owners;
        }
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += IN_LIST) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
                try (PreparedStatement s = c.prepareStatement(String.format(sql, "?, ".repeat(chunk.size() - 1) + "?"))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            owners.put(rs.getString(1), owner(rs.getString(2)));
                        }
                    }
                }
            }
        }
        return owners;
    }

    /**
     * The owner of the piece of correspondence {@code id} as stored here, or empty while it is not here; {@code s}
     * is {@link #CORRESPONDENCE} prepared.
     */
    static Optional<RecordOwner> ofCorrespondence(PreparedStatement s, String id) throws SQLException {
        s.setString(1, id);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(owner(rs.getString(1))) : Optional.empty();
        }
    }

    private static RecordOwner owner(String receivedFrom) {
        return receivedFrom == null ? RecordOwner.headquarters() : RecordOwner.mission(receivedFrom);
    }
}
