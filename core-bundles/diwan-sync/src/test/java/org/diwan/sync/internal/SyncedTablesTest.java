package org.diwan.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedTable;
import org.diwan.api.sync.SyncedTables;
import org.diwan.api.sync.TableRules;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table sync as the platform does it for every declared table, with real Derby on both sides: a mission node (TUN)
 * writes and captures, headquarters stores through the declared types. What a department would otherwise write by
 * hand: the payload, versions, deferral, the mission's ownership, a batch in one transaction, and hostile payloads.
 */
class SyncedTablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TUN_OFFICE = "00000000-0000-0000-0000-00000000000a";
    private static final String EGY_OFFICE = "00000000-0000-0000-0000-00000000000b";

    @TempDir
    Path folder;

    private final List<TestDatabase> databases = new ArrayList<>();
    private DataSource hq;
    private DataSource tun;
    private final DeskTables.ListOutbox hqOutbox = new DeskTables.ListOutbox();
    private final DeskTables.ListOutbox tunOutbox = new DeskTables.ListOutbox();
    private SyncedTablesService hqTables;
    private SyncedTablesService tunTables;
    private TableType tickets;
    private TableType replies;

    @BeforeEach
    void open() throws Exception {
        hq = database("hq").migrate("desk");
        tun = database("tun").migrate("desk");
        hqTables = new SyncedTablesService(hqOutbox);
        tunTables = new SyncedTablesService(tunOutbox);
        tickets = new TableType(DeskTables.TICKETS, hq, DeskTables.TICKET_RULES);
        replies = new TableType(DeskTables.REPLIES, hq, TableRules.NONE);
        TableType tunOffices = new TableType(DeskTables.OFFICES, tun, TableRules.NONE);
        for (String[] office : new String[][] {{TUN_OFFICE, "TUN", "مكتب تونس"}, {EGY_OFFICE, "EGY", "مكتب القاهرة"}}) {
            DeskTables.write(hq, hqTables, DeskTables.OFFICES, office[0], "INSERT INTO office VALUES (?, ?, ?, 1)", (Object[]) office);
            assertThat(tunOffices.apply(hqOutbox.last())).isEqualTo(Applied.APPLIED);
        }
    }

    @AfterEach
    void close() {
        databases.forEach(TestDatabase::close);
    }

    private TestDatabase database(String name) throws Exception {
        TestDatabase database = TestDatabase.create(folder.resolve(name));
        databases.add(database);
        return database;
    }

    private SyncChange openTicket(String id, String subject) throws SQLException {
        DeskTables.write(tun, tunTables, DeskTables.TICKETS, id,
                "INSERT INTO ticket (id, office_id, subject, opened_on, opened_at, urgent, hours, version, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 'x')",
                id, TUN_OFFICE, subject, Date.valueOf(LocalDate.of(2026, 12, 7)), Timestamp.from(Instant.parse("2026-12-07T09:30:00Z")), true,
                3);
        return tunOutbox.last();
    }

    private static SyncChange edited(SyncChange change, long version, String field, Object value) throws Exception {
        ObjectNode row = (ObjectNode) JSON.readTree(change.payload());
        row.put("version", version);
        row.set(field, JSON.valueToTree(value));
        return new SyncChange(change.type(), change.recordId(), version, change.missionCode(), row.toString());
    }

    private Object[] ticketRow(String id) throws SQLException {
        try (Connection c = hq.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT subject, version, received_from, search_key, urgent, hours FROM ticket WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getInt(6)}
                        : null;
            }
        }
    }

    @Test
    void aCaptureCarriesTheWholeRowButItsLocalColumnsAddressedToItsMission() throws Exception {
        SyncChange change = openTicket("t1", "طابعة معطلة");

        assertThat(change.type()).isEqualTo("desk.ticket");
        assertThat(change.version()).isEqualTo(1);
        assertThat(change.missionCode()).isEqualTo("TUN");
        assertThat(JSON.readTree(change.payload())).isEqualTo(JSON.readTree("{\"id\":\"t1\",\"office_id\":\"" + TUN_OFFICE
                + "\",\"subject\":\"طابعة معطلة\",\"opened_on\":\"2026-12-07\",\"opened_at\":\"2026-12-07T09:30:00Z\",\"urgent\":true,"
                + "\"hours\":3,\"version\":1}"));
        assertThatThrownBy(() -> tunTables.capture(tun.getConnection(), DeskTables.TICKETS, "absent")).isInstanceOf(SQLException.class);
    }

    @Test
    void applyingIsIdempotentAndAnOlderVersionChangesNothing() throws Exception {
        SyncChange first = openTicket("t1", "Printer down");
        SyncChange second = edited(first, 2, "subject", "Printer fixed");

        assertThat(tickets.apply(first)).isEqualTo(Applied.APPLIED);
        assertThat(tickets.apply(first)).isEqualTo(Applied.STALE);
        assertThat(tickets.applyAll(List.of(second, second))).containsExactly(Applied.APPLIED, Applied.STALE);
        assertThat(tickets.apply(first)).isEqualTo(Applied.STALE);

        assertThat(ticketRow("t1")).containsExactly("Printer fixed", 2, "TUN", "printer fixed", true, 3);
    }

    @Test
    void aRowWaitsForItsMissionAndARowForItsParent() throws Exception {
        DataSource empty = database("empty").migrate("desk");
        SyncChange ticket = openTicket("t1", "Printer down");
        DeskTables.write(tun, tunTables, DeskTables.REPLIES, "r1", "INSERT INTO reply (id, ticket_id, body, version) VALUES ('r1', 't1', 'on it', 1)");
        SyncChange reply = tunOutbox.last();
        assertThat(reply.missionCode()).isEqualTo("TUN");

        assertThat(new TableType(DeskTables.TICKETS, empty, DeskTables.TICKET_RULES).apply(ticket)).as("office unknown").isEqualTo(Applied.DEFERRED);
        assertThat(replies.apply(reply)).as("ticket not here yet").isEqualTo(Applied.DEFERRED);
        assertThat(tickets.apply(ticket)).isEqualTo(Applied.APPLIED);
        assertThat(replies.apply(reply)).isEqualTo(Applied.APPLIED);
    }

    @Test
    void aMissionsRowNamingAnotherMissionOrHeadquartersRecordIsRefused() throws Exception {
        SyncChange ticket = openTicket("t1", "Printer down");
        SyncChange claimed = new SyncChange(ticket.type(), "t1", 1, "EGY", ticket.payload());
        assertThatThrownBy(() -> tickets.apply(claimed)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mission TUN")
                .hasMessageContaining("EGY");
        assertThat(ticketRow("t1")).isNull();

        // headquarters' own ticket about TUN: a reply from TUN is not TUN's to add
        DeskTables.write(hq, hqTables, DeskTables.TICKETS, "h1",
                "INSERT INTO ticket (id, office_id, subject, version) VALUES ('h1', '" + TUN_OFFICE + "', 'from HQ', 1)");
        SyncChange reply = new SyncChange("desk.reply", "r1", 1, "TUN", "{\"id\":\"r1\",\"ticket_id\":\"h1\",\"body\":\"mine now\",\"version\":1}");
        assertThatThrownBy(() -> replies.apply(reply)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headquarters");

        assertThat(tickets.apply(ticket)).isEqualTo(Applied.APPLIED);
        assertThat(tickets.owners(List.of("t1", "h1", "absent"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("t1", RecordOwner.mission("TUN"), "h1", RecordOwner.headquarters()));
        assertThat(new TableType(DeskTables.OFFICES, hq, null).owners(List.of(TUN_OFFICE))).containsEntry(TUN_OFFICE, RecordOwner.headquarters());
    }

    @Test
    void headquartersSetsAsideAnotherMissionsEditWhateverItsPayloadSays() throws Exception {
        TestReceiver receiver = new TestReceiver(database("sync").migrate("sync"), tickets, replies);
        SyncChange ticket = openTicket("t1", "Printer down");
        assertThat(receiver.receive("TUN", List.of(ticket))).isEqualTo(1);

        SyncChange forged = edited(new SyncChange(ticket.type(), "t1", 1, "EGY", ticket.payload()), 5, "office_id", EGY_OFFICE);
        assertThat(receiver.receive("EGY", List.of(forged))).isZero();

        assertThat(ticketRow("t1")).containsExactly("Printer down", 1, "TUN", "printer down", true, 3);
        assertThat(receiver.setAside()).singleElement().satisfies(p -> assertThat(p.owner()).isEqualTo(RecordOwner.mission("TUN")));
    }

    @Test
    void aBatchWithOneRefusedRowStoresNothing() throws Exception {
        SyncChange good = openTicket("t1", "Printer down");
        SyncChange bad = edited(openTicket("t2", "Scanner"), 1, "hours", "many");

        assertThatThrownBy(() -> tickets.applyAll(List.of(good, bad))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hours");

        assertThat(ticketRow("t1")).as("rolled back with the batch").isNull();
        assertThat(tickets.apply(good)).isEqualTo(Applied.APPLIED);
    }

    @Test
    void hostilePayloadsAreRefusedAndStoreNothing() throws Exception {
        SyncChange ticket = openTicket("t1", "Printer down");
        List<SyncChange> hostile = List.of(
                edited(ticket, 1, "hours", "three"),
                edited(ticket, 1, "hours", 2.5),
                edited(ticket, 1, "hours", 99_999_999_999L),
                edited(ticket, 1, "urgent", "yes"),
                edited(ticket, 1, "opened_on", "7/12/2026"),
                edited(ticket, 1, "opened_at", "yesterday"),
                edited(ticket, 1, "subject", Map.of("nested", "object")),
                edited(ticket, 1, "subject", "x".repeat(41)),
                edited(ticket, 1, "subject", null),
                new SyncChange(ticket.type(), "t1", 1, "TUN", "not json"),
                new SyncChange(ticket.type(), "t1", 1, "TUN", "[1, 2]"),
                new SyncChange(ticket.type(), "t1", 1, "TUN", "[".repeat(5000)),
                new SyncChange(ticket.type(), "t1", 2, "TUN", ticket.payload()),
                new SyncChange(ticket.type(), "t2", 1, "TUN", ticket.payload()),
                new SyncChange(ticket.type(), "t1", 2, "TUN", null));
        for (SyncChange change : hostile) {
            assertThatThrownBy(() -> tickets.apply(change)).as(change.payload()).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ticketRow("t1")).isNull();
    }

    @Test
    void unknownAndLocalFieldsOfAPayloadAreIgnored() throws Exception {
        SyncChange ticket = edited(edited(edited(openTicket("t1", "Printer down"), 1, "received_from", "EGY"), 1,
                "subject = 'x'; DROP TABLE ticket; --", "sql"), 1, "colour", "blue");

        assertThat(tickets.apply(ticket)).isEqualTo(Applied.APPLIED);

        assertThat(ticketRow("t1")).containsExactly("Printer down", 1, "TUN", "printer down", true, 3);
    }

    @Test
    void childRowsTravelInsideTheirRecordAndReplaceTheStoredOnes() throws Exception {
        DeskTables.write(hq, hqTables, DeskTables.SURVEYS, "s1", "INSERT INTO survey VALUES ('s1', '" + TUN_OFFICE + "', 'APPROVED', 1)");
        try (Connection c = hq.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO survey_answer VALUES ('s1', ?, ?)")) {
            for (Object[] answer : new Object[][] {{"speed", 4}, {"courtesy", 5}}) {
                s.setObject(1, answer[0]);
                s.setObject(2, answer[1]);
                s.executeUpdate();
            }
        }
        List<SyncChange> exported = new ArrayList<>();
        TableType hqSurveys = new TableType(DeskTables.SURVEYS, hq, null);
        hqSurveys.export("TUN", exported::add);
        hqSurveys.export("EGY", change -> assertThat(change).as("not EGY's").isNull());
        SyncChange survey = exported.get(0);
        assertThat(JSON.readTree(survey.payload()).path("answers")).hasSize(2);
        assertThat(survey.missionCode()).isEqualTo("TUN");

        TableType surveys = new TableType(DeskTables.SURVEYS, tun, null);
        assertThat(surveys.apply(survey)).isEqualTo(Applied.APPLIED);
        assertThat(answers(tun)).containsExactly("courtesy=5", "speed=4");
        SyncChange fewer = new SyncChange(survey.type(), "s1", 2, "TUN", survey.payload().replace("\"version\":1", "\"version\":2")
                .replaceAll(",?\\{\"survey_id\":\"s1\",\"question\":\"speed\",\"score\":4}", ""));
        assertThat(surveys.apply(fewer)).isEqualTo(Applied.APPLIED);
        assertThat(answers(tun)).containsExactly("courtesy=5");

        SyncChange otherRecord = new SyncChange(survey.type(), "s1", 3, "TUN", survey.payload().replace("\"version\":1", "\"version\":3")
                .replace("\"survey_id\":\"s1\",\"question\":\"speed\"", "\"survey_id\":\"s9\",\"question\":\"speed\""));
        assertThatThrownBy(() -> surveys.apply(otherRecord)).isInstanceOf(IllegalArgumentException.class);
        SyncChange draft = new SyncChange(survey.type(), "s1", 3, "TUN", survey.payload().replace("\"version\":1", "\"version\":3")
                .replace("APPROVED", "DRAFT"));
        assertThatThrownBy(() -> surveys.apply(draft)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only approved");
        SyncChange elsewhere = new SyncChange(survey.type(), "s1", 3, "EGY", survey.payload().replace("\"version\":1", "\"version\":3"));
        assertThatThrownBy(() -> surveys.apply(elsewhere)).as("addressed to another mission").isInstanceOf(IllegalArgumentException.class);
        assertThat(answers(tun)).containsExactly("courtesy=5");
    }

    private static List<String> answers(DataSource data) throws SQLException {
        List<String> answers = new ArrayList<>();
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT question, score FROM survey_answer ORDER BY question");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                answers.add(rs.getString(1) + "=" + rs.getInt(2));
            }
        }
        return answers;
    }

    @Test
    void aTableRegistersOnceAndItsHandleUnregistersIt() throws Exception {
        TypeRegistry registry = new TypeRegistry();
        SyncedTablesService service = new SyncedTablesService(tunOutbox, registry);
        SyncedTables.Registration registration = service.register(DeskTables.TICKETS, hq, DeskTables.TICKET_RULES);
        assertThat(registry.find("desk.ticket")).isPresent();
        assertThatThrownBy(() -> service.register(DeskTables.TICKETS, hq, null)).isInstanceOf(IllegalStateException.class);

        registration.close();
        assertThat(registry.find("desk.ticket")).isEmpty();
        service.register(DeskTables.TICKETS, hq, null);
        service.deactivate();
        assertThat(registry.find("desk.ticket")).isEmpty();
    }

    @Test
    void aDeclarationNamesOnlySqlNamesAndSaysWhoseAMissionsRowIs() {
        assertThatThrownBy(() -> SyncedTable.builder("desk.x", "ticket; DROP TABLE office", NodeRole.HQ).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyncedTable.builder("desk.x", "ticket", NodeRole.HQ).exportOrder("id; DELETE FROM office").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyncedTable.builder("desk.x", "ticket", NodeRole.MISSION).missionScope("office_id", null).build())
                .as("no owner column").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyncedTable.builder("desk.x", "ticket", NodeRole.MISSION).ownerColumn("received_from").build())
                .as("the owner column is not local").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyncedTable.builder("Desk", "ticket", NodeRole.HQ).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void declaredColumnsAreTheOnlyOnesThatTravel() throws Exception {
        SyncedTable narrow = SyncedTable.builder("desk.ticket", "ticket", NodeRole.MISSION).missionScope("office_id", DeskTables.OFFICE_CODE)
                .localColumns("received_from", "search_key").ownerColumn("received_from")
                .column("office_id", java.sql.JDBCType.VARCHAR).column("subject", java.sql.JDBCType.VARCHAR)
                .build();
        openTicket("t1", "Printer down");
        DeskTables.ListOutbox outbox = new DeskTables.ListOutbox();
        try (Connection c = tun.getConnection()) {
            new SyncedTablesService(outbox).capture(c, narrow, "t1");
        }
        assertThat(JSON.readTree(outbox.last().payload()).fieldNames()).toIterable().containsExactly("id", "office_id", "subject", "version");
        assertThat(new TableType(narrow, hq, null).apply(outbox.last())).isEqualTo(Applied.APPLIED);
    }
}
