package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Correspondence and reports (MIS-2), registered by a mission and copied to headquarters, where they are
 * read-only and marked with the mission they came from. A record waits when its mission is not in
 * headquarters' directory yet, and is refused when it names another mission than the one that sent it. A
 * batch is stored in one transaction: what makes a mission's catching up after an outage fast.
 */
@Component(service = SyncedType.class)
public final class CorrespondenceType extends RowType {

    @Activate
    public CorrespondenceType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        super(dataSource, MissionsSync.LETTERS);
    }

    @Override
    public String name() {
        return MissionsSync.CORRESPONDENCE;
    }

    @Override
    public NodeRole owner() {
        return NodeRole.MISSION;
    }

    @Override
    Optional<Applied> check(Batch batch, SyncChange change, ObjectNode row, Map<String, Object> local) throws SQLException {
        String code = batch.missionCode(row.path("mission_id").asText());
        if (code == null) {
            return Optional.of(Applied.DEFERRED);
        }
        if (!Objects.equals(code, change.missionCode())) {
            throw new IllegalArgumentException("correspondence of mission " + code + " sent by mission " + change.missionCode());
        }
        local.put("received_from", code);
        local.put("search_key", CorrespondenceStore.searchKey(row.path("reference_no").asText(), row.path("subject").asText(),
                text(row, "summary"), text(row, "counterpart_name")));
        return Optional.empty();
    }

    private static String text(ObjectNode row, String column) {
        return row.path(column).isTextual() ? row.path(column).asText() : null;
    }

    @Override
    public void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        try (Connection c = dataSource().getConnection()) {
            String where = missionCode == null ? "1 = 1" : "mission_id IN (SELECT id FROM mission WHERE code = ?)";
            Object[] args = missionCode == null ? new Object[0] : new Object[] {missionCode};
            for (ObjectNode row : MissionsSync.LETTERS.readWhere(c, where + " ORDER BY document_date, id", args)) {
                String code = MissionsSync.missionCode(c, row.path("mission_id").asText());
                sink.accept(new SyncChange(name(), row.path("id").asText(), row.path("version").asLong(), code, row.toString()));
            }
        }
    }
}
