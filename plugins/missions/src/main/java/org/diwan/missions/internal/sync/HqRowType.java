package org.diwan.missions.internal.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;

/**
 * A row type kept by headquarters and copied to every mission, read-only there. A row that refers to another
 * (a task to its objective) waits until that one has arrived.
 */
abstract class HqRowType extends RowType {

    HqRowType(DataSource dataSource, RowCodec codec, String exportOrder) {
        super(dataSource, codec, exportOrder);
    }

    @Override
    public final NodeRole owner() {
        return NodeRole.HQ;
    }

    @Override
    public final Map<String, RecordOwner> owners(Collection<String> recordIds) throws SQLException {
        return StoredOwners.headquarters(dataSource(), codec().table(), recordIds);
    }

    @Override
    public final void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        exportRows("1 = 1", new Object[0], (batch, row) -> null, sink);
    }

    /** Whether {@code table} holds a row with this id, in the batch's transaction. */
    static boolean exists(Batch batch, String table, String id) throws SQLException {
        PreparedStatement s = batch.statement("SELECT 1 FROM " + table + " WHERE id = ?");
        s.setString(1, id);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }
}
