package org.diwan.missions.internal.sync;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;

/**
 * A row type owned by a mission (by default the one its {@code mission_id} names): made on that mission's node
 * and copied to headquarters, where it is read-only and marked with the mission it came from
 * ({@code received_from}, which is also what {@link #owners} reads: the core refuses a mission's change to a
 * stored row that is not that mission's). A row waits while its mission is not in headquarters' directory yet,
 * and is refused when it names another mission than the one that sent it.
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

    /**
     * Whose record a received row is, by what it refers to as stored here; empty while that has not arrived. By
     * default the mission it names ({@link #missionOf}); a row that belongs to a parent record is the parent's
     * owner's, which may be headquarters.
     */
    Optional<RecordOwner> ownerOf(Batch batch, ObjectNode row) throws SQLException {
        return Optional.ofNullable(missionOf(batch, row)).map(RecordOwner::mission);
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
        Optional<RecordOwner> owner = ownerOf(batch, row);
        if (owner.isEmpty()) {
            return Optional.of(Applied.DEFERRED);
        }
        if (!owner.get().isMission(change.missionCode())) {
            throw new IllegalArgumentException(name() + " of " + owner.get() + " sent by mission " + change.missionCode());
        }
        local.put("received_from", change.missionCode());
        derive(row, local);
        return Optional.empty();
    }

    @Override
    public final Map<String, RecordOwner> owners(Collection<String> recordIds) throws SQLException {
        return StoredOwners.byReceivedFrom(dataSource(), codec().table(), recordIds);
    }

    @Override
    public final void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        String where = missionCode == null ? "1 = 1" : ofMission();
        Object[] args = missionCode == null ? new Object[0] : new Object[] {missionCode};
        exportRows(where, args, this::missionOf, sink);
    }
}
