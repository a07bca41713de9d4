package org.diwan.messaging.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's one internal user. There are no default credentials: the password is 32 random bytes made at
 * the first start and kept in {@value #FILE_NAME} (mode 600) beside the journal, so that the same password
 * works after a restart and only the account Karaf runs as can read it.
 */
final class BrokerCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCredentials.class);

    static final String USER = "diwan";
    static final String FILE_NAME = "broker-credentials";
    static final Set<PosixFilePermission> OWNER_ONLY = PrivateFiles.OWNER_ONLY;

    private final String user;
    private final String password;

    private BrokerCredentials(String user, String password) {
        this.user = user;
        this.password = password;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Reads the password from {@code folder}, or makes one and stores it there if there is none (or it is damaged). */
    static BrokerCredentials loadOrCreate(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE_NAME);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                // A link could point the broker's secret at a file someone else can read.
                throw new IOException(file + " is not a regular file: remove it so the broker can write its credentials");
            }
            String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!PrivateFiles.isOwnerOnly(file)) {
                // Someone else may have read it: a new password costs nothing, clients get it from this bundle.
                LOG.warn("{} was readable by other accounts: replaced with a new password", file);
            } else if (isWellFormed(stored)) {
                return new BrokerCredentials(USER, stored);
            } else {
                LOG.warn("{} is damaged: replaced with a new password", file);
            }
        }
        String password = PrivateFiles.newSecret();
        PrivateFiles.write(file, (password + "\n").getBytes(StandardCharsets.US_ASCII));
        LOG.info("Broker credentials created in {}", file);
        return new BrokerCredentials(USER, password);
    }

    private static boolean isWellFormed(String text) {
        try {
            return Base64.getUrlDecoder().decode(text).length == PrivateFiles.SECRET_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Never the password: this object reaches log statements through debuggers and toString calls. */
    @Override
    public String toString() {
        return "BrokerCredentials[user=" + user + "]";
    }
}
