package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** The missions directory (MIS-1), kept by headquarters and copied to every mission node. */
@Component(service = SyncedType.class)
public final class MissionDirectoryType implements SyncedType {

    private final DataSource dataSource;

    @Activate
    public MissionDirectoryType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return MissionsSync.MISSION;
    }

    @Override
    public NodeRole owner() {
        return NodeRole.HQ;
    }

    @Override
    public Applied apply(SyncChange change) throws Exception {
        return applyAll(List.of(change)).get(0);
    }

    /** The whole batch in one transaction. */
    @Override
    public List<Applied> applyAll(List<SyncChange> changes) throws Exception {
        List<ObjectNode> rows = changes.stream().map(change -> Payloads.row(change, Payloads.object(change))).toList();
        return Transactions.inTransaction(dataSource, c -> {
            List<Applied> results = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                SyncChange change = changes.get(i);
                Optional<Long> stored = MissionsSync.MISSIONS.version(c, change.recordId());
                if (stored.isPresent() && stored.get() >= change.version()) {
                    results.add(Applied.STALE);
                } else {
                    MissionsSync.MISSIONS.upsert(c, rows.get(i), Map.of(), stored.isPresent());
                    results.add(Applied.APPLIED);
                }
            }
            return results;
        });
    }

    @Override
    public void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (ObjectNode row : MissionsSync.MISSIONS.readWhere(c, "1 = 1 ORDER BY code")) {
                sink.accept(new SyncChange(name(), row.path("id").asText(), row.path("version").asLong(), null, row.toString()));
            }
        }
    }
}
