package org.diwan.api.sync;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Table sync as a platform service: a plugin declares each synced table ({@link SyncedTable}) and registers it,
 * and its stores call {@link #capture} in the transaction of every write. The platform then does what a
 * hand-written {@link SyncedType} would: the payload, the version check, storing a batch in one transaction,
 * the ownership of every row, deferring a row whose parent has not arrived, and the full export.
 */
@ProviderType
public interface SyncedTables {

    /** A registered table; closing it unregisters the type (a plugin closes it when it deactivates). */
    interface Registration extends AutoCloseable {
        SyncedTable table();

        @Override
        void close();
    }

    /**
     * Registers the table as a synced type of this node, stored through {@code dataSource} (the plugin's schema).
     *
     * @throws IllegalStateException when a type of this name is registered already
     */
    Registration register(SyncedTable table, DataSource dataSource, TableRules rules);

    /**
     * Captures the row {@code recordId} of {@code table} as the caller's transaction now holds it (and its child
     * rows, and its document's content when the table names one) into the outbox, through {@code connection}:
     * call it after the write, before the commit. The store never builds a payload itself.
     *
     * @throws SQLException as the caller's own statements would, or when the row is not there
     */
    void capture(Connection connection, SyncedTable table, String recordId) throws SQLException;
}
