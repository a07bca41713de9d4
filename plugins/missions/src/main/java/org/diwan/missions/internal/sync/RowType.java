package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.sync.Applied;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;
import org.diwan.missions.internal.common.Transactions;

/**
 * A synced type kept in one versioned table: every change carries the whole row, a batch is stored in one
 * transaction, and a version at or below the stored one is ignored. Subclasses say what else a row needs
 * ({@link #check}) and which local columns to set.
 */
abstract class RowType implements SyncedType {

    private final DataSource dataSource;
    private final RowCodec codec;
    private final String exportOrder;

    /** @param exportOrder the {@code ORDER BY} columns a resend reads the rows in */
    RowType(DataSource dataSource, RowCodec codec, String exportOrder) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.exportOrder = exportOrder;
    }

    /**
     * Before a new version is stored: empty to store it with these local columns, or a result that stops it
     * ({@link Applied#DEFERRED} while a record it refers to is missing).
     *
     * @throws IllegalArgumentException when the row must be refused
     */
    abstract Optional<Applied> check(Batch batch, SyncChange change, ObjectNode row, Map<String, Object> local) throws SQLException;

    @Override
    public final Applied apply(SyncChange change) throws Exception {
        return applyAll(List.of(change)).get(0);
    }

    @Override
    public final List<Applied> applyAll(List<SyncChange> changes) throws Exception {
        List<ObjectNode> rows = changes.stream().map(change -> Payloads.row(change, Payloads.object(change))).toList();
        return Transactions.inTransaction(dataSource, c -> {
            try (Batch batch = new Batch(c)) {
                // the same record may come twice in a batch (two edits): what this batch stored counts too
                Map<String, Long> stored = codec.versions(batch, changes.stream().map(SyncChange::recordId).distinct().toList());
                List<Applied> results = new ArrayList<>(changes.size());
                for (int i = 0; i < changes.size(); i++) {
                    results.add(applyIn(batch, stored, changes.get(i), rows.get(i)));
                }
                return results;
            }
        });
    }

    private Applied applyIn(Batch batch, Map<String, Long> stored, SyncChange change, ObjectNode row) throws SQLException {
        Long version = stored.get(change.recordId());
        if (version != null && version >= change.version()) {
            return Applied.STALE;
        }
        Map<String, Object> local = new HashMap<>();
        Optional<Applied> stop = check(batch, change, row, local);
        if (stop.isPresent()) {
            return stop.get();
        }
        codec.upsert(batch, row, local, version != null);
        stored.put(change.recordId(), change.version());
        return Applied.APPLIED;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The mission a row is addressed to, or {@code null} for every mission. */
    @FunctionalInterface
    interface Addressee {
        String of(Batch batch, ObjectNode row) throws SQLException;
    }

    /** Sends every row matching {@code where}, in the export order, at its current version. */
    final void exportRows(String where, Object[] args, Addressee addressee, Consumer<SyncChange> sink) throws SQLException {
        try (Connection c = dataSource.getConnection(); Batch batch = new Batch(c)) {
            for (ObjectNode row : codec.readWhere(c, where + " ORDER BY " + exportOrder, args)) {
                sink.accept(new SyncChange(name(), row.path("id").asText(), row.path("version").asLong(), addressee.of(batch, row),
                        row.toString()));
            }
        }
    }

    RowCodec codec() {
        return codec;
    }
}
