package org.diwan.library.internal.catalogue;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.documents.Documents;
import org.diwan.api.documents.StoredDocument;
import org.diwan.api.persistence.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Digital objects of the catalogue (LIB-3): files attached to descriptions through the core documents service,
 * which detects their type from the content and keeps their SHA-256.
 */
@Component(service = DigitalObjects.class)
public final class DigitalObjects {

    /** Scans, PDFs, images, audio and video: what a library digitises. */
    static final Set<String> ACCEPTED = Set.of("application/pdf", "image/*", "audio/*", "video/*");
    static final String OWNER = "library";

    private final DataSource library;
    private final Documents documents;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public DigitalObjects(@Reference(target = "(diwan.schema=library)") DataSource library, @Reference Documents documents,
            @Reference AuditLog audit) {
        this(library, documents, audit, Clock.systemUTC());
    }

    DigitalObjects(DataSource library, Documents documents, AuditLog audit, Clock clock) {
        this.library = library;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the file and attaches it to the record, after the objects it has.
     *
     * @throws DocumentRefused too large, empty, or not a type a library digitises; nothing is kept
     */
    public DigitalObject attach(CatalogueRecord record, String fileName, InputStream content, String label, AccessLevel access, String actor,
            String address) throws DocumentRefused, SQLException {
        StoredDocument stored = documents.store(OWNER, fileName, content, ACCEPTED, actor);
        String id = UUID.randomUUID().toString();
        int position = Transactions.inTransaction(library, c -> {
            int next;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(position), 0) + 1 FROM digital_object WHERE record_id = ?")) {
                s.setString(1, record.id());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO digital_object (id, record_id, document_id, label, access_level, position,"
                    + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, record.id());
                s.setString(3, stored.id());
                s.setString(4, label);
                s.setString(5, access.name());
                s.setInt(6, next);
                s.setTimestamp(7, Timestamp.from(clock.instant()));
                s.setString(8, actor);
                s.executeUpdate();
            }
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.object.attach", record.id(),
                    stored.fileName() + " sha256 " + stored.sha256(), address));
            return next;
        });
        return new DigitalObject(id, record.id(), stored, label, access, position);
    }

    /** The record's objects in their order, whoever may see them (callers filter with {@link DigitalObject#visibleTo}). */
    public List<DigitalObject> of(CatalogueRecord record) throws SQLException {
        List<DigitalObject> objects = new ArrayList<>();
        try (Connection c = library.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, document_id, label, access_level, position FROM digital_object"
                        + " WHERE record_id = ? ORDER BY position")) {
            s.setString(1, record.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Optional<StoredDocument> document = documents.find(rs.getString("document_id"));
                    if (document.isPresent()) {
                        objects.add(new DigitalObject(rs.getString("id"), record.id(), document.get(), rs.getString("label"),
                                AccessLevel.valueOf(rs.getString("access_level")), rs.getInt("position")));
                    }
                }
            }
        }
        return objects;
    }

    public Optional<DigitalObject> find(CatalogueRecord record, String objectId) throws SQLException {
        return of(record).stream().filter(o -> o.id().equals(objectId)).findFirst();
    }

    /** The largest file an object may have: the documents service's limit. */
    public long maxSize() {
        return documents.maxSize();
    }

    public InputStream open(DigitalObject object) {
        return documents.open(object.document().id());
    }
}
