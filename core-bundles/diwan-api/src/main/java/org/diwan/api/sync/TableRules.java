package org.diwan.api.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A department's own rules for a {@link SyncedTable}, beside what the platform enforces for every table: a
 * receiving node calls them while it stores a batch, in that batch's transaction.
 */
@ConsumerType
public interface TableRules {

    /** No rules of its own. */
    TableRules NONE = new TableRules() {
    };

    /**
     * Called for each new version about to be stored, after the platform's checks, with the batch's connection:
     * set {@link IncomingRow#local() local columns} this node derives, or stop the row.
     *
     * @return empty to store the row, or {@link Applied#DEFERRED} while something it needs has not arrived
     * @throws IllegalArgumentException to refuse the row: the change is set aside for an administrator
     */
    default Optional<Applied> check(Connection connection, IncomingRow row) throws SQLException {
        return Optional.empty();
    }

    /**
     * Called after the batch committed, for each change of it, with what became of it: work no transaction
     * undoes (files) goes here. Returns what to report; a crash before it ran leaves the row stored, so it must
     * also do its work for a {@link Applied#STALE} change whose work is missing.
     */
    default Applied afterCommit(SyncChange change, Applied applied) throws Exception {
        return applied;
    }
}
