package org.diwan.api.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One event about one record, as integrators receive it.
 *
 * <p>{@code fields} is the body integrators read: the record's <em>public</em> fields only, named as in the plugin's
 * JSON API. Never put a secret (a password, a token, a key), a personal detail the record's readers are not all
 * allowed to see, or content the plugin marks restricted: everyone who may consume the bus reads it. Values are
 * strings, numbers, booleans or {@code null}; the order given is kept.
 *
 * @param plugin    the publishing plugin's id ({@code missions}); the address's plugin segment
 * @param type      the record type within the plugin ({@code mission}, {@code correspondence}); property {@code DiwanType}
 * @param recordId  the record's id (a UUID in Diwan's plugins)
 * @param version   the record's version after the change (for a delete, the last version it had)
 * @param kind      what happened
 * @param fromState the state before, for {@link EventKind#STATE_CHANGED} only (else {@code null})
 * @param toState   the state after, for {@link EventKind#STATE_CHANGED} only (else {@code null})
 * @param actor     the user name that made the change, or {@code system}
 * @param at        when the change was made
 * @param fields    the record's public fields
 */
public record RecordEvent(String plugin, String type, String recordId, long version, EventKind kind, String fromState,
        String toState, String actor, Instant at, Map<String, Object> fields) {

    /** Plugin ids and record types: lower-case ASCII, digits and dashes, so they fit an address and a selector. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public RecordEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(actor, "actor");
        if (plugin == null || !NAME.matcher(plugin).matches()) {
            throw new IllegalArgumentException("plugin id must match " + NAME + ": " + plugin);
        }
        if (type == null || !NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("record type must match " + NAME + ": " + type);
        }
        if (recordId.isBlank() || recordId.length() > 64) {
            throw new IllegalArgumentException("record id must have 1 to 64 characters");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0");
        }
        if (kind == EventKind.STATE_CHANGED) {
            Objects.requireNonNull(fromState, "fromState");
            Objects.requireNonNull(toState, "toState");
        } else if (fromState != null || toState != null) {
            throw new IllegalArgumentException("only a state-changed event names states");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        if (fields != null) {
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                Objects.requireNonNull(field.getKey(), "field name");
                copy.put(field.getKey(), checked(field.getKey(), field.getValue()));
            }
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** An event of {@code kind} other than {@link EventKind#STATE_CHANGED}. */
    public static RecordEvent of(String plugin, String type, String recordId, long version, EventKind kind, String actor,
            Instant at, Map<String, Object> fields) {
        return new RecordEvent(plugin, type, recordId, version, kind, null, null, actor, at, fields);
    }

    /** The record moved from {@code from} to {@code to}. */
    public static RecordEvent stateChanged(String plugin, String type, String recordId, long version, String from, String to,
            String actor, Instant at, Map<String, Object> fields) {
        return new RecordEvent(plugin, type, recordId, version, EventKind.STATE_CHANGED, from, to, actor, at, fields);
    }

    /** The multicast address the event is published on: {@code diwan.events.<plugin>.<kind>}. */
    public String address() {
        return RecordEvents.ADDRESS_PREFIX + plugin + "." + kind.segment();
    }

    private static Object checked(String name, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        throw new IllegalArgumentException("field " + name + ": only strings, integers, decimals, booleans and null, not "
                + value.getClass().getName());
    }
}
