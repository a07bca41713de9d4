package org.diwan.missions.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.documents.Documents;
import org.diwan.api.documents.StoredDocument;
import org.diwan.api.i18n.Language;
import org.diwan.api.reference.Countries;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.audit.internal.JdbcAuditLog;
import org.diwan.integration.internal.TestRecordEvents;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.report.AnnualReport;
import org.diwan.missions.internal.report.AnnualReportService;
import org.diwan.missions.internal.report.AnnualReportStore;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annual report's rules on the record page flow, on a real database: edits, issue, and what the shell is handed. */
class AnnualReportRecordsTest {

    private static final Clock MAY_2026 = Clock.fixed(Instant.parse("2026-05-10T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;
    private TestDatabase database;
    private TestRecordEvents events;
    private AnnualReportRecords reports;
    private final Map<String, byte[]> stored = new HashMap<>();
    /** Whether the documents service refuses what it is handed. */
    private boolean refuse;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        JdbcAuditLog audit = new JdbcAuditLog(database.migrate("audit"));
        events = TestRecordEvents.in(database);
        AnnualReportStore store = new AnnualReportStore(database.migrate("missions"), Countries.standard(), MAY_2026);
        reports = new AnnualReportRecords(new AnnualReportService(store, documents(), AnnualReportRecordsTest::pdf,
                audit, events.service(), (key, language, args) -> key + List.of(args), MAY_2026));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** A PDF renderer that writes the header only: what is rendered is the service's own test. */
    private static void pdf(String xhtml, java.io.OutputStream out) {
        try {
            out.write("%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Documents documents() {
        return new Documents() {
            @Override
            public StoredDocument store(String owner, String fileName, InputStream content, Set<String> accepted, String actor)
                    throws DocumentRefused {
                if (refuse) {
                    throw new DocumentRefused(DocumentRefused.TOO_LARGE, 1);
                }
                String id = UUID.randomUUID().toString();
                try {
                    stored.put(id, content.readAllBytes());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return new StoredDocument(id, owner, fileName, "application/octet-stream", 1, "0".repeat(64), MAY_2026.instant(), actor);
            }

            @Override
            public StoredDocument storeCopy(StoredDocument original, InputStream content) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<StoredDocument> find(String id) {
                return Optional.empty();
            }

            @Override
            public InputStream open(String id) {
                return new ByteArrayInputStream(stored.get(id));
            }

            @Override
            public long maxSize() {
                return 1 << 20;
            }
        };
    }

    private static PageRequest as(String actor, String... permissions) {
        Set<String> held = Set.of(permissions);
        return new PageRequest(List.of(), Map.of(), Language.FR, actor, "10.0.0.9", held::contains);
    }

    private static final PageRequest WRITER = as("amina", MissionsPlugin.REPORT_READ, MissionsPlugin.REPORT_WRITE);
    private static final PageRequest CHIEF = as("chief", MissionsPlugin.REPORT_READ, MissionsPlugin.REPORT_WRITE, MissionsPlugin.REPORT_APPROVE);

    private AnnualReport report() throws Exception {
        return reports.find("2026", WRITER).orElseThrow();
    }

    private static Map<String, String> analysis(String title) {
        return Map.of("title", title, "observations", "تزايد الاهتمام", "proposals", "فتح مكتب جديد");
    }

    private ActionInput issueFrom(int version) {
        return new ActionInput(Map.of("version", Integer.toString(version)), Optional.empty(), Optional.empty());
    }

    @Test
    void aReportAnswersUnderItsYearAndTheListShowsTheCurrentOne() throws Exception {
        assertThat(reports.id(report())).isEqualTo("2026");
        for (String hostile : List.of("26", "02026", "٢٠٢٦", "2026/../2025", "1899", "", "2026\n")) {
            assertThat(reports.find(hostile, WRITER)).as(hostile).isEmpty();
        }
        assertThat(reports.list(new org.diwan.api.web.record.ListQuery("", Map.of(), "year", true, 0, 25), WRITER).items())
                .extracting(AnnualReport::year).containsExactly(2026);
        assertThat(reports.readOnlyHere(Optional.empty())).contains("missions.report.no-new");
        assertThat(reports.readOnlyHere(Optional.of(report()))).isEmpty();
    }

    @Test
    void theAnalyticalPartIsRefusedPerFieldAndAnOldVersionGetsWhoSavedItAndWhen() throws Exception {
        AnnualReport draft = report();
        assertThat(reports.update(draft, draft.version(), Map.of("title", " ", "observations", "x".repeat(16001)), WRITER))
                .isInstanceOfSatisfying(Outcome.Invalid.class, i -> assertThat(i.errors()).containsOnlyKeys("title", "observations"));
        assertThat(reports.update(draft, draft.version(), analysis("التقرير السنوي 2026"), WRITER)).isInstanceOf(Outcome.Saved.class);
        Outcome<AnnualReport> stale = reports.update(draft, draft.version(), analysis("عنوان آخر"), CHIEF);
        assertThat(stale).isInstanceOfSatisfying(Outcome.Stale.class, s -> {
            assertThat(s.changedBy()).isEqualTo("amina");
            assertThat(s.changedAt()).isEqualTo(MAY_2026.instant());
        });
        assertThat(report().title()).isEqualTo("التقرير السنوي 2026");
    }

    @Test
    void anIssuedReportIsNotEditedNorIssuedAgainAndItsDocumentsAreItsFiles() throws Exception {
        AnnualReport draft = report();
        assertThat(reports.file(draft, "issued", "pdf", WRITER)).as("nothing before the issue").isEmpty();
        ActionOutcome stale = reports.act("issue", draft, issueFrom(draft.version() + 7), CHIEF);
        assertThat(stale).isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.args()).first().isEqualTo("amina");
        });
        refuse = true;
        assertThat(reports.act("issue", draft, issueFrom(draft.version()), CHIEF))
                .isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> assertThat(r.status()).isEqualTo(500));
        assertThat(report().issued()).isFalse();
        refuse = false;
        assertThat(reports.act("issue", draft, issueFrom(draft.version()), CHIEF)).isEqualTo(ActionOutcome.done("2026"));

        AnnualReport issued = report();
        assertThat(issued.issued()).isTrue();
        assertThat(reports.update(issued, issued.version(), analysis("بعد الإصدار"), WRITER))
                .isInstanceOfSatisfying(Outcome.Stale.class, s -> assertThat(s.changedBy()).isEqualTo("chief"));
        assertThat(reports.act("issue", issued, issueFrom(issued.version()), CHIEF))
                .isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> assertThat(r.messageKey()).isEqualTo("missions.report.already-issued"));
        try (InputStream pdf = reports.file(issued, "issued", "pdf", WRITER).orElseThrow().open()) {
            assertThat(new String(pdf.readAllBytes())).startsWith("%PDF-");
        }
        assertThat(reports.file(issued, "issued", "html", WRITER).orElseThrow().mediaType()).startsWith("text/html");
        assertThat(reports.file(issued, "issued", "../pdf", WRITER)).isEmpty();

        assertThat(events.waiting()).extracting(TestRecordEvents.Waiting::address, TestRecordEvents.Waiting::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("diwan.events.missions.created", 1L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.changed", 2L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.state-changed", 2L));
        assertThat(events.waiting()).extracting(TestRecordEvents.Waiting::type).containsOnly("annual-report");
        assertThat(events.waiting().get(2).body()).contains("\"from\":\"DRAFT\"", "\"to\":\"ISSUED\"");
    }
}
