package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.IncomingRow;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedTable;
import org.diwan.api.sync.SyncedTable.ParentLink;
import org.diwan.api.sync.SyncedType;
import org.diwan.api.sync.TableRules;

/**
 * A declared table as a synced type: a batch of changes is stored in one transaction, a version at or below the
 * stored one is ignored, a row waits for the records it refers to, and on headquarters a mission's row is stored
 * only when it is that mission's, whatever its payload claims. Public for plugins' unit tests (through the test
 * jar's classpath), never exported.
 */
public final class TableType implements SyncedType {

    /** Ids a query asks for at once (Derby plans a long IN list slower). */
    private static final int IN_LIST = 100;

    private final TableRows rows;
    private final SyncedTable table;
    private final DataSource dataSource;
    private final TableRules rules;

    public TableType(SyncedTable table, DataSource dataSource, TableRules rules) {
        this(new TableRows(table), dataSource, rules);
    }

    TableType(TableRows rows, DataSource dataSource, TableRules rules) {
        this.rows = rows;
        this.table = rows.table();
        this.dataSource = dataSource;
        this.rules = rules == null ? TableRules.NONE : rules;
    }

    SyncedTable table() {
        return table;
    }

    @Override
    public String name() {
        return table.type();
    }

    @Override
    public NodeRole owner() {
        return table.owner();
    }

    @Override
    public Applied apply(SyncChange change) throws Exception {
        return applyAll(List.of(change)).get(0);
    }

