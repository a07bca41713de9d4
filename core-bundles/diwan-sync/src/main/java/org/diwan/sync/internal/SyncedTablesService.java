package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncOutbox;
import org.diwan.api.sync.SyncedTable;
import org.diwan.api.sync.SyncedTables;
import org.diwan.api.sync.TableRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Table sync for plugins: a declared table becomes a synced type of the node, and a plugin's write captures its
 * row through here, so that no store builds a payload by hand. Public for plugins' unit tests, never exported.
 */
@Component(service = SyncedTables.class)
public final class SyncedTablesService implements SyncedTables {

    private final SyncOutbox outbox;
    private final TypeRegistry registry;
    /** Each declaration's codecs, so that a capture reads the table's columns once, not once a write. */
    private final Map<SyncedTable, TableRows> tables = new ConcurrentHashMap<>();
    private final Set<TableType> registered = ConcurrentHashMap.newKeySet();

    @Activate
    public SyncedTablesService(@Reference SyncOutbox outbox, @Reference TypeRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    /** Capturing only, with no node to register types with: for plugins' unit tests of their stores. */
    public SyncedTablesService(SyncOutbox outbox) {
        this(outbox, new TypeRegistry());
    }

    @Deactivate
    void deactivate() {
        registered.forEach(registry::remove);
        registered.clear();
    }

    @Override
    public Registration register(SyncedTable table, DataSource dataSource, TableRules rules) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(dataSource, "dataSource");
        TableType type = new TableType(rows(table), dataSource, rules);
        if (!registry.register(type)) {
            throw new IllegalStateException("sync type " + table.type() + " is registered already");
        }
        registered.add(type);
        return new Registration() {
            @Override
            public SyncedTable table() {
                return table;
            }

            @Override
            public void close() {
                if (registered.remove(type)) {
                    registry.remove(type);
                }
            }
        };
    }

    @Override
    public void capture(Connection connection, SyncedTable table, String recordId) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(recordId, "recordId");
        TableRows rows = rows(table);
        try (Batch batch = new Batch(connection)) {
            SyncChange change = rows.change(connection, batch, recordId);
            if (table.documentColumn() != null) {
                String documentId = rows.codec().readWhere(connection, table.idColumn() + " = ?", recordId).get(0)
                        .path(table.documentColumn()).asText(null);
                if (documentId != null) {
                    // the content first: the row waits at the other side until its document is there
                    outbox.captureDocument(connection, documentId, change.missionCode());
                }
            }
            outbox.capture(connection, change);
        }
    }

    private TableRows rows(SyncedTable table) {
        return tables.computeIfAbsent(Objects.requireNonNull(table, "table"), TableRows::new);
    }
}
