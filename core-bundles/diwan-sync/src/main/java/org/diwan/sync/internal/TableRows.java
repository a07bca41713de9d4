package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedTable;
import org.diwan.api.sync.SyncedTable.ChildRows;
import org.diwan.api.sync.SyncedTable.MissionScope;

/**
 * A declared table's rows as changes: what a capture and an export send (the row, its child rows, the mission it
 * is addressed to), and the codecs a receiver stores them with.
 */
final class TableRows {

    private final SyncedTable table;
    private final RowCodec codec;
    private final List<RowCodec> childCodecs = new ArrayList<>();

    TableRows(SyncedTable table) {
        this.table = table;
        this.codec = new RowCodec(table.table(), table::travels, table.columns());
        for (ChildRows child : table.children()) {
            childCodecs.add(new RowCodec(child.table(), column -> !child.localColumns().contains(column), Map.of()));
        }
    }

    SyncedTable table() {
        return table;
    }

    RowCodec codec() {
        return codec;
    }

    RowCodec childCodec(int i) {
        return childCodecs.get(i);
    }

    /** The row with this id as it now stands in the connection's transaction, as a change; the row must be there. */
    SyncChange change(Connection c, Batch batch, String recordId) throws SQLException {
        List<ObjectNode> rows = codec.readWhere(c, table.idColumn() + " = ?", recordId);
        if (rows.isEmpty()) {
            throw new SQLException(table.type() + " " + recordId + " not found after its write");
        }
        return change(c, batch, rows.get(0));
    }

    /** A stored row (as {@link RowCodec#readWhere} read it) as a change: the whole row at its version. */
    SyncChange change(Connection c, Batch batch, ObjectNode row) throws SQLException {
        String id = row.path(table.idColumn()).asText();
        long version = table.versionColumn() == null ? 1 : row.path(table.versionColumn()).asLong();
        String payload;
        if (table.envelope() == null) {
            payload = row.toString();
        } else {
            ObjectNode envelope = JsonNodeFactory.instance.objectNode();
            envelope.set(table.envelope(), row);
            for (int i = 0; i < table.children().size(); i++) {
                ChildRows child = table.children().get(i);
                ArrayNode rows = JsonNodeFactory.instance.arrayNode();
                String where = child.parentColumn() + " = ?" + (child.filter() == null ? "" : " AND (" + child.filter() + ")");
                rows.addAll(childCodecs.get(i).readWhere(c, where + " ORDER BY " + child.order(), id));
                envelope.set(child.field(), rows);
            }
            payload = envelope.toString();
        }
        return new SyncChange(table.type(), id, version, missionOf(batch, row), payload);
    }

    /**
     * The code of the mission a row (JSON, as read or received) is addressed to or belongs to; {@code null} for a
     * table without a scope, and while the mission is not known here.
     */
    String missionOf(Batch batch, ObjectNode row) throws SQLException {
        MissionScope scope = table.scope();
        if (scope == null) {
            return null;
        }
        JsonNode value = row.get(scope.column());
        if (value == null || value.isNull()) {
            return null;
        }
        return scope.codeQuery() == null ? value.asText() : batch.lookup(scope.codeQuery(), value.asText());
    }
}
