package org.diwan.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's key for hashing API tokens: 32 random bytes in {@code <data>/security/api-token.key}, mode 600, made
 * at the first start. Kept in a file and not in the database, so that a copy of the database alone (an export, a
 * console user reading tables) holds hashes nobody can test guesses against. A keyed hash rather than Argon2:
 * tokens are 256 random bits, so a slow hash adds nothing against guessing and would cost every call; HMAC-SHA256
 * costs microseconds. Losing the file makes every token fail (their owners make new ones); a backup of the data
 * folder holds it.
 */
final class TokenKey {

    private static final Logger LOG = LoggerFactory.getLogger(TokenKey.class);
    static final String FILE = "security/api-token.key";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKeySpec key;

    TokenKey(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The key in the data folder, made there first if there is none. */
    static TokenKey inDataFolder(Path dataFolder) {
        Path file = dataFolder.resolve(FILE);
        try {
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
                    LOG.info("Made the node's API token key in {}", file);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it first: read theirs
                }
            } else if (!OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                LOG.warn("{} was readable by others: set back to mode 600", file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < 32) {
                throw new IllegalStateException(file + " holds fewer than 32 bytes");
            }
            return new TokenKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or make the API token key " + file, e);
        }
    }

    /** HMAC-SHA256 of the token's text, base64url without padding (43 characters). */
    String hash(String token) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
