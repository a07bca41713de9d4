package org.diwan.missions.internal.sync;

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

/**
 * A row type owned by a mission (by default the one its {@code mission_id} names): made on that mission's node
 * and copied to headquarters, where it is read-only and marked with the mission it came from
 * ({@code received_from}). A row waits while its mission is not in headquarters' directory yet, and is refused
 * when it names another mission than the one that sent it.
 */
abstract class MissionRowType extends RowType {

    MissionRowType(DataSource dataSource, RowCodec codec, String exportOrder) {
        super(dataSource, codec, exportOrder);
    }

    @Override
    public final NodeRole owner() {
        return NodeRole.MISSION;
    }

    /** The code of the mission the row belongs to, or {@code null} while that is not known here. */
    String missionOf(Batch batch, ObjectNode row) throws SQLException {
        return batch.missionCode(row.path("mission_id").asText());
    }

    /** The rows of one mission, its code the one parameter (what a resend to that mission reads). */
    String ofMission() {
        return MissionsSync.OF_MISSION;
    }

    /** Local columns this node derives from the row itself, beside {@code received_from}. */
    void derive(ObjectNode row, Map<String, Object> local) {
    }

    @Override
    final Optional<Applied> check(Batch batch, SyncChange change, ObjectNode row, Map<String, Object> local) throws SQLException {
        String code = missionOf(batch, row);
        if (code == null) {
            return Optional.of(Applied.DEFERRED);
        }
        if (!Objects.equals(code, change.missionCode())) {
            throw new IllegalArgumentException(name() + " of mission " + code + " sent by mission " + change.missionCode());
        }
        local.put("received_from", code);
        derive(row, local);
        return Optional.empty();
    }

    @Override
    public final void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        String where = missionCode == null ? "1 = 1" : ofMission();
        Object[] args = missionCode == null ? new Object[0] : new Object[] {missionCode};
        exportRows(where, args, this::missionOf, sink);
    }
}
