package org.diwan.messaging.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The missions headquarters lets in, in {@code <journal folder>/link/}{@value #FILE_NAME}: one line
 * {@code CODE=<salt hex>:<SHA-256 hex of salt + secret>} per mission, mode 600.
 *
 * <p>A salted SHA-256 is the right hash here, unlike for people's passwords: the secret is 32 random bytes made
 * by {@link #enrol}, a machine token nobody chose, so there is nothing for a slow hash to protect against
 * guessing. The file is written only through this class (whole, atomically) and re-read when its modification
 * time or size changes, so an administrator may also delete a line by hand to revoke a mission.
 */
final class MissionAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(MissionAccounts.class);

    static final String FILE_NAME = "missions.properties";
    private static final int SALT_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private record Hash(byte[] salt, byte[] digest) {
    }

    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private Map<String, Hash> accounts = Map.of();
    private FileTime readTime;
    private long readSize = -1;

    MissionAccounts(Path file) throws IOException {
        this.file = file;
        reloadIfChanged();
    }

    /** Whether {@code secret} is the mission's current one; compared in constant time. */
    synchronized boolean authenticate(String code, String secret) {
        if (code == null || secret == null) {
            return false;
        }
        Hash hash = fresh().get(code);
        if (hash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash.digest(), digest(hash.salt(), secret));
    }

    synchronized boolean isEnrolled(String code) {
        return fresh().containsKey(code);
    }

    /** Sorted. */
    synchronized List<String> codes() {
        return List.copyOf(fresh().keySet());
    }

    /** The accounts as the file says now; the last ones read if it cannot be read. */
    private Map<String, Hash> fresh() {
        try {
            reloadIfChanged();
        } catch (IOException e) {
            LOG.error("Cannot read {}: keeping the mission accounts read before", file, e);
        }
        return accounts;
    }

    /** Stores a new secret for {@code code}, replacing any earlier one, and returns it (the only time it exists in clear). */
    synchronized String enrol(String code) throws IOException {
        if (!LinkSettings.isMissionCode(code)) {
            throw new IllegalArgumentException("a mission code is 2-32 of A-Z, 0-9 and '-', not '" + code + "'");
        }
        reloadIfChanged();
        String secret = PrivateFiles.newSecret();
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Map<String, Hash> changed = new TreeMap<>(accounts);
        changed.put(code, new Hash(salt, digest(salt, secret)));
        store(changed);
        return secret;
    }

    synchronized boolean revoke(String code) throws IOException {
        reloadIfChanged();
        if (!accounts.containsKey(code)) {
            return false;
        }
        Map<String, Hash> changed = new TreeMap<>(accounts);
        changed.remove(code);
        store(changed);
        return true;
    }

    private void store(Map<String, Hash> changed) throws IOException {
        StringBuilder text = new StringBuilder("# Missions allowed on headquarters' link: CODE=<salt hex>:<sha-256 hex of salt + secret>\n");
        changed.forEach((code, hash) -> text.append(code).append('=').append(HEX.formatHex(hash.salt()))
                .append(':').append(HEX.formatHex(hash.digest())).append('\n'));
        PrivateFiles.write(file, text.toString().getBytes(StandardCharsets.US_ASCII));
        accounts = new TreeMap<>(changed);
        remember();
    }

    private void reloadIfChanged() throws IOException {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            accounts = Map.of();
            readTime = null;
            readSize = -1;
            return;
        }
        if (modified.equals(readTime) && size == readSize) {
            return;
        }
        if (!PrivateFiles.isOwnerOnly(file)) {
            LOG.warn("{} can be read by other accounts: make it mode 600", file);
        }
        Map<String, Hash> read = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            parse(line.strip(), read);
        }
        accounts = read;
        readTime = modified;
        readSize = size;
    }

    private void parse(String line, Map<String, Hash> into) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        int equals = line.indexOf('=');
        int colon = line.indexOf(':', equals + 1);
        String code = equals < 0 ? "" : line.substring(0, equals).strip();
        try {
            if (!LinkSettings.isMissionCode(code) || colon < 0) {
                throw new IllegalArgumentException("not CODE=salt:hash");
            }
            byte[] salt = HEX.parseHex(line.substring(equals + 1, colon).strip());
            byte[] digest = HEX.parseHex(line.substring(colon + 1).strip());
            if (salt.length == 0 || digest.length != 32) {
                throw new IllegalArgumentException("salt or hash of the wrong length");
            }
            into.put(code, new Hash(salt, digest));
        } catch (IllegalArgumentException e) {
            // The line itself holds only a hash, but it is not logged: the code is enough to find it.
            LOG.warn("{}: ignored the line of '{}': {}", file, code.replaceAll("\\P{Print}", "?"), e.getMessage());
        }
    }

    private void remember() throws IOException {
        readTime = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        readSize = Files.size(file);
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(secret.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
