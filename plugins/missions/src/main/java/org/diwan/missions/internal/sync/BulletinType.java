package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;
import org.diwan.missions.internal.bulletin.BulletinService;
import org.diwan.missions.internal.common.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Issued bulletins (MIS-4), sent by headquarters to every mission. The mission stores the bulletin and its
 * included items, then renders its own HTML and PDF from them with the same code headquarters used, so only
 * the texts travel.
 */
@Component(service = SyncedType.class)
public final class BulletinType implements SyncedType {

    private final DataSource dataSource;
    private final BulletinService bulletins;

    @Activate
    public BulletinType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource, @Reference BulletinService bulletins) {
        this.dataSource = dataSource;
        this.bulletins = bulletins;
    }

    @Override
    public String name() {
        return MissionsSync.BULLETIN;
    }

    @Override
    public NodeRole owner() {
        return NodeRole.HQ;
    }

    @Override
    public Map<String, RecordOwner> owners(Collection<String> recordIds) throws SQLException {
        return StoredOwners.headquarters(dataSource, "bulletin", recordIds);
    }

    @Override
    public Applied apply(SyncChange change) throws Exception {
        ObjectNode payload = Payloads.object(change);
        ObjectNode row = Payloads.rowIn(change, payload.get("bulletin"), "ISSUED");
        Applied applied = Transactions.inTransaction(dataSource, c -> {
            Optional<Long> stored = MissionsSync.BULLETINS.version(c, change.recordId());
            if (stored.isPresent() && stored.get() >= change.version()) {
                return Applied.STALE;
            }
            MissionsSync.BULLETINS.upsert(c, row, Map.of(), stored.isPresent());
            try (PreparedStatement s = c.prepareStatement("DELETE FROM bulletin_item WHERE bulletin_id = ?")) {
                s.setString(1, change.recordId());
                s.executeUpdate();
            }
            for (JsonNode item : payload.path("items")) {
                if (!(item instanceof ObjectNode object) || !change.recordId().equals(object.path("bulletin_id").asText())) {
                    throw new IllegalArgumentException("an item of bulletin " + change.recordId() + " belongs to another bulletin");
                }
                MissionsSync.ITEMS.upsert(c, object, Map.of(), false);
            }
            return Applied.APPLIED;
        });
        // Rendered after the commit: the documents service writes files, which no transaction undoes. A crash in
        // between leaves a stored bulletin without documents, which the next delivery (or a resend) renders.
        if (applied == Applied.APPLIED || !bulletins.hasDocuments(change.recordId())) {
            bulletins.renderReceived(change.recordId());
            return Applied.APPLIED;
        }
        return applied;
    }

    @Override
    public void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (ObjectNode row : MissionsSync.BULLETINS.readWhere(c, "status = 'ISSUED' ORDER BY month")) {
                sink.accept(MissionsSync.bulletinChange(c, row.path("id").asText()));
            }
        }
    }
}
