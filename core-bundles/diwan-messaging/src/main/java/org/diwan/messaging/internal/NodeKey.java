package org.diwan.messaging.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A mission node's own key for the link, made at its first start with a link and kept in
 * {@code <journal folder>/link/}{@value #FILE_NAME} (mode 600). Headquarters binds the mission to it at the first
 * login after enrolment, so the enrolment secret alone, copied to another machine, opens nothing.
 */
final class NodeKey {

    static final String FILE_NAME = "node-key";

    private NodeKey() {
    }

    /** This node's key, made now if the node has none. */
    static String of(Path linkFolder) throws IOException {
        Path file = PrivateFiles.folder(linkFolder).resolve(FILE_NAME);
        if (Files.exists(file)) {
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!key.isEmpty()) {
                return key;
            }
        }
        String key = PrivateFiles.newSecret();
        PrivateFiles.write(file, (key + "\n").getBytes(StandardCharsets.US_ASCII));
        return key;
    }
}
