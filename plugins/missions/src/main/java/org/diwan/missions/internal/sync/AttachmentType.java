package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.documents.Documents;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;
import org.diwan.missions.internal.common.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Correspondence attachments (MIS-2), made on a mission and copied to headquarters. The row travels with the
 * records; the document's content travels on the files queue and keeps its id, so the row needs no change. An
 * attachment waits until both its correspondence and its document are at headquarters, and is its
 * correspondence's owner's (one on headquarters' own correspondence is refused). Attachments are never edited:
 * one that is there already is a duplicate.
 */
@Component(service = SyncedType.class)
public final class AttachmentType implements SyncedType {

    private final DataSource dataSource;
    private final Documents documents;

    @Activate
    public AttachmentType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource, @Reference Documents documents) {
        this.dataSource = dataSource;
        this.documents = documents;
    }

    @Override
    public String name() {
        return MissionsSync.ATTACHMENT;
    }

    @Override
    public NodeRole owner() {
        return NodeRole.MISSION;
    }

    @Override
    public Applied apply(SyncChange change) throws Exception {
        ObjectNode row = Payloads.object(change);
        if (!change.recordId().equals(row.path("id").asText())) {
            throw new IllegalArgumentException("payload is not attachment " + change.recordId());
        }
        return Transactions.inTransaction(dataSource, c -> {
            if (MissionsSync.ATTACHMENTS.exists(c, change.recordId())) {
                return Applied.STALE;
            }
            Optional<RecordOwner> owner;
            try (PreparedStatement s = c.prepareStatement(StoredOwners.CORRESPONDENCE)) {
                owner = StoredOwners.ofCorrespondence(s, row.path("correspondence_id").asText());
            }
            if (owner.isEmpty() || documents.find(row.path("document_id").asText()).isEmpty()) {
                return Applied.DEFERRED;
            }
            if (!owner.get().isMission(change.missionCode())) {
                throw new IllegalArgumentException("attachment to correspondence of " + owner.get() + ", sent by mission " + change.missionCode());
            }
            MissionsSync.ATTACHMENTS.upsert(c, row, Map.of(), false);
            return Applied.APPLIED;
        });
    }

    /** An attachment is its correspondence's owner's. */
    @Override
    public Map<String, RecordOwner> owners(Collection<String> recordIds) throws SQLException {
        return StoredOwners.read(dataSource, "SELECT a.id, x.received_from FROM correspondence_attachment a"
                + " JOIN correspondence x ON x.id = a.correspondence_id WHERE a.id IN (%s)", recordIds);
    }

    @Override
    public void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            String where = "correspondence_id IN (SELECT x.id FROM correspondence x JOIN mission m ON m.id = x.mission_id"
                    + (missionCode == null ? ")" : " WHERE m.code = ?)");
            Object[] args = missionCode == null ? new Object[0] : new Object[] {missionCode};
            for (ObjectNode row : MissionsSync.ATTACHMENTS.readWhere(c, where + " ORDER BY created_at, id", args)) {
                sink.accept(new SyncChange(name(), row.path("id").asText(), 1,
                        MissionsSync.correspondenceMission(c, row.path("correspondence_id").asText()), row.toString()));
            }
        }
    }
}
