package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One batch of received rows in one transaction: its connection, the statements it prepared (one per distinct
 * SQL text, reused for every row) and the lookups its rows share. Catching up stores thousands of rows a
 * second; preparing a statement and asking for the same mission's code for each of them cost a third of it.
 */
final class Batch implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, Optional<String>> lookups = new HashMap<>();

    Batch(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** The statement for this SQL, prepared on first use; the batch closes it. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /**
     * The first column of the first row {@code sql} finds with this one parameter, or {@code null} when there is
     * none; asked once a batch for each parameter (a mission's code by its id).
     */
    String lookup(String sql, Object parameter) throws SQLException {
        String key = sql + '\u0000' + parameter;
        Optional<String> found = lookups.get(key);
        if (found == null) {
            PreparedStatement s = statement(sql);
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                found = Optional.ofNullable(rs.next() ? rs.getString(1) : null);
            }
            lookups.put(key, found);
        }
        return found.orElse(null);
    }

    /** Whether {@code table} holds the row with this id, in the batch's transaction (not cached: rows arrive). */
    boolean exists(String table, Object id) throws SQLException {
        PreparedStatement s = statement("SELECT 1 FROM " + table + " WHERE id = ?");
        s.setObject(1, id);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        statements.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
