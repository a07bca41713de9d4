package org.diwan.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.tika.mime.MediaType;
import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.documents.Documents;
import org.diwan.api.documents.StoredDocument;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachment store: content files by SHA-256 under the storage folder ({@link ContentStore}), one row per
 * upload in the {@code documents} schema, media types from the content ({@link ContentTypes}).
 */
@Component(service = Documents.class, configurationPid = "org.diwan.documents")
@Designate(ocd = DocumentsConfig.class)
public final class DocumentService implements Documents {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    /** A plugin id, as PluginDescriptor requires it. */
    private static final Pattern OWNER = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Duration STALE_UPLOAD = Duration.ofDays(1);
    private static final String COLUMNS = "id, owner, file_name, media_type, size_bytes, sha256, created, created_by";

    private final DataSource dataSource;
    private final ContentStore store;
    private final ContentTypes types;
    private final long maxSize;
    private final Clock clock;

    @Activate
    public DocumentService(@Reference(target = "(diwan.schema=documents)") DataSource dataSource, BundleContext context,
            DocumentsConfig config) throws IOException {
        this(dataSource, storageFolder(config.storage(), context.getProperty("karaf.data")), config.maxSizeBytes(),
                Clock.systemUTC());
    }

    DocumentService(DataSource dataSource, Path storage, long maxSize, Clock clock) throws IOException {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSizeBytes must be at least 1: " + maxSize);
        }
        this.dataSource = dataSource;
        this.store = new ContentStore(storage);
        this.types = new ContentTypes();
        this.maxSize = maxSize;
        this.clock = clock;
        store.removeStaleUploads(clock.instant(), STALE_UPLOAD);
        LOG.info("documents stored in {}, at most {} bytes each", storage, maxSize);
    }

    static Path storageFolder(String configured, String karafData) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip()).toAbsolutePath();
        }
        if (karafData == null || karafData.isBlank()) {
            throw new IllegalStateException("no storage folder configured and karaf.data is not set");
        }
        return Path.of(karafData, "documents").toAbsolutePath();
    }

    @Override
    public StoredDocument store(String owner, String fileName, InputStream content, Set<String> acceptedMediaTypes,
            String actor) throws DocumentRefused {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("owner must be a plugin id: " + owner);
        }
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(acceptedMediaTypes, "acceptedMediaTypes");
        Objects.requireNonNull(actor, "actor");
        Set<MediaType> accepted = new LinkedHashSet<>();
        for (String type : acceptedMediaTypes) {
            accepted.add(types.accepted(type));
        }
        String name = FileNames.forDisplay(fileName);
        if (name.isEmpty()) {
            throw refused(owner, new DocumentRefused(DocumentRefused.NAME));
        }

        ContentStore.Received received;
        try {
            received = store.receive(content, maxSize);
        } catch (DocumentRefused e) {
            throw refused(owner, e);
        } catch (IOException e) {
            throw new UncheckedIOException("upload for " + owner + " not received", e);
        }
        MediaType type;
        try {
            if (received.size() == 0) {
                throw new DocumentRefused(DocumentRefused.EMPTY);
            }
            type = types.detect(received.temp());
            if (!types.allows(type, accepted)) {
                throw new DocumentRefused(DocumentRefused.TYPE, type.toString());
            }
            store.keep(received);
        } catch (DocumentRefused e) {
            throw refused(owner, e);
        } catch (IOException e) {
            throw new UncheckedIOException("upload for " + owner + " not stored", e);
        } finally {
            store.discard(received.temp());
        }

        StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), owner, name, type.toString(),
                received.size(), received.sha256(), clock.instant().truncatedTo(ChronoUnit.MILLIS), clip(actor, 64));
        insert(document);
        LOG.info("document {} stored for {} by {}: {}, {} bytes, sha256 {}", document.id(), owner, document.createdBy(),
                document.mediaType(), document.size(), document.sha256());
        return document;
    }

    @Override
    public StoredDocument storeCopy(StoredDocument original, InputStream content) throws DocumentRefused {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(content, "content");
        if (!isUuid(original.id()) || !OWNER.matcher(original.owner()).matches()) {
            throw new IllegalArgumentException("not a document another node stored: " + original.id() + " of " + original.owner());
        }
        Optional<StoredDocument> held = find(original.id());
        if (held.isPresent()) {
            return held.get();
        }
        ContentStore.Received received;
        try {
            received = store.receive(content, maxSize);
        } catch (DocumentRefused e) {
            throw refused(original.owner(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("copy of document " + original.id() + " not received", e);
        }
        try {
            if (!received.sha256().equals(original.sha256()) || received.size() != original.size()) {
                throw new DocumentRefused(DocumentRefused.MISMATCH, original.id());
            }
            MediaType type = types.detect(received.temp());
            if (!type.toString().equals(original.mediaType())) {
                throw new DocumentRefused(DocumentRefused.TYPE, type.toString());
            }
            store.keep(received);
        } catch (DocumentRefused e) {
            throw refused(original.owner(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("copy of document " + original.id() + " not stored", e);
        } finally {
            store.discard(received.temp());
        }
        StoredDocument copy = new StoredDocument(original.id(), original.owner(), FileNames.forDisplay(original.fileName()),
                original.mediaType(), original.size(), original.sha256(), original.created().truncatedTo(ChronoUnit.MILLIS),
                clip(original.createdBy(), 64));
        insert(copy);
        LOG.info("document {} copied for {} from another node: {}, {} bytes, sha256 {}", copy.id(), copy.owner(), copy.mediaType(),
                copy.size(), copy.sha256());
        return copy;
    }

    @Override
    public Optional<StoredDocument> find(String id) {
        if (!isUuid(id)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM document WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("document " + id + " not readable", e);
        }
    }

    @Override
    public InputStream open(String id) {
        StoredDocument document = find(id).orElseThrow(() -> new NoSuchElementException("no document with id " + id));
        Path file = store.path(document.sha256());
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            LOG.error("content of document {} (sha256 {}) is missing from {}", id, document.sha256(), file);
            throw new UncheckedIOException("content of document " + id + " is missing from the storage folder", e);
        } catch (IOException e) {
            throw new UncheckedIOException("content of document " + id + " not readable", e);
        }
    }

    @Override
    public long maxSize() {
        return maxSize;
    }

    /** The content file of a document's hash, for tests. */
    Path contentPath(String sha256) {
        return store.path(sha256);
    }

    /** The folder of uploads in progress, for tests. */
    Path temporaryFolder() {
        return store.temporaryFolder();
    }

    private void insert(StoredDocument d) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO document (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, d.id());
            s.setString(2, d.owner());
            s.setString(3, d.fileName());
            s.setString(4, d.mediaType());
            s.setLong(5, d.size());
            s.setString(6, d.sha256());
            s.setTimestamp(7, Timestamp.from(d.created()));
            s.setString(8, d.createdBy());
            s.executeUpdate();
        } catch (SQLException e) {
            // The content file stays: it may be shared with other rows, and an unreferenced one is harmless.
            throw new IllegalStateException("document row not written for " + d.owner() + ", sha256 " + d.sha256(), e);
        }
    }

    private static DocumentRefused refused(String owner, DocumentRefused e) {
        LOG.info("upload for {} refused: {} {}", owner, e.messageKey(), e.args());
        return e;
    }

    private static boolean isUuid(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
