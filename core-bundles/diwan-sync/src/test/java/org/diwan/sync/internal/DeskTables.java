package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.IncomingRow;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncOutbox;
import org.diwan.api.sync.SyncedTable;
import org.diwan.api.sync.TableRules;

/** The stand-in department's declared tables ({@code db/migration/desk}) and a capturing node writing them. */
final class DeskTables {

    static final String OFFICE_CODE = "SELECT code FROM office WHERE id = ?";
    static final SyncedTable OFFICES = SyncedTable.builder("desk.office", "office", NodeRole.HQ).exportOrder("code").build();
    static final SyncedTable TICKETS = SyncedTable.builder("desk.ticket", "ticket", NodeRole.MISSION).missionScope("office_id", OFFICE_CODE)
            .localColumns("received_from", "search_key").ownerColumn("received_from").exportOrder("opened_on, id").build();
    static final SyncedTable REPLIES = SyncedTable.builder("desk.reply", "reply", NodeRole.MISSION)
            .missionScope("ticket_id", "SELECT o.code FROM ticket t JOIN office o ON o.id = t.office_id WHERE t.id = ?")
            .localColumns("received_from").ownerColumn("received_from").ownedThrough("ticket_id", "ticket", "received_from").build();
    static final SyncedTable SURVEYS = SyncedTable.builder("desk.survey", "survey", NodeRole.HQ).missionScope("office_id", OFFICE_CODE)
            .travelsWhen("status", "APPROVED").envelope("survey").child("answers", "survey_answer", "survey_id", null, "question")
            .build();

    /** Each node folds its own search key from a ticket's subject. */
    static final TableRules TICKET_RULES = new TableRules() {
        @Override
        public Optional<Applied> check(Connection c, IncomingRow row) {
            String subject = row.text("subject");
            row.local().put("search_key", subject == null ? null : subject.toLowerCase(Locale.ROOT));
            return Optional.empty();
        }
    };

    /** The outbox as a list. */
    static final class ListOutbox implements SyncOutbox {
        final List<SyncChange> changes = new ArrayList<>();
        final List<String> documents = new ArrayList<>();

        @Override
        public void capture(Connection connection, SyncChange change) {
            changes.add(change);
        }

        @Override
        public void captureDocument(Connection connection, String documentId, String missionCode) {
            documents.add(documentId);
        }

        SyncChange last() {
            return changes.get(changes.size() - 1);
        }
    }

    private DeskTables() {
    }

    /** Runs {@code sql} with these arguments and captures row {@code id} of {@code table}, in one transaction. */
    static void write(DataSource data, SyncedTablesService tables, SyncedTable table, String id, String sql, Object... args)
            throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                s.executeUpdate();
            }
            tables.capture(c, table, id);
            c.commit();
        }
    }
}
