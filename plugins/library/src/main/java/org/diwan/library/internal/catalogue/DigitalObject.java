package org.diwan.library.internal.catalogue;

import org.diwan.api.documents.StoredDocument;

/**
 * A digital object of a description: its file as the documents service keeps it (type from the content, size,
 * SHA-256), a label, and its own access level.
 */
public record DigitalObject(String id, String recordId, StoredDocument document, String label, AccessLevel access, int position) {

    /** Whether {@code viewer} may open it: the record's level and the object's both allow. */
    public boolean visibleTo(Viewer viewer, CatalogueRecord record) {
        return viewer.sees(record.access()) && viewer.sees(access);
    }

    /** Types a browser shows itself (its PDF viewer, images, players) rather than saving. */
    public boolean viewable() {
        String type = document.mediaType();
        return type.equals("application/pdf") || type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/");
    }
}
