package org.diwan.missions.internal.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

/** A year's plan of action (MIS-6) and its recommendations, kept by headquarters and copied to every mission. */
@Component(service = SyncedType.class)
public final class PlanType extends HqRowType {

    @Activate
    public PlanType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        super(dataSource, MissionsSync.PLANS, "plan_year");
    }

    @Override
    public String name() {
        return MissionsSync.PLAN;
    }

    /**
     * A mission node made an empty plan of its own when its plan page was first shown, before plans came from
     * headquarters: that one gives way. One with objectives would be data: it is refused, not overwritten.
     */
    @Override
    Optional<Applied> check(Batch batch, SyncChange change, ObjectNode row, Map<String, Object> local) throws SQLException {
        PreparedStatement s = batch.statement("SELECT p.id, (SELECT COUNT(*) FROM plan_objective o WHERE o.plan_id = p.id)"
                + " FROM action_plan p WHERE p.plan_year = ? AND p.id <> ?");
        s.setInt(1, row.path("plan_year").asInt());
        s.setString(2, change.recordId());
        try (ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                if (rs.getInt(2) > 0) {
                    throw new IllegalArgumentException("this node holds another plan for " + row.path("plan_year").asInt() + " with objectives");
                }
                PreparedStatement delete = batch.statement("DELETE FROM action_plan WHERE id = ?");
                delete.setString(1, rs.getString(1));
                delete.executeUpdate();
            }
        }
        return Optional.empty();
    }
}
