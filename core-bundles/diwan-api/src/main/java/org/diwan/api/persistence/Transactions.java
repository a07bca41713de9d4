package org.diwan.api.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** One transaction around a piece of work: committed when it returns, rolled back when it throws. */
public final class Transactions {

    /** Work on a connection that is not auto-committing. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
