package org.diwan.api.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored attachment, as its metadata row keeps it.
 *
 * @param id        the document's UUID; two uploads of the same content get two ids
 * @param owner     the plugin that stored it ({@code missions}, {@code library})
 * @param fileName  the name it was uploaded with, cleaned for display (no folders, control characters or bidi
 *                  overrides); never used to find, type or serve the content
 * @param mediaType the type detected from the content ({@code application/pdf})
 * @param size      length of the content in bytes
 * @param sha256    SHA-256 of the content, lower-case hex
 * @param created   when it was stored
 * @param createdBy the user name that stored it, or {@code system}
 */
public record StoredDocument(String id, String owner, String fileName, String mediaType, long size, String sha256,
        Instant created, String createdBy) {

    public StoredDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
