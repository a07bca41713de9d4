package org.diwan.missions.internal.report;

import java.time.Instant;

import org.diwan.api.web.record.VersionedRecord;

/**
 * The annual report's editable part and its state: title, observations and proposals (the analytical part),
 * and once issued, by whom and its documents.
 */
public record AnnualReport(String id, int year, String title, String observations, String proposals, boolean issued, Instant issuedAt,
        String issuedBy, String htmlDocument, String pdfDocument, int version, String updatedBy, Instant updatedAt)
        implements VersionedRecord {

    /** The report's state, as its events name it: {@code DRAFT} or {@code ISSUED}. */
    public String state() {
        return issued ? "ISSUED" : "DRAFT";
    }
}
