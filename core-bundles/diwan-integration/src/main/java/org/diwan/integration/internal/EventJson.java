package org.diwan.integration.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.diwan.api.events.RecordEvent;

/**
 * The JSON body of a record event. Written by hand (a dozen lines) rather than through the Jackson copy Camel's YAML
 * DSL brings along, so the format does not move when Camel's dependencies do.
 */
final class EventJson {

    private EventJson() {
    }

    /** The event as integrators read it; {@code eventId} and {@code node} are the outbox's, not the plugin's. */
    static String body(RecordEvent event, String eventId, String node) {
        StringBuilder json = new StringBuilder(256).append('{');
        member(json, "eventId", eventId).append(',');
        member(json, "event", event.kind().segment()).append(',');
        member(json, "plugin", event.plugin()).append(',');
        member(json, "type", event.type()).append(',');
        member(json, "id", event.recordId()).append(',');
        json.append("\"version\":").append(event.version()).append(',');
        if (event.fromState() != null) {
            member(json, "from", event.fromState()).append(',');
            member(json, "to", event.toState()).append(',');
        }
        member(json, "actor", event.actor()).append(',');
        member(json, "at", iso(event.at())).append(',');
        member(json, "node", node).append(',');
        json.append("\"fields\":{");
        boolean first = true;
        for (Map.Entry<String, Object> field : event.fields().entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, field.getKey()).append(':');
            value(json, field.getValue());
        }
        return json.append("}}").toString();
    }

    static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    private static StringBuilder member(StringBuilder json, String name, String value) {
        string(json, name).append(':');
        return value == null ? json.append("null") : string(json, value);
    }

    private static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String s) {
            string(json, s);
        } else {
            // Boolean, Integer, Long, BigDecimal: RecordEvent lets nothing else in
            json.append(value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
        }
    }

    /** A JSON string; also escapes U+2028/2029 and {@code </} so the body can be pasted into a script or a page. */
    static StringBuilder string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '/' -> json.append(i > 0 && s.charAt(i - 1) == '<' ? "\\/" : "/");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
