package org.diwan.missions.internal.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncedType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Follow-up actions (MIS-2) a mission records on its own correspondence, copied to headquarters with that
 * correspondence, where both are read-only. An action waits for its correspondence, and is the correspondence's
 * owner's: one on headquarters' own correspondence (even one concerning the sending mission) is refused.
 */
@Component(service = SyncedType.class)
public final class FollowUpType extends MissionRowType {

    @Activate
    public FollowUpType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        super(dataSource, MissionsSync.FOLLOW_UPS, "correspondence_id, deadline, id");
    }

    @Override
    public String name() {
        return MissionsSync.FOLLOW_UP;
    }

    /** The mission of its correspondence. */
    @Override
    String missionOf(Batch batch, ObjectNode row) throws SQLException {
        PreparedStatement s = batch.statement(MissionsSync.CORRESPONDENCE_MISSION);
        s.setString(1, row.path("correspondence_id").asText());
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The owner of its correspondence as stored here. */
    @Override
    Optional<RecordOwner> ownerOf(Batch batch, ObjectNode row) throws SQLException {
        return StoredOwners.ofCorrespondence(batch.statement(StoredOwners.CORRESPONDENCE), row.path("correspondence_id").asText());
    }

    @Override
    String ofMission() {
        return "correspondence_id IN (SELECT x.id FROM correspondence x JOIN mission m ON m.id = x.mission_id WHERE m.code = ?)";
    }
}
