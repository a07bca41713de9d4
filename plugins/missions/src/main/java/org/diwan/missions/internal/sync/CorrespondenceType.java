package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
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
import org.diwan.missions.internal.common.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Correspondence and reports (MIS-2), registered by a mission and copied to headquarters, where they are
 * read-only and marked with the mission they came from. A record waits when its mission is not in
 * headquarters' directory yet, and is refused when it names another mission than the one that sent it.
 */
@Component(service = SyncedType.class)
public final class CorrespondenceType implements SyncedType {

    private final DataSource dataSource;

    @Activate
    public CorrespondenceType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        this.dataSource = dataSource;
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
    public Applied apply(SyncChange change) throws Exception {
        return applyAll(List.of(change)).get(0);
    }

    /** The whole batch in one transaction: what makes a mission's catching up after an outage fast. */
    @Override
    public List<Applied> applyAll(List<SyncChange> changes) throws Exception {
        List<ObjectNode> rows = changes.stream().map(change -> Payloads.row(change, Payloads.object(change))).toList();
        return Transactions.inTransaction(dataSource, c -> {
            List<Applied> results = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                results.add(applyIn(c, changes.get(i), rows.get(i)));
            }
            return results;
        });
    }

    private static Applied applyIn(Connection c, SyncChange change, ObjectNode row) throws java.sql.SQLException {
        Optional<Long> stored = MissionsSync.LETTERS.version(c, change.recordId());
        if (stored.isPresent() && stored.get() >= change.version()) {
            return Applied.STALE;
        }
        String code = MissionsSync.missionCode(c, row.path("mission_id").asText());
        if (code == null) {
            return Applied.DEFERRED;
        }
        if (!Objects.equals(code, change.missionCode())) {
            throw new IllegalArgumentException("correspondence of mission " + code + " sent by mission " + change.missionCode());
        }
        MissionsSync.LETTERS.upsert(c, row, Map.of("received_from", code), stored.isPresent());
        return Applied.APPLIED;
    }

    @Override
    public void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            String where = missionCode == null ? "1 = 1" : "mission_id IN (SELECT id FROM mission WHERE code = ?)";
            Object[] args = missionCode == null ? new Object[0] : new Object[] {missionCode};
            for (ObjectNode row : MissionsSync.LETTERS.readWhere(c, where + " ORDER BY document_date, id", args)) {
                String code = MissionsSync.missionCode(c, row.path("mission_id").asText());
                sink.accept(new SyncChange(name(), row.path("id").asText(), row.path("version").asLong(), code, row.toString()));
            }
        }
    }
}
