package org.diwan.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;

import org.diwan.api.audit.AuditEntry;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcAuditLogTest {

    @TempDir
    Path folder;

    private TestDatabase database;
    private JdbcAuditLog audit;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        audit = new JdbcAuditLog(database.migrate("audit"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void keepsWhoWhatWhenAndWhereNewestFirst() {
        Instant t = Instant.parse("2026-11-25T10:15:30Z");
        audit.record(new AuditEntry(t, "admin", "user.create", "hassan", "roles: [clerk]", "10.0.0.7"));
        audit.record(new AuditEntry(t.plusSeconds(1), "hassan", "user.language", "hassan", "ar", "10.0.0.8"));

        assertThat(audit.recent(0, 10)).extracting(AuditEntry::action).containsExactly("user.language", "user.create");
        AuditEntry first = audit.recent(1, 1).get(0);
        assertThat(first).isEqualTo(new AuditEntry(t, "admin", "user.create", "hassan", "roles: [clerk]", "10.0.0.7"));
    }

    @Test
    void keepsArabicAndClipsOversizedDetailInsteadOfFailingTheChange() {
        audit.record(new AuditEntry(Instant.now(), "admin", "mission.update", "بعثة القاهرة", "ت".repeat(5000), null));
        AuditEntry stored = audit.recent(0, 1).get(0);
        assertThat(stored.target()).isEqualTo("بعثة القاهرة");
        assertThat(stored.detail()).hasSize(2000).endsWith("…");
        assertThat(stored.address()).isEqualTo("local");
    }

    @Test
    void anEntryWrittenWithAChangeRollsBackWithIt() throws Exception {
        javax.sql.DataSource missions = database.migrate("audit");
        try (java.sql.Connection c = missions.getConnection()) {
            c.setAutoCommit(false);
            audit.record(c, new AuditEntry(Instant.now(), "admin", "mission.create", "m1", "", "10.0.0.7"));
            // the change after the entry fails: the transaction goes, the entry with it
            c.rollback();
        }
        assertThat(audit.recent(0, 10)).isEmpty();

        try (java.sql.Connection c = missions.getConnection()) {
            c.setAutoCommit(false);
            audit.record(c, new AuditEntry(Instant.now(), "admin", "mission.create", "m2", "", "10.0.0.7"));
            c.commit();
        }
        assertThat(audit.recent(0, 10)).extracting(AuditEntry::target).containsExactly("m2");
    }

    @Test
    void pagesThroughTheTrail() {
        for (int i = 0; i < 25; i++) {
            audit.record(new AuditEntry(Instant.now(), "system", "tick", Integer.toString(i), "", "local"));
        }
        assertThat(audit.recent(0, 10)).first().extracting(AuditEntry::target).isEqualTo("24");
        assertThat(audit.recent(20, 10)).hasSize(5).last().extracting(AuditEntry::target).isEqualTo("0");
        assertThatThrownBy(() -> audit.recent(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
