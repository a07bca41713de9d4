package org.diwan.missions.internal.sync;

import java.sql.SQLException;
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

/** An objective of the plan of action, kept by headquarters and copied to every mission after its plan. */
@Component(service = SyncedType.class)
public final class PlanObjectiveType extends HqRowType {

    @Activate
    public PlanObjectiveType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        super(dataSource, MissionsSync.OBJECTIVES, "plan_id, position, id");
    }

    @Override
    public String name() {
        return MissionsSync.PLAN_OBJECTIVE;
    }

    @Override
    Optional<Applied> check(Batch batch, SyncChange change, ObjectNode row, Map<String, Object> local) throws SQLException {
        return exists(batch, "action_plan", row.path("plan_id").asText()) ? Optional.empty() : Optional.of(Applied.DEFERRED);
    }
}
