package org.diwan.library.internal.holdings;

import java.time.Instant;

import org.diwan.api.web.record.VersionedRecord;

/** A copy of a catalogue record: its barcode (unique), call number, location code, status and note. */
public record Item(String id, String recordId, String barcode, String callNumber, String location, ItemStatus status, String note,
        int version, Instant updatedAt, String updatedBy) implements VersionedRecord {
}
