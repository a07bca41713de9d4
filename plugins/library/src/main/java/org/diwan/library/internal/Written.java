package org.diwan.library.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a store calls after a write, with the connection of its transaction and the record's id, so that the audit
 * entry and the event for integrators commit or roll back with the change. {@link #NONE} where nothing is recorded
 * (tests of a store alone, imports that record in bulk).
 */
@FunctionalInterface
public interface Written {

    Written NONE = (connection, id) -> { };

    void written(Connection connection, String id) throws SQLException;
}
