package org.diwan.api.sync;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One record's state at one version, as it travels between nodes. Each change carries the whole record, not
 * a difference, so a receiver that has a newer version simply ignores an older one.
 *
 * @param type        the record type's name, as {@link SyncedType#name()} ({@code missions.correspondence})
 * @param recordId    the record's id (a UUID), the same on every node
 * @param version     the record's version: 1 when created, one more at every edit
 * @param missionCode the mission the record belongs to; {@code null} for headquarters' records meant for
 *                    every mission
 * @param payload     the record's fields as JSON, written and read by the plugin that owns the type;
 *                    {@code null} for a deletion
 */
public record SyncChange(String type, String recordId, long version, String missionCode, String payload) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,30}\\.[a-z][a-z0-9_-]{0,62}");
    /** Large enough for any record of a department; attachments' content travels apart from their record. */
    public static final int MAX_PAYLOAD_CHARS = 1_000_000;

    public SyncChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recordId, "recordId");
        if (!isValidType(type)) {
            throw new IllegalArgumentException("record type must be '<plugin>.<name>' in a-z, 0-9, '-', '_': " + type);
        }
        if (recordId.isBlank() || recordId.length() > 64) {
            throw new IllegalArgumentException("record id must be 1-64 characters: " + recordId);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        if (payload != null && payload.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("payload of " + type + " " + recordId + " is over " + MAX_PAYLOAD_CHARS + " characters");
        }
    }

    public static boolean isValidType(String type) {
        return type != null && TYPE.matcher(type).matches();
    }

    /** A deletion: the record is gone at this version. */
    public boolean deleted() {
        return payload == null;
    }

    /**
     * The key that names this change everywhere: type, id and version. The broker's duplicate detection and the
     * receiver's inbox both use it, so the same change sent twice is stored once.
     */
    public String key() {
        return type + ":" + recordId + ":" + version;
    }
}
