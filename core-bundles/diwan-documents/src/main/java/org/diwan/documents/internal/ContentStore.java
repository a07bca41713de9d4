package org.diwan.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.diwan.api.documents.DocumentRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content files: {@code sha256/<2 hex>/<2 hex>/<hash>} under the storage folder, one per distinct content,
 * and uploads in progress in {@code tmp/} on the same file system, so that keeping one is an atomic rename.
 */
final class ContentStore {

    private static final Logger LOG = LoggerFactory.getLogger(ContentStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    /** An upload read to its end into a temporary file, not yet kept. */
    record Received(Path temp, String sha256, long size) {
    }

    private final Path content;
    private final Path tmp;

    ContentStore(Path storage) throws IOException {
        this.content = Files.createDirectories(storage.resolve("sha256"));
        this.tmp = Files.createDirectories(storage.resolve("tmp"));
    }

    /**
     * Streams the upload to a temporary file while hashing and counting it, reading at most {@code maxSize + 1}
     * bytes; a longer upload is refused at that point and its temporary file deleted.
     */
    Received receive(InputStream in, long maxSize) throws IOException, DocumentRefused {
        MessageDigest digest = sha256();
        Path temp = Files.createTempFile(tmp, "upload-", ".part"); // owner-only on POSIX
        boolean received = false;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            int n;
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxSize + 1 - size))) > 0) {
                size += n;
                if (size > maxSize) {
                    throw new DocumentRefused(DocumentRefused.TOO_LARGE, maxSize);
                }
                digest.update(buffer, 0, n);
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            out.force(true);
            received = true;
            return new Received(temp, HexFormat.of().formatHex(digest.digest()), size);
        } finally {
            if (!received) {
                discard(temp);
            }
        }
    }

    /**
     * Keeps received content under its hash. Content already there (same hash and size) is not written again;
     * a file of the wrong size there (a torn copy) is replaced.
     */
    Path keep(Received received) throws IOException {
        Path target = path(received.sha256());
        if (Files.isRegularFile(target) && Files.size(target) == received.size()) {
            discard(received.temp());
            return target;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(received.temp(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the storage folder must be one file system: tmp/ and sha256/ are not", e);
        }
        return target;
    }

    /** Deletes a temporary file; a no-op once it was kept. */
    void discard(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("temporary upload {} not deleted: {}", temp, e.toString());
        }
    }

    Path path(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return content.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Deletes uploads left in tmp/ by a stop in the middle of one, once they are older than {@code age}. */
    void removeStaleUploads(Instant now, Duration age) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp, "upload-*.part")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(age))) {
                    LOG.info("deleting stale temporary upload {}", file.getFileName());
                    discard(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("stale uploads in {} not cleaned: {}", tmp, e.toString());
        }
    }

    /** The folder of uploads in progress, for tests. */
    Path temporaryFolder() {
        return tmp;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
