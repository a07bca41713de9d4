package org.diwan.missions.internal.sync;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.sync.SyncChange;

/** Reading a change's JSON payload, refusing what is not a JSON object for the change's own record. */
final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    static ObjectNode object(SyncChange change) {
        if (change.deleted()) {
            throw new IllegalArgumentException(change.type() + " records are never deleted, only closed");
        }
        JsonNode node;
        try {
            node = JSON.readTree(change.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("payload is not a JSON object");
        }
        return object;
    }

    /** {@link #row}, which must also be in {@code status}: the only state in which a record of this type travels. */
    static ObjectNode rowIn(SyncChange change, JsonNode row, String status) {
        ObjectNode object = row(change, row);
        if (!status.equals(object.path("status").asText())) {
            throw new IllegalArgumentException("only " + status.toLowerCase(Locale.ROOT) + " " + change.type() + " records travel: "
                    + change.recordId() + " is " + object.path("status").asText());
        }
        return object;
    }

    /** The row inside a payload, checked to be the change's record at the change's version. */
    static ObjectNode row(SyncChange change, JsonNode row) {
        if (!(row instanceof ObjectNode object) || !change.recordId().equals(object.path("id").asText())
                || object.path("version").asLong() != change.version()) {
            throw new IllegalArgumentException("payload is not " + change.type() + " " + change.recordId() + " at version " + change.version());
        }
        return object;
    }
}
