package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.documents.Documents;
import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncOutbox;
import org.diwan.api.sync.SyncedTable;
import org.diwan.api.sync.SyncedType;
import org.diwan.api.sync.TableRules;
import org.diwan.sync.internal.SyncedTablesService;
import org.diwan.sync.internal.TableType;

/** The department's sync as the platform runs it, for unit tests: captures into an outbox, types over a database. */
public final class TestSync {

    private record Node(String nodeId, NodeRole role, Optional<String> missionCode) implements NodeInfo {
    }

    private static final SyncOutbox NOWHERE = new SyncOutbox() {
        @Override
        public void capture(Connection connection, SyncChange change) {
        }

        @Override
        public void captureDocument(Connection connection, String documentId, String missionCode) {
        }
    };

    private TestSync() {
    }

    /** Headquarters' sync, capturing into nothing: for tests of stores that do not look at what syncs. */
    public static MissionsSync none() {
        return into(NOWHERE);
    }

    /** Headquarters' sync capturing into {@code outbox}. */
    public static MissionsSync into(SyncOutbox outbox) {
        return new MissionsSync(new SyncedTablesService(outbox), new Node("hq", NodeRole.HQ, Optional.empty()));
    }

    /** A node's sync capturing into {@code outbox}. */
    public static MissionsSync into(SyncOutbox outbox, NodeRole role, String missionCode) {
        return new MissionsSync(new SyncedTablesService(outbox), new Node(role.name(), role, Optional.ofNullable(missionCode)));
    }

    /** The synced type the platform makes of one of the department's tables, with the department's rules. */
    public static SyncedType type(SyncedTable table, DataSource dataSource) {
        return type(table, dataSource, null);
    }

    public static SyncedType type(SyncedTable table, DataSource dataSource, Documents documents) {
        TableRules rules = table == MissionsSync.BULLETINS ? TableRules.NONE : MissionRules.of(documents).get(table);
        return new TableType(table, dataSource, rules);
    }

    /** The payload a capture of this row now sends: the row as JSON. */
    public static String row(Connection c, SyncedTable table, String id) throws SQLException {
        List<SyncChange> captured = new ArrayList<>();
        new SyncedTablesService(new SyncOutbox() {
            @Override
            public void capture(Connection connection, SyncChange change) {
                captured.add(change);
            }

            @Override
            public void captureDocument(Connection connection, String documentId, String missionCode) {
            }
        }).capture(c, table, id);
        return captured.get(0).payload();
    }
}
