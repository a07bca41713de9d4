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
 * {@code CODE=<salt hex>:<SHA-256 hex of salt + secret>[:<SHA-256 hex of salt + node key>]} per mission, mode 600.
 *
 * <p>A mission logs in with its enrolment secret and its node's own key ({@link MissionCredential}): the first login
 * after an enrolment binds the mission to that node's key, and from then on the secret alone opens nothing. A
 * leaked secret (with the certificate, from a copied configuration) does not let a second node in: its login is
 * refused as {@link Login#OTHER_NODE}, which the link reports as an alarm. Enrolling the mission again starts over.
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
    /** Keeps a node key's digest apart from a secret's under the same salt. */
    private static final String NODE_PREFIX = "node:";

    /** @param node the digest of the node key the mission is bound to, or {@code null} until its first login */
    private record Hash(byte[] salt, byte[] digest, byte[] node) {
    }

    /** How a mission's login went. */
    enum Login {
        ACCEPTED,
        /** Unknown mission, or not its secret. */
        WRONG_SECRET,
        /** The right secret from a node other than the one the mission is bound to. */
        OTHER_NODE,
        /** The right secret without a node key (a hand-made login, or a node older than this check). */
        NO_NODE_KEY
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

    /**
     * A mission's login with its {@link MissionCredential}: the secret must be right, and the node key the one the
     * mission is bound to; the first login after an enrolment binds it.
     */
    synchronized Login login(String code, String password) throws IOException {
        MissionCredential credential = MissionCredential.parse(password);
        if (!authenticate(code, credential.secret())) {
            return Login.WRONG_SECRET;
        }
        if (credential.nodeKey().isEmpty()) {
            return Login.NO_NODE_KEY;
        }
        Hash hash = accounts.get(code);
        byte[] node = digest(hash.salt(), NODE_PREFIX + credential.nodeKey());
        if (hash.node() == null) {
            Map<String, Hash> changed = new TreeMap<>(accounts);
            changed.put(code, new Hash(hash.salt(), hash.digest(), node));
            store(changed);
            LOG.info("Mission {} logged in for the first time since its enrolment: bound to its node (key {})", code, fingerprint(node));
            return Login.ACCEPTED;
        }
        return MessageDigest.isEqual(hash.node(), node) ? Login.ACCEPTED : Login.OTHER_NODE;
    }

    /** The first characters of a node key's digest, enough to tell nodes apart in a log line. */
    static String fingerprint(byte[] node) {
        return HEX.formatHex(node, 0, 6);
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
        changed.put(code, new Hash(salt, digest(salt, secret), null));
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
        StringBuilder text = new StringBuilder("# Missions allowed on headquarters' link: "
                + "CODE=<salt hex>:<sha-256 hex of salt + secret>[:<sha-256 hex of salt + node key>]\n");
        changed.forEach((code, hash) -> text.append(code).append('=').append(HEX.formatHex(hash.salt()))
                .append(':').append(HEX.formatHex(hash.digest()))
                .append(hash.node() == null ? "" : ":" + HEX.formatHex(hash.node())).append('\n'));
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
            int second = line.indexOf(':', colon + 1);
            byte[] digest = HEX.parseHex((second < 0 ? line.substring(colon + 1) : line.substring(colon + 1, second)).strip());
            byte[] node = second < 0 ? null : HEX.parseHex(line.substring(second + 1).strip());
            if (salt.length == 0 || digest.length != 32 || (node != null && node.length != 32)) {
                throw new IllegalArgumentException("salt or hash of the wrong length");
            }
            into.put(code, new Hash(salt, digest, node));
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
