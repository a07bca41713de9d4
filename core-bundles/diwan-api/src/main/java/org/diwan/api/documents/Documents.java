package org.diwan.api.documents;

import java.io.InputStream;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's attachment store, shared by every department plugin. Content is kept once per SHA-256 under the
 * node's data folder; each upload gets its own id and metadata row. The media type is detected from the
 * content's own bytes; the file name and the type the browser declared are never trusted.
 */
@ProviderType
public interface Documents {

    /**
     * Reads the content to its end (or until it passes {@link #maxSize()}) and stores it. The caller keeps
     * ownership of {@code content} and closes it.
     *
     * @param owner              the plugin id storing it ({@code missions})
     * @param fileName           the name the user uploaded it with; cleaned for display only
     * @param content            the bytes, streamed: never held in memory whole
     * @param acceptedMediaTypes media types the caller accepts ({@code application/pdf}, or a whole family as
     *                           {@code image/*}); empty accepts any type except executables and scripts.
     *                           Executables are refused even when named here.
     * @param actor              the user name storing it, or {@code system}
     * @throws DocumentRefused   too large, empty, a type not accepted, or no usable file name; nothing is kept
     * @throws java.io.UncheckedIOException when the content cannot be read or written
     */
    StoredDocument store(String owner, String fileName, InputStream content, Set<String> acceptedMediaTypes, String actor)
            throws DocumentRefused;

    /**
     * Stores a copy of a document another node stored (sync), under the same id and metadata, so that records
     * naming it need no translation of ids. The content is checked against the original's SHA-256 and size and
     * the size limit; its type is detected again and must match. A copy already held is returned as it is.
     *
     * @throws DocumentRefused when the content does not match the original or is over {@link #maxSize()}
     */
    StoredDocument storeCopy(StoredDocument original, InputStream content) throws DocumentRefused;

    /** The document's metadata, or empty when no document has this id. */
    Optional<StoredDocument> find(String id);

    /**
     * The document's content, to be closed by the caller.
     *
     * @throws NoSuchElementException when no document has this id
     * @throws java.io.UncheckedIOException when the content cannot be read
     */
    InputStream open(String id);

    /** The largest content {@link #store} accepts, in bytes. */
    long maxSize();
}
