package org.diwan.missions.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.validation.Validation;
import org.diwan.audit.internal.JdbcAuditLog;
import org.diwan.integration.internal.TestRecordEvents;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncOutbox;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change to the registry and its audit entry commit together or not at all (the real audit trail, in its schema). */
class MissionRegistryTest {

    @TempDir
    Path folder;

    private TestDatabase database;
    private DataSource missions;
    private JdbcAuditLog audit;
    private TestRecordEvents events;
    /** The sync capture, which runs after the audit entry in the same transaction; fails when told to. */
    private boolean captureFails;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        audit = new JdbcAuditLog(database.migrate("audit"));
        events = TestRecordEvents.in(database);
        missions = database.migrate("missions");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSavedChangeHasItsAuditEntry() throws Exception {
        MissionRegistry registry = registry();
        Mission paris = registry.create(paris(), new Validation(), "chief", "10.0.0.7").orElseThrow();
        Map<String, String> edit = new HashMap<>(paris());
        edit.put("head", "السفير");
        registry.update(paris.id(), paris.version(), edit, new Validation(), "chief", "10.0.0.7").orElseThrow();

        assertThat(audit.recent(0, 10)).extracting(AuditEntry::action).containsExactly("missions.mission.update", "missions.mission.create");
        assertThat(audit.recent(0, 1).get(0).detail()).isEqualTo("PAR v2");
        assertThat(events.waiting()).extracting(TestRecordEvents.Waiting::address, TestRecordEvents.Waiting::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("diwan.events.missions.created", 1L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.changed", 2L));
        TestRecordEvents.Waiting changed = events.waiting().get(1);
        assertThat(changed.recordId()).isEqualTo(paris.id());
        assertThat(changed.type()).isEqualTo("mission");
        assertThat(changed.actor()).isEqualTo("chief");
        assertThat(changed.body()).contains("\"code\":\"PAR\"", "\"city\":\"باريس\"")
                // the head of mission's name is not for the bus
                .doesNotContain("السفير");
    }

    @Test
    void aFailureAfterTheAuditWriteRollsBackTheChangeAndItsEntry() throws Exception {
        MissionRegistry registry = registry();
        captureFails = true;
        assertThatThrownBy(() -> registry.create(paris(), new Validation(), "chief", "10.0.0.7")).isInstanceOf(SQLException.class);
        assertThat(audit.recent(0, 10)).isEmpty();
        assertThat(new MissionStore(missions, Clock.systemUTC(), TestSync.none()).byCode("PAR")).isEmpty();

        captureFails = false;
        Mission paris = registry.create(paris(), new Validation(), "chief", "10.0.0.7").orElseThrow();
        captureFails = true;
        Map<String, String> edit = new HashMap<>(paris());
        edit.put("head", "السفير");
        assertThatThrownBy(() -> registry.update(paris.id(), paris.version(), edit, new Validation(), "chief", "10.0.0.7"))
                .isInstanceOf(SQLException.class);
        assertThat(audit.recent(0, 10)).extracting(AuditEntry::action).containsExactly("missions.mission.create");
        assertThat(new MissionStore(missions, Clock.systemUTC(), TestSync.none()).get(paris.id())).map(Mission::version).isEqualTo(Optional.of(1));
        // the event of each rolled-back change went with it: only the one committed creation waits
        assertThat(events.waiting()).extracting(TestRecordEvents.Waiting::address).containsExactly("diwan.events.missions.created");
    }

    @Test
    void aChangeWhoseAuditEntryCannotBeWrittenIsNotMade() throws Exception {
        try (TestDatabase bare = TestDatabase.create(folder.resolve("without-audit"))) {
            DataSource alone = bare.migrate("missions");
            // no audit schema in this database: writing the entry fails inside the change's transaction
            MissionRegistry registry = new MissionRegistry(new MissionStore(alone, Clock.systemUTC(), TestSync.none()), new JdbcAuditLog(alone), events.service(), Clock.systemUTC());
            assertThatThrownBy(() -> registry.create(paris(), new Validation(), "chief", "10.0.0.7")).isInstanceOf(SQLException.class);
            assertThat(new MissionStore(alone, Clock.systemUTC(), TestSync.none()).byCode("PAR")).isEmpty();
        }
    }

    private MissionRegistry registry() {
        MissionStore store = new MissionStore(missions, Clock.systemUTC(), TestSync.into(new SyncOutbox() {
            @Override
            public void capture(Connection connection, SyncChange change) throws SQLException {
                if (captureFails) {
                    throw new SQLException("the sync outbox is full (forced)");
                }
            }

            @Override
            public void captureDocument(Connection connection, String documentId, String missionCode) {
            }
        }));
        return new MissionRegistry(store, audit, events.service(), Clock.systemUTC());
    }

    private static Map<String, String> paris() {
        return Map.of("code", "PAR", "type", "MISSION", "country", "FR", "city", "باريس", "nameAr", "بعثة الجامعة في باريس", "status",
                "ACTIVE", "reportEveryDays", "30");
    }
}
