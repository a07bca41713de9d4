package org.diwan.sync.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedTable;
import org.diwan.api.sync.SyncedTable.ChildRows;

/**
 * A received change of a declared table, read from its JSON: the row, checked to be the change's own record at
 * the change's version (and in the only state in which rows of the table travel), and its child rows.
 */
record TablePayload(SyncChange change, ObjectNode row, List<List<ObjectNode>> children) {

    /** Nesting deeper than a row in an envelope is never sent: a deeper payload is hostile. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build());

    static TablePayload read(SyncedTable table, SyncChange change) {
        if (change.deleted()) {
            throw new IllegalArgumentException(change.type() + " records are never deleted, only closed");
        }
        JsonNode node;
        try {
            node = JSON.readTree(change.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode payload)) {
            throw new IllegalArgumentException("payload is not a JSON object");
        }
        JsonNode row = table.envelope() == null ? payload : payload.get(table.envelope());
        if (!(row instanceof ObjectNode object) || !change.recordId().equals(object.path(table.idColumn()).asText())
                || (table.versionColumn() != null && object.path(table.versionColumn()).asLong() != change.version())) {
            throw new IllegalArgumentException("payload is not " + change.type() + " " + change.recordId() + " at version " + change.version());
        }
        if (table.travelsWhen() != null && !table.travelsWhen().value().equals(object.path(table.travelsWhen().column()).asText())) {
            throw new IllegalArgumentException("only " + table.travelsWhen().value().toLowerCase(Locale.ROOT) + " " + change.type() + " records travel: "
                    + change.recordId() + " is " + object.path(table.travelsWhen().column()).asText());
        }
        List<List<ObjectNode>> children = new ArrayList<>();
        for (ChildRows child : table.children()) {
            JsonNode rows = payload.path(child.field());
            if (!rows.isMissingNode() && !(rows instanceof ArrayNode)) {
                throw new IllegalArgumentException(child.field() + " of " + change.type() + " " + change.recordId() + " is not a list");
            }
            List<ObjectNode> objects = new ArrayList<>();
            for (JsonNode item : rows) {
                if (!(item instanceof ObjectNode childRow) || !change.recordId().equals(childRow.path(child.parentColumn()).asText())) {
                    throw new IllegalArgumentException("an item of " + child.field() + " of " + change.type() + " " + change.recordId()
                            + " belongs to another record");
                }
                objects.add(childRow);
            }
            children.add(objects);
        }
        return new TablePayload(change, object, children);
    }
}
