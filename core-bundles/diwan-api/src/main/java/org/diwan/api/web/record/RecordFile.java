package org.diwan.api.web.record;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file of a record the shell sends at {@code base/{id}/{files}/{fileId}} (an attachment, a digital object, an
 * export), with the shell's headers for user files (download unless safe to show, sandboxed, no sniffing).
 */
public interface RecordFile {

    String mediaType();

    String fileName();

    /** The length in bytes, or -1 when not known before it is written. */
    long size();

    InputStream open() throws IOException;

    /**
     * Whether the visitor asked to see the file in the page (a scan in the browser's PDF viewer) rather than save it.
     * Honoured only for types that show inline safely ({@code DocumentResponses.showsInline}); any other is saved.
     */
    default boolean inline() {
        return false;
    }
}
