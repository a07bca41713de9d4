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

/**
 * A task of the plan of action (owner, deadline, progress), kept by headquarters and copied to every mission after
 * its objective: a task's progress travels as one small row.
 */
@Component(service = SyncedType.class)
public final class PlanTaskType extends HqRowType {

    @Activate
    public PlanTaskType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        super(dataSource, MissionsSync.TASKS, "objective_id, deadline, id");
    }

    @Override
    public String name() {
        return MissionsSync.PLAN_TASK;
    }

    @Override
    Optional<Applied> check(Batch batch, SyncChange change, ObjectNode row, Map<String, Object> local) throws SQLException {
        return exists(batch, "plan_objective", row.path("objective_id").asText()) ? Optional.empty() : Optional.of(Applied.DEFERRED);
    }
}
