package org.diwan.missions.internal.common;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a store calls after writing a synced record, with the connection of its transaction, so that the change
 * is captured for the other node in the same commit. {@link #NONE} where nothing syncs (tests of a store alone).
 */
@FunctionalInterface
public interface ChangeCapture {

    ChangeCapture NONE = (connection, id) -> { };

    void changed(Connection connection, String id) throws SQLException;
}
