package org.diwan.api.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * One transaction around a piece of work: committed when it returns, rolled back when it throws. A transaction
 * that loses a lock race (SQLState {@code 40001} deadlock or {@code 40XL1}: Derby also answers the latter when
 * concurrent inserts contend for an identity column's next values) is run again, up to {@value #ATTEMPTS} times:
 * the work must therefore be database statements only, with no effect outside the transaction.
 */
public final class Transactions {

    /** Runs of one piece of work before a lost lock race is reported. */
    public static final int ATTEMPTS = 3;

    /** Work on a connection that is not auto-committing. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                return once(dataSource, work);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !lostLockRace(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean lostLockRace(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("40001".equals(next.getSQLState()) || "40XL1".equals(next.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && cause != e && lostLockRace(cause);
    }

    private static <T> T once(DataSource dataSource, Work<T> work) throws SQLException {
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