    @Override
    public List<Applied> applyAll(List<SyncChange> changes) throws Exception {
        List<TablePayload> payloads = changes.stream().map(change -> TablePayload.read(table, change)).toList();
        List<Applied> results = inTransaction(c -> {
            try (Batch batch = new Batch(c)) {
                // the same record may come twice in a batch (two edits): what this batch stored counts too
                Map<String, Long> stored = versions(batch, changes.stream().map(SyncChange::recordId).distinct().toList());
                List<Applied> applied = new ArrayList<>(changes.size());
                for (TablePayload payload : payloads) {
                    applied.add(applyIn(batch, stored, payload));
                }
                return applied;
            }
        });
        List<Applied> reported = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            reported.add(rules.afterCommit(changes.get(i), results.get(i)));
        }
        return reported;
    }

    private Applied applyIn(Batch batch, Map<String, Long> stored, TablePayload payload) throws SQLException {
        SyncChange change = payload.change();
        Long version = stored.get(change.recordId());
        if (version != null && version >= change.version()) {
            return Applied.STALE;
        }
        Connection c = batch.connection();
        Map<String, Object> values = rows.codec().decode(c, payload.row());
        Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
        for (int i = 0; i < table.children().size(); i++) {
            List<Map<String, Object>> decoded = new ArrayList<>();
            for (ObjectNode child : payload.children().get(i)) {
                decoded.add(rows.childCodec(i).decode(c, child));
            }
            children.put(table.children().get(i).field(), Collections.unmodifiableList(decoded));
        }
        for (ParentLink parent : table.references()) {
            Object parentId = values.get(parent.column());
            if (parentId != null && !batch.exists(parent.table(), parentId)) {
                return Applied.DEFERRED;
            }
        }
        Map<String, Object> local = new LinkedHashMap<>();
        Optional<Applied> stop = checkOwner(batch, change, payload.row(), values, local);
        if (stop.isEmpty()) {
            stop = rules.check(c, new IncomingRow(change, values, Collections.unmodifiableMap(children), local));
        }
        if (stop.isPresent()) {
            return stop.get();
        }
        for (String column : local.keySet()) {
            if (!table.localColumns().contains(column)) {
                throw new IllegalStateException(table.type() + ": " + column + " is set as a local column but not declared one");
            }
        }
        rows.codec().write(batch, table.idColumn(), change.recordId(), values, local, version != null);
        for (int i = 0; i < table.children().size(); i++) {
            SyncedTable.ChildRows child = table.children().get(i);
            PreparedStatement delete = batch.statement("DELETE FROM " + child.table() + " WHERE " + child.parentColumn() + " = ?");
            delete.setString(1, change.recordId());
            delete.executeUpdate();
            for (Map<String, Object> row : children.get(child.field())) {
                rows.childCodec(i).write(batch, null, change.recordId(), row, Map.of(), false);
            }
        }
        stored.put(change.recordId(), change.version());
        return Applied.APPLIED;
    }

    /**
     * Whose the row is, as stored here: a mission's row on headquarters must be the sending mission's (by the
     * parent it belongs to, or else by the mission it names), and is marked with it; a headquarters row addressed
     * to one mission must be addressed to this one. Empty to go on, or {@link Applied#DEFERRED} while what decides
     * it has not arrived.
     */
    private Optional<Applied> checkOwner(Batch batch, SyncChange change, ObjectNode row, Map<String, Object> values,
            Map<String, Object> local) throws SQLException {
        if (table.owner() == NodeRole.MISSION) {
            Optional<RecordOwner> owner;
            ParentLink through = table.ownedThrough();
            if (through != null) {
                Object parentId = values.get(through.column());
                owner = parentId == null ? Optional.empty() : storedOwner(batch, through, parentId);
            } else {
                owner = Optional.ofNullable(rows.missionOf(batch, row)).map(RecordOwner::mission);
            }
            if (owner.isEmpty()) {
                return Optional.of(Applied.DEFERRED);
            }
            if (!owner.get().isMission(change.missionCode())) {
                throw new IllegalArgumentException(table.type() + " of " + owner.get() + " sent by mission " + change.missionCode());
            }
            if (table.ownerColumn() != null) {
                local.put(table.ownerColumn(), change.missionCode());
            }
        } else if (table.scope() != null && change.missionCode() != null) {
            String code = rows.missionOf(batch, row);
            if (code == null) {
                return Optional.of(Applied.DEFERRED);
            }
            if (!code.equals(change.missionCode())) {
                throw new IllegalArgumentException(table.type() + " of mission " + code + " addressed to mission " + change.missionCode());
            }
        }
        return Optional.empty();
    }

    private static Optional<RecordOwner> storedOwner(Batch batch, ParentLink parent, Object parentId) throws SQLException {
        PreparedStatement s = batch.statement("SELECT " + parent.ownerColumn() + " FROM " + parent.table() + " WHERE id = ?");
        s.setObject(1, parentId);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(owner(rs.getString(1))) : Optional.empty();
        }
    }

    private static RecordOwner owner(String missionCode) {
        return missionCode == null ? RecordOwner.headquarters() : RecordOwner.mission(missionCode);
    }

    /** The stored versions of these rows, by id (1 for a table without versions); ids with no row are absent. */
    private Map<String, Long> versions(Batch batch, List<String> ids) throws SQLException {
        String version = table.versionColumn() == null ? "1" : table.versionColumn();
        Map<String, Long> versions = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            PreparedStatement s = batch.statement("SELECT " + table.idColumn() + ", " + version + " FROM " + table.table() + " WHERE "
                    + table.idColumn() + " IN (" + "?, ".repeat(chunk.size() - 1) + "?)");
            for (int i = 0; i < chunk.size(); i++) {
                s.setString(i + 1, chunk.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return versions;
    }

    /**
     * A row made on headquarters is headquarters' whichever mission it concerns; one received from a mission is
     * that mission's, as its owner column (or its parent's) says. Rows of a headquarters table are all
     * headquarters'.
     */
    @Override
    public Map<String, RecordOwner> owners(Collection<String> recordIds) throws SQLException {
        String sql;
        String id = "t." + table.idColumn();
        if (table.owner() == NodeRole.HQ) {
            sql = "SELECT " + id + ", CAST(NULL AS VARCHAR(32)) FROM " + table.table() + " t WHERE " + id + " IN (%s)";
        } else if (table.ownerColumn() != null) {
            sql = "SELECT " + id + ", t." + table.ownerColumn() + " FROM " + table.table() + " t WHERE " + id + " IN (%s)";
        } else {
            ParentLink parent = table.ownedThrough();
            // a row whose parent is gone is nobody's to change: headquarters'
            sql = "SELECT " + id + ", p." + parent.ownerColumn() + " FROM " + table.table() + " t LEFT JOIN " + parent.table()
                    + " p ON p.id = t." + parent.column() + " WHERE " + id + " IN (%s)";
        }
        Map<String, RecordOwner> owners = new HashMap<>();
        List<String> all = List.copyOf(recordIds);
        if (all.isEmpty()) {
            return owners;
        }
        try (Connection c = dataSource.getConnection()) {
            for (List<String> chunk : chunks(all)) {
                try (PreparedStatement s = c.prepareStatement(String.format(sql, "?, ".repeat(chunk.size() - 1) + "?"))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            owners.put(rs.getString(1), owner(rs.getString(2)));
                        }
                    }
                }
            }
        }
        return owners;
    }

    /** Every row that travels, in the export order; only those of {@code missionCode} when the table has a scope. */
    @Override
    public void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        try (Connection c = dataSource.getConnection(); Batch batch = new Batch(c)) {
            String where = table.travelsWhen() == null ? "1 = 1" : table.travelsWhen().column() + " = ?";
            Object[] args = table.travelsWhen() == null ? new Object[0] : new Object[] {table.travelsWhen().value()};
            for (ObjectNode row : rows.codec().readWhere(c, where + " ORDER BY " + table.exportOrder(), args)) {
                if (missionCode != null && table.scope() != null && !missionCode.equals(rows.missionOf(batch, row))) {
                    continue;
                }
                sink.accept(rows.change(c, batch, row));
            }
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IN_LIST)));
        }
        return chunks;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
