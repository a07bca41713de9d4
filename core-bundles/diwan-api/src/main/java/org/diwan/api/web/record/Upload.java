package org.diwan.api.web.record;

import java.io.IOException;
import java.io.InputStream;

/**
 * The file of an upload action, as the visitor sent it: already within the documents limit (the shell cut the body
 * at it), not yet checked otherwise. Hand its content to the {@code Documents} service, which checks type and name.
 */
public interface Upload {

    /** The name the visitor's system gave the file; untrusted (the documents service cleans it). */
    String fileName();

    long size();

    InputStream open() throws IOException;
}
