package org.diwan.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** Commit, rollback, and a second run when a transaction lost a lock race. */
class TransactionsTest {

    private final List<String> calls = new ArrayList<>();

    /** A data source whose connections record commit and rollback: the transaction logic is what is tested here. */
    private DataSource recording() {
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit", "rollback" -> calls.add(method.getName());
                        default -> {
                            // autocommit and close need no record
                        }
                    }
                    return null;
                });
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection") ? connection : null);
    }

    @Test
    void aLostLockRaceIsRunAgainAndThenCommitted() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        String result = Transactions.inTransaction(recording(), c -> {
            if (runs.incrementAndGet() < 3) {
                throw new SQLTransactionRollbackException("A lock could not be obtained within the time requested", "40XL1");
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(calls).containsExactly("rollback", "rollback", "commit");
    }

    @Test
    void otherFailuresAndTooManyLostRacesAreReportedAfterRollingBack() {
        assertThatThrownBy(() -> Transactions.inTransaction(recording(), c -> {
            throw new SQLException("duplicate key", "23505");
        })).hasMessage("duplicate key");
        assertThat(calls).containsExactly("rollback");
        calls.clear();

        assertThatThrownBy(() -> Transactions.inTransaction(recording(), c -> {
            throw new SQLException("deadlock", "40001");
        })).hasMessage("deadlock");
        assertThat(calls).hasSize(Transactions.ATTEMPTS).containsOnly("rollback");
    }
}
