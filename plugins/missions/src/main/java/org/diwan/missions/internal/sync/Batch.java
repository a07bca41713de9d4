package org.diwan.missions.internal.sync;

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
    private final Map<String, Optional<String>> missionCodes = new HashMap<>();

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

    /** The code of the mission with this id in the directory, or {@code null}; asked once a batch. */
    String missionCode(String missionId) throws SQLException {
        Optional<String> code = missionCodes.get(missionId);
        if (code == null) {
            PreparedStatement s = statement(MissionsSync.MISSION_CODE);
            s.setString(1, missionId);
            try (ResultSet rs = s.executeQuery()) {
                code = Optional.ofNullable(rs.next() ? rs.getString(1) : null);
            }
            missionCodes.put(missionId, code);
        }
        return code.orElse(null);
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
