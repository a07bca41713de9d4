package org.diwan.missions.internal.report;

import java.time.Instant;

/**
 * The annual report's editable part and its state: title, observations and proposals (the analytical part),
 * and once issued, by whom and its documents.
 */
public record AnnualReport(String id, int year, String title, String observations, String proposals, boolean issued, Instant issuedAt,
        String issuedBy, String htmlDocument, String pdfDocument, int version) {
}
