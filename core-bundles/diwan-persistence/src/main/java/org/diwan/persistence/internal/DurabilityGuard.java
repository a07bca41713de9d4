package org.diwan.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Refuses a Derby set to {@code derby.system.durability=test}: Derby then skips the sync of every
 * commit and a crash loses data the users were told was saved.
 */
final class DurabilityGuard {

    static final String PROPERTY = "derby.system.durability";

    private DurabilityGuard() {
    }

    /**
     * @param systemValue     the JVM's system property, or null
     * @param derbyProperties Derby's {@code derby.properties} in its system home; may not exist
     * @throws IllegalStateException when either sets durability to {@code test}
     */
    static void requireDurableCommits(String systemValue, Path derbyProperties) throws IOException {
        if (isTest(systemValue)) {
            throw refusal("the system property " + PROPERTY);
        }
        if (derbyProperties != null && Files.isRegularFile(derbyProperties)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(derbyProperties)) {
                properties.load(in);
            }
            if (isTest(properties.getProperty(PROPERTY))) {
                throw refusal(derbyProperties.toString());
            }
        }
    }

    private static boolean isTest(String value) {
        return value != null && value.trim().equalsIgnoreCase("test");
    }

    private static IllegalStateException refusal(String where) {
        return new IllegalStateException(PROPERTY + "=test is set in " + where
                + ": Derby would not sync commits to disk and a crash would lose saved data."
                + " Remove the setting; the database is not started until then.");
    }
}
