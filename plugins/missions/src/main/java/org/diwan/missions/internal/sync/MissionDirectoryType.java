package org.diwan.missions.internal.sync;

import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.sync.Applied;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The missions directory (MIS-1), kept by headquarters and copied to every mission node. */
@Component(service = SyncedType.class)
public final class MissionDirectoryType extends HqRowType {

    @Activate
    public MissionDirectoryType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        super(dataSource, MissionsSync.MISSIONS, "code");
    }

    @Override
    public String name() {
        return MissionsSync.MISSION;
    }

    @Override
    Optional<Applied> check(Batch batch, SyncChange change, ObjectNode row, Map<String, Object> local) {
        return Optional.empty();
    }
}
