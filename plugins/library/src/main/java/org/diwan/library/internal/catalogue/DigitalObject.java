package org.diwan.library.internal.catalogue;

import org.diwan.api.documents.StoredDocument;
import org.diwan.api.web.DocumentResponses;

/**
 * A digital object of a description: its file as the documents service keeps it (type from the content, size,
 * SHA-256), a label, and its own access level.
 */
public record DigitalObject(String id, String recordId, StoredDocument document, String label, AccessLevel access, int position) {

    /** Whether {@code viewer} may open it: the record's level and the object's both allow. */
    public boolean visibleTo(Viewer viewer, CatalogueRecord record) {
        return viewer.sees(record.access()) && viewer.sees(access);
    }

    /** Types a browser shows itself (its PDF viewer, raster images, players) without running anything, rather than saving. */
    public boolean viewable() {
        return DocumentResponses.showsInline(document.mediaType());
    }
}
