package org.diwan.missions.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.reference.Countries;
import org.diwan.audit.internal.JdbcAuditLog;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annual report's edits and issue write their audit entry in their own transaction: both or neither. */
class AnnualReportStoreTest {

    @TempDir
    Path folder;

    private TestDatabase database;
    private JdbcAuditLog audit;
    private AnnualReportStore store;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        audit = new JdbcAuditLog(database.migrate("audit"));
        store = new AnnualReportStore(database.migrate("missions"), Countries.standard(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFailureAfterTheAuditWriteRollsBackTheEditAndItsEntry() throws Exception {
        AnnualReport draft = store.forYear(2026, "التقرير السنوي", "chief");
        assertThatThrownBy(() -> store.saveDraft(draft, draft.version(), "عنوان جديد", "ملاحظات", "مقترحات", "chief", (c, id) -> {
            audit.record(c, new AuditEntry(Instant.now(), "chief", "missions.report.edit", id, "2026", "10.0.0.1"));
            throw new SQLException("forced failure after the audit write");
        })).isInstanceOf(SQLException.class);
        assertThat(audit.recent(0, 10)).isEmpty();
        AnnualReport unchanged = store.forYear(2026, "ignored", "chief");
        assertThat(unchanged.title()).isEqualTo("التقرير السنوي");
        assertThat(unchanged.version()).isEqualTo(draft.version());

        store.saveDraft(draft, draft.version(), "عنوان جديد", "ملاحظات", "مقترحات", "chief",
                (c, id) -> audit.record(c, new AuditEntry(Instant.now(), "chief", "missions.report.edit", id, "2026", "10.0.0.1")));
        assertThat(store.forYear(2026, "ignored", "chief").title()).isEqualTo("عنوان جديد");
        assertThat(audit.recent(0, 10)).extracting(AuditEntry::target).containsExactly(draft.id());
    }

    @Test
    void aStaleEditWritesNoEntry() throws Exception {
        AnnualReport draft = store.forYear(2026, "التقرير السنوي", "chief");
        store.saveDraft(draft, draft.version(), "أول", null, null, "chief");
        assertThatThrownBy(() -> store.saveDraft(draft, draft.version(), "ثان", null, null, "chief",
                (c, id) -> audit.record(c, new AuditEntry(Instant.now(), "chief", "missions.report.edit", id, "2026", "10.0.0.1"))))
                .isInstanceOf(org.diwan.api.persistence.StaleEditException.class);
        assertThat(audit.recent(0, 10)).isEmpty();
    }
}
