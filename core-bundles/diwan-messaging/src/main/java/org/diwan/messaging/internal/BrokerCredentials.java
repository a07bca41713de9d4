package org.diwan.messaging.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int PASSWORD_BYTES = 32;

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
            if (!ownerOnly(file)) {
                // Someone else may have read it: a new password costs nothing, clients get it from this bundle.
                LOG.warn("{} was readable by other accounts: replaced with a new password", file);
            } else if (isWellFormed(stored)) {
                return new BrokerCredentials(USER, stored);
            } else {
                LOG.warn("{} is damaged: replaced with a new password", file);
            }
        }
        String password = newPassword();
        write(file, password);
        LOG.info("Broker credentials created in {}", file);
        return new BrokerCredentials(USER, password);
    }

    private static String newPassword() {
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static boolean isWellFormed(String text) {
        try {
            return Base64.getUrlDecoder().decode(text).length == PASSWORD_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Written to a private temporary file first, then moved: a crash never leaves a half-written or readable file. */
    private static void write(Path file, String password) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + FILE_NAME, ".tmp", ownerOnly());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return isPosix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static boolean ownerOnly(Path file) throws IOException {
        return !isPosix() || Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Never the password: this object reaches log statements through debuggers and toString calls. */
    @Override
    public String toString() {
        return "BrokerCredentials[user=" + user + "]";
    }
}
