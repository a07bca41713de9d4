package org.diwan.missions.internal.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.validation.Validation;
import org.diwan.audit.internal.JdbcAuditLog;
import org.diwan.integration.internal.TestRecordEvents;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Correspondence, its audit entries and its events for integrators commit together or not at all. */
class CorrespondenceServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private TestDatabase database;
    private JdbcAuditLog audit;
    private TestRecordEvents events;
    private CorrespondenceService service;
    private Mission paris;
    /** The sync capture, which runs after the audit entry and the event in the same transaction; fails when told to. */
    private boolean captureFails;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        audit = new JdbcAuditLog(database.migrate("audit"));
        events = TestRecordEvents.in(database);
        DataSource data = database.migrate("missions");
        MissionStore missions = new MissionStore(data, CLOCK, org.diwan.missions.internal.sync.TestSync.none());
        paris = missions.create(new MissionDraft("PAR", MissionType.MISSION, "FR", "باريس", LocalizedText.of("بعثة باريس", null, null),
                null, null, null, null, MissionStatus.ACTIVE, 30), "chief");
        CorrespondenceStore store = new CorrespondenceStore(data, CLOCK, (c, id) -> {
            if (captureFails) {
                throw new SQLException("the sync outbox is full (forced)");
            }
        }, (c, id) -> { }, (c, id) -> { });
        service = new CorrespondenceService(store, missions, null, audit, events.service(), null, CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aForcedFailureAfterTheAuditAndEventWritesRollsAllBack() throws Exception {
        captureFails = true;
        assertThatThrownBy(() -> service.create(letter("OPEN"), new Validation(), "clerk", "10.0.0.9", false))
                .isInstanceOf(SQLException.class);
        assertThat(audit.recent(0, 10)).isEmpty();
        assertThat(events.waiting()).isEmpty();
        assertThat(service.find(Map.of()).items()).isEmpty();

        captureFails = false;
        Correspondence saved = service.create(letter("OPEN"), new Validation(), "clerk", "10.0.0.9", false).orElseThrow();
        captureFails = true;
        assertThatThrownBy(() -> service.update(saved.id(), 1, letter("IN_PROGRESS"), new Validation(), "clerk", "10.0.0.9", false))
                .isInstanceOf(SQLException.class);
        assertThat(audit.recent(0, 10)).extracting(AuditEntry::action).containsExactly("missions.correspondence.create");
        assertThat(events.waiting()).extracting(TestRecordEvents.Waiting::address).containsExactly("diwan.events.missions.created");
        assertThat(service.get(saved.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void anEditThatMovesTheStatusIsAlsoAStateChangeAndTheBodyKeepsTheContentOut() throws Exception {
        Validation v = new Validation();
        Correspondence saved = service.create(letter("OPEN"), v, "clerk", "10.0.0.9", false)
                .orElseThrow(() -> new AssertionError(v.errors()));
        service.update(saved.id(), 1, letter("IN_PROGRESS"), new Validation(), "clerk", "10.0.0.9", false).orElseThrow();
        service.update(saved.id(), 2, letter("IN_PROGRESS"), new Validation(), "clerk", "10.0.0.9", false).orElseThrow();

        assertThat(events.waiting()).extracting(TestRecordEvents.Waiting::address, TestRecordEvents.Waiting::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple("diwan.events.missions.created", 1L),
                org.assertj.core.groups.Tuple.tuple("diwan.events.missions.changed", 2L),
                org.assertj.core.groups.Tuple.tuple("diwan.events.missions.state-changed", 2L),
                org.assertj.core.groups.Tuple.tuple("diwan.events.missions.changed", 3L));
        TestRecordEvents.Waiting moved = events.waiting().get(2);
        assertThat(moved.type()).isEqualTo("correspondence");
        assertThat(moved.body()).contains("\"from\":\"OPEN\"", "\"to\":\"IN_PROGRESS\"", "\"referenceNo\":\"ب/2026/17\"")
                .doesNotContain("سري", "وزارة");
        assertThat(audit.recent(0, 10)).extracting(AuditEntry::action).containsExactly("missions.correspondence.update",
                "missions.correspondence.update", "missions.correspondence.create");
    }

    private Map<String, String> letter(String status) {
        Map<String, String> f = new HashMap<>();
        f.put("mission", paris.id());
        f.put("counterpart", "HOST_INSTITUTION");
        f.put("counterpartName", "وزارة الخارجية");
        f.put("classification", "POLITICAL");
        f.put("referenceNo", "ب/2026/17");
        f.put("documentDate", "2026-12-01");
        f.put("subject", "موضوع سري");
        f.put("summary", "ملخص سري \"مقتبس\"\nسطر ثان");
        f.put("status", status);
        return f;
    }
}
