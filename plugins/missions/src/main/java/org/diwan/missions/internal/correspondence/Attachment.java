package org.diwan.missions.internal.correspondence;

import java.time.Instant;

/** A file attached to correspondence; the content lives in the core documents service under {@code documentId}. */
public record Attachment(String id, String correspondenceId, String documentId, String fileName, String mediaType, long size,
        String sha256, Instant createdAt, String createdBy) {
}
