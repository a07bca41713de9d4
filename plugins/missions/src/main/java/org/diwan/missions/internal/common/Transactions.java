package org.diwan.missions.internal.common;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.diwan.api.persistence.Transactions.Work;

/**
 * The department's transactions: {@link org.diwan.api.persistence.Transactions}, and the versioned update of a synced
 * record captured for sync in the same transaction.
 */
public final class Transactions {

    private Transactions() {
    }

    /**
     * A versioned update of a synced record, and the capture of the record when it changed a row, in one
     * transaction; returns the rows updated (0 when the version or the record's state no longer matched).
     */
    public static int updateAndCapture(DataSource dataSource, String id, ChangeCapture capture, Work<Integer> update) throws SQLException {
        return inTransaction(dataSource, c -> {
            int rows = update.run(c);
            if (rows > 0) {
                capture.changed(c, id);
            }
            return rows;
        });
    }

    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        return org.diwan.api.persistence.Transactions.inTransaction(dataSource, work);
    }
}
