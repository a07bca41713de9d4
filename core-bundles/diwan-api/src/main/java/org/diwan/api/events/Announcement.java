package org.diwan.api.events;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message a plugin puts on the bus besides its record events, such as an issued document for delivery routes: one
 * message on {@code diwan.events.<plugin>.<name>}, its body a text (a JMS {@code TextMessage}) or bytes (a
 * {@code BytesMessage}), with string properties subscribers select on. Like a record event, everyone who may
 * consume the bus reads it: nothing secret or restricted.
 *
 * @param plugin     the publishing plugin's id
 * @param name       the address's last part; never a record event's ({@code created}, {@code changed}, ...)
 * @param actor      the user name that made the change it announces, or {@code system}
 * @param properties JMS string properties, in order; names are Java identifiers not starting with {@code JMS} or
 *                   {@code _} (the broker's and the node's own)
 * @param text       the body of a text message, or null
 * @param bytes      the body of a bytes message, or null; exactly one of {@code text} and {@code bytes}
 */
public record Announcement(String plugin, String name, String actor, Map<String, String> properties, String text, byte[] bytes) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    /** Text and bytes bodies are kept in the outbox until the broker has them: a bound on what waits there. */
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    public Announcement {
        Objects.requireNonNull(actor, "actor");
        if (plugin == null || !NAME.matcher(plugin).matches()) {
            throw new IllegalArgumentException("plugin id must match " + NAME + ": " + plugin);
        }
        if (name == null || !NAME.matcher(name).matches() || isRecordEvent(name)) {
            throw new IllegalArgumentException("an announcement's name matches " + NAME + " and is no record event's: " + name);
        }
        if ((text == null) == (bytes == null)) {
            throw new IllegalArgumentException("an announcement has a text or a bytes body, not both nor neither");
        }
        if (bytes != null && bytes.length > MAX_BODY_BYTES || text != null && text.length() > MAX_BODY_BYTES / 4) {
            throw new IllegalArgumentException("an announcement's body is at most " + MAX_BODY_BYTES + " bytes");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : properties.entrySet()) {
            String key = p.getKey();
            if (key == null || !PROPERTY.matcher(key).matches() || key.startsWith("JMS")) {
                throw new IllegalArgumentException("property names are letters and digits, never JMS...: " + key);
            }
            copy.put(key, Objects.requireNonNull(p.getValue(), key));
        }
        properties = Collections.unmodifiableMap(copy);
        bytes = bytes == null ? null : bytes.clone();
    }

    /** A text message. */
    public static Announcement text(String plugin, String name, String actor, Map<String, String> properties, String text) {
        return new Announcement(plugin, name, actor, properties, Objects.requireNonNull(text, "text"), null);
    }

    /** A bytes message. */
    public static Announcement bytes(String plugin, String name, String actor, Map<String, String> properties, byte[] bytes) {
        return new Announcement(plugin, name, actor, properties, null, Objects.requireNonNull(bytes, "bytes"));
    }

    /** The multicast address: {@code diwan.events.<plugin>.<name>}. */
    public String address() {
        return RecordEvents.ADDRESS_PREFIX + plugin + "." + name;
    }

    @Override
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Announcement a && plugin.equals(a.plugin) && name.equals(a.name) && actor.equals(a.actor)
                && properties.equals(a.properties) && Objects.equals(text, a.text) && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(plugin, name, actor, properties, text) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Announcement[" + address() + ", " + properties + ", " + (text != null ? text.length() + " chars" : bytes.length + " bytes") + "]";
    }

    private static boolean isRecordEvent(String name) {
        for (EventKind kind : EventKind.values()) {
            if (kind.segment().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
