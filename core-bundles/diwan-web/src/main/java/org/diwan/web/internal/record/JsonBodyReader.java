package org.diwan.web.internal.record;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.diwan.api.validation.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a request's JSON object for the API: {@code application/json} only, at most {@value #MAX_BODY} bytes, members
 * texts or numbers (null is absent). Anything else is refused whole with the reason; nothing is half-read into a
 * record.
 */
public final class JsonBodyReader {

    public static final int MAX_BODY = 64 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    public JsonBodyReader() {
        // a hostile body of nested arrays must not exhaust the stack: objects of fields are flat
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    public JsonBody read(String contentType, InputStream in) throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return new JsonBody.Refused(415, "unsupported-media-type", "record.api.json-only", Map.of());
        }
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            return new JsonBody.Refused(413, "too-large", "record.api.too-large", Map.of());
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            return malformed();
        }
        if (node == null || !node.isObject()) {
            return malformed();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, FieldError> wrongTypes = new LinkedHashMap<>();
        node.fields().forEachRemaining(member -> {
            JsonNode value = member.getValue();
            if (value.isTextual() || value.isNumber()) {
                values.put(member.getKey(), value.asText());
            } else if (!value.isNull()) {
                wrongTypes.put(member.getKey(), FieldError.of("record.api.wrong-type"));
            }
        });
        if (!wrongTypes.isEmpty()) {
            return new JsonBody.Refused(422, "invalid", "validation.summary", wrongTypes);
        }
        return new JsonBody.Fields(values);
    }

    private static JsonBody malformed() {
        return new JsonBody.Refused(400, "malformed", "record.api.malformed", Map.of());
    }

    /** A document for the response. */
    public byte[] write(Object document) throws IOException {
        return json.writeValueAsBytes(document);
    }
}
