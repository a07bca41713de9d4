package org.diwan.library.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.diwan.api.audit.AuditEntry;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.validation.Validation;
import org.diwan.audit.internal.JdbcAuditLog;
import org.diwan.integration.internal.TestRecordEvents;
import org.diwan.library.internal.authority.Authorities;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorities and catalogue records with the real audit trail and event outbox in the same database: a change,
 * its entry and its event commit together or not at all, and a restricted record's event says nothing of it.
 */
class LibraryEventsTest {

    @TempDir
    Path folder;

    private LibraryFixture library;
    private JdbcAuditLog audit;
    private Authorities authorities;
    private Catalogue catalogue;
    /** Fails the transaction after the audit entry and the event are written, when set. */
    private boolean failAfterEvent;
    /** The body a league document names, made through the fixture (its audit entry stays in the fixture's memory). */
    private Authority council;

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        audit = new JdbcAuditLog(library.database.migrate("audit"));
        RecordEvents failing = new RecordEvents() {
            @Override
            public void publish(Connection connection, RecordEvent event) throws SQLException {
                library.events.service().publish(connection, event);
                if (failAfterEvent) {
                    throw new SQLException("forced failure after the event write");
                }
            }
        };
        council = library.authority("BODY", "مجلس الجامعة", null, null);
        authorities = new Authorities(library.authorityStore, library.recordStore, library.search, audit, failing, Clock.systemUTC());
        catalogue = new Catalogue(library.recordStore, library.authorityStore, library.search, audit, failing, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void aForcedFailureAfterTheAuditAndEventWritesRollsBackTheAuthorityItsEntryAndItsEvent() throws Exception {
        failAfterEvent = true;
        assertThatThrownBy(() -> authorities.create(authority("مصر"), new Validation(), "cataloguer", "10.0.0.3"))
                .isInstanceOf(SQLException.class);
        assertThat(audit.recent(0, 10)).isEmpty();
        // only the council's creation, made before
        assertThat(library.events.waiting()).extracting(TestRecordEvents.Waiting::recordId).containsExactly(council.id());
        assertThat(authorities.page("مصر", null, 0, 10).items()).isEmpty();

        failAfterEvent = false;
        Authority egypt = authorities.create(authority("مصر"), new Validation(), "cataloguer", "10.0.0.3").orElseThrow();
        failAfterEvent = true;
        Map<String, String> edit = authority("جمهورية مصر العربية");
        assertThatThrownBy(() -> authorities.update(egypt.id(), egypt.version(), edit, new Validation(), "cataloguer", "10.0.0.3"))
                .isInstanceOf(SQLException.class);
        assertThat(authorities.get(egypt.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(audit.recent(0, 10)).extracting(AuditEntry::action).containsExactly("library.authority.create");
        assertThat(library.events.waiting()).extracting(TestRecordEvents.Waiting::recordId).containsExactly(council.id(), egypt.id());
    }

    @Test
    void aForcedFailureRollsBackTheRecordToo() throws Exception {
        failAfterEvent = true;
        assertThatThrownBy(() -> catalogue.create(record("PUBLIC"), new Validation(), "cataloguer", "10.0.0.3"))
                .isInstanceOf(SQLException.class);
        assertThat(audit.recent(0, 10)).isEmpty();
        assertThat(library.events.waiting()).extracting(TestRecordEvents.Waiting::recordId).containsExactly(council.id());
    }

    @Test
    void editsAreChangesAndARestrictedRecordsEventCarriesNeitherTitleNorSymbol() throws Exception {
        Validation v = new Validation();
        CatalogueRecord open = catalogue.create(record("PUBLIC"), v, "cataloguer", "10.0.0.3").orElseThrow(() -> new AssertionError(v.errors()));
        CatalogueRecord secret = catalogue.create(record("RESTRICTED"), new Validation(), "cataloguer", "10.0.0.3").orElseThrow();
        catalogue.update(open.id(), 1, record("PUBLIC"), new Validation(), "cataloguer", "10.0.0.3").orElseThrow();

        assertThat(library.events.waiting()).filteredOn(e -> e.type().equals("record"))
                .extracting(TestRecordEvents.Waiting::address, TestRecordEvents.Waiting::recordId,
                TestRecordEvents.Waiting::version).containsExactly(
                        Tuple.tuple("diwan.events.library.created", open.id(), 1L),
                        Tuple.tuple("diwan.events.library.created", secret.id(), 1L),
                        Tuple.tuple("diwan.events.library.changed", open.id(), 2L));
        assertThat(library.events.waiting().get(1).body()).contains("قرار مجلس الجامعة", "\"access\":\"PUBLIC\"");
        assertThat(library.events.waiting().get(2).body()).contains("\"access\":\"RESTRICTED\"")
                .doesNotContain("قرار مجلس الجامعة", "245", "ملخص");
        assertThat(audit.recent(0, 10)).extracting(AuditEntry::action)
                .containsExactly("library.record.update", "library.record.create", "library.record.create");
    }

    @Test
    void aMergeTellsBothAuthoritiesWithItsEntryInTheSameTransaction() throws Exception {
        Authority a = authorities.create(authority("مصر"), new Validation(), "cataloguer", "10.0.0.3").orElseThrow();
        Authority b = authorities.create(authority("جمهورية مصر"), new Validation(), "cataloguer", "10.0.0.3").orElseThrow();
        authorities.merge(b.id(), a.id(), "cataloguer", "10.0.0.3");

        assertThat(library.events.waiting()).extracting(TestRecordEvents.Waiting::address, TestRecordEvents.Waiting::recordId,
                TestRecordEvents.Waiting::version).endsWith(
                        Tuple.tuple("diwan.events.library.changed", b.id(), 2L),
                        Tuple.tuple("diwan.events.library.changed", a.id(), 2L));
        assertThat(audit.recent(0, 1)).extracting(AuditEntry::action).containsExactly("library.authority.merge");
    }

    private static Map<String, String> authority(String name) {
        return new HashMap<>(Map.of("kind", "COUNTRY", "nameAr", name));
    }

    private Map<String, String> record(String access) {
        Map<String, String> f = new HashMap<>();
        f.put("body", council.id());
        f.put("type", "LEAGUE_DOCUMENT");
        f.put("titleAr", "قرار مجلس الجامعة");
        f.put("symbol", "ق.ق: 245 د.ع (15) - 2003/3/24");
        f.put("issuedOn", "2003-03-24");
        f.put("language", "ar");
        f.put("summary", "ملخص القرار");
        f.put("access", access);
        return f;
    }
}
