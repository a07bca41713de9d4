package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The missions directory (MIS-1), kept by headquarters and copied to every mission node. */
@Component(service = SyncedType.class)
public final class MissionDirectoryType extends RowType {

    @Activate
    public MissionDirectoryType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        super(dataSource, MissionsSync.MISSIONS);
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
    Optional<Applied> check(Batch batch, SyncChange change, ObjectNode row, Map<String, Object> local) {
        return Optional.empty();
    }

    @Override
    public void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        try (Connection c = dataSource().getConnection()) {
            for (ObjectNode row : MissionsSync.MISSIONS.readWhere(c, "1 = 1 ORDER BY code")) {
                sink.accept(new SyncChange(name(), row.path("id").asText(), row.path("version").asLong(), null, row.toString()));
            }
        }
    }
}
