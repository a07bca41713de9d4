package org.diwan.missions.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.documents.Documents;
import org.diwan.api.documents.StoredDocument;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncOutbox;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.audit.internal.JdbcAuditLog;
import org.diwan.integration.internal.TestRecordEvents;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.bulletin.Bulletin;
import org.diwan.missions.internal.bulletin.BulletinService;
import org.diwan.missions.internal.bulletin.BulletinStore;
import org.diwan.missions.internal.correspondence.Classification;
import org.diwan.missions.internal.correspondence.CorrespondenceDraft;
import org.diwan.missions.internal.correspondence.CorrespondenceStatus;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.diwan.missions.internal.correspondence.Counterpart;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulletin's rules on the record page flow, on a real database: build, compose, issue, and what the shell is handed. */
class BulletinRecordsTest {

    private static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private static final SyncOutbox NOWHERE = new SyncOutbox() {
        @Override
        public void capture(Connection connection, SyncChange change) {
        }

        @Override
        public void captureDocument(Connection connection, String documentId, String missionCode) {
        }
    };

    @TempDir
    Path folder;
    private TestDatabase database;
    private DataSource missions;
    private JdbcAuditLog audit;
    private TestRecordEvents events;
    private BulletinRecords bulletins;
    private final Map<String, byte[]> stored = new HashMap<>();

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        audit = new JdbcAuditLog(database.migrate("audit"));
        events = TestRecordEvents.in(database);
        missions = database.migrate("missions");
        Mission paris = new MissionStore(missions, Clock.systemUTC(), TestSync.none()).create(new MissionDraft("PAR", MissionType.MISSION, "FR",
                "باريس", LocalizedText.of("بعثة باريس", null, null), null, null, null, null, MissionStatus.ACTIVE, 30), "chief");
        new CorrespondenceStore(missions, Clock.systemUTC()).create(new CorrespondenceDraft(paris.id(), Counterpart.HEADQUARTERS, null,
                Classification.POLITICAL, "FR", "PAR/1", LocalDate.of(2026, 11, 3), null, "زيارة وزير الخارجية", "بُحث التعاون",
                CorrespondenceStatus.OPEN), "amina");
        bulletins = records(TestSync.none());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private BulletinRecords records(MissionsSync sync) {
        BulletinService service = new BulletinService(new BulletinStore(missions, NOVEMBER_2026), documents(), BulletinRecordsTest::pdf,
                events.announcements(), audit, events.service(),
                (key, language, args) -> key, NOVEMBER_2026);
        return new BulletinRecords(service, sync);
    }

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
            public StoredDocument store(String owner, String fileName, InputStream content, Set<String> accepted, String actor) {
                String id = UUID.randomUUID().toString();
                try {
                    stored.put(id, content.readAllBytes());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return new StoredDocument(id, owner, fileName, "application/octet-stream", 1, "0".repeat(64), NOVEMBER_2026.instant(), actor);
            }

            @Override
            public StoredDocument storeCopy(StoredDocument original, InputStream content) throws DocumentRefused {
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
        return new PageRequest(List.of(), Map.of(), Language.AR, actor, "10.0.0.3", held::contains);
    }

    private static final PageRequest EDITOR = as("amina", MissionsPlugin.BULLETIN_READ, MissionsPlugin.BULLETIN_WRITE);
    private static final PageRequest CHIEF = as("chief", MissionsPlugin.BULLETIN_READ, MissionsPlugin.BULLETIN_WRITE,
            MissionsPlugin.BULLETIN_APPROVE);

    private Bulletin built() throws Exception {
        Outcome<Bulletin> outcome = bulletins.create(Map.of("month", "2026-11"), EDITOR);
        assertThat(outcome).isInstanceOf(Outcome.Saved.class);
        return ((Outcome.Saved<Bulletin>) outcome).record();
    }

    private Bulletin now(Bulletin b) throws Exception {
        return bulletins.find(b.id(), EDITOR).orElseThrow();
    }

    private static ActionInput form(Map<String, String> fields) {
        return new ActionInput(fields, Optional.empty(), Optional.empty());
    }

    private static Map<String, String> texts(Bulletin b, String title) {
        Map<String, String> f = new HashMap<>(Map.of("version", Integer.toString(b.version()), "title.ar", title, "title.en", "Monthly bulletin"));
        String p = "item." + b.items().get(0).id() + ".";
        f.putAll(Map.of(p + "included", "on", p + "position", "0", p + "heading.ar", "زيارة وزير الخارجية", p + "heading.en", "The minister's visit",
                p + "text.ar", "بُحث التعاون", p + "text.en", "Cooperation was discussed."));
        return f;
    }

    @Test
    void aMonthIsBuiltOnceFromItsCorrespondenceAndNeverForTheFuture() throws Exception {
        Bulletin b = built();
        assertThat(b.items()).hasSize(1);
        assertThat(bulletins.create(Map.of("month", "2026-11"), EDITOR))
                .isInstanceOfSatisfying(Outcome.Invalid.class, i -> assertThat(i.errors()).containsOnlyKeys("month"));
        for (String hostile : List.of("2026-12", "2026-13", "'; DROP TABLE bulletin; --", "", "٢٠٢٦-١٠")) {
            assertThat(bulletins.create(Map.of("month", hostile), EDITOR)).as(hostile).isInstanceOf(Outcome.Invalid.class);
        }
        assertThat(bulletins.find("no-such-id", EDITOR)).isEmpty();
        assertThat(bulletins.update(b, b.version(), Map.of("month", "2026-10"), EDITOR)).isInstanceOf(Outcome.Invalid.class);
    }

    @Test
    void composingIsRefusedPerFieldAndFromAnOldVersionWithWhoSavedItAndWhen() throws Exception {
        Bulletin b = built();
        Map<String, String> noTitle = texts(b, " ");
        noTitle.put("item." + b.items().get(0).id() + ".position", "-4");
        assertThat(bulletins.act("compose", b, form(noTitle), EDITOR)).isInstanceOfSatisfying(ActionOutcome.Refused.class,
                r -> assertThat(r.fields()).containsOnlyKeys("title.ar", "item." + b.items().get(0).id() + ".position"));
        assertThat(bulletins.act("compose", b, form(texts(b, "نشرة البعثات")), EDITOR)).isEqualTo(ActionOutcome.done(b.id()));
        assertThat(now(b).languages()).containsExactly(Language.AR, Language.EN);
        ActionOutcome late = bulletins.act("compose", b, form(texts(b, "عنوان آخر")), CHIEF);
        assertThat(late).isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.messageKey()).isEqualTo("missions.conflict.by");
            assertThat(r.args()).first().isEqualTo("amina");
        });
        assertThat(now(b).title().ar()).isEqualTo("نشرة البعثات");
    }

    @Test
    void anIssuedBulletinHasItsFilesIsAnnouncedAndIsNotEditedAgain() throws Exception {
        Bulletin b = built();
        bulletins.act("compose", b, form(texts(b, "نشرة البعثات")), EDITOR);
        Bulletin draft = now(b);
        assertThat(bulletins.file(draft, "preview", "en", EDITOR)).isPresent();
        assertThat(bulletins.file(draft, "preview", "fr", EDITOR)).as("no French translation").isEmpty();
        assertThat(bulletins.file(draft, "pdf", "ar", EDITOR)).as("not issued yet").isEmpty();
        assertThat(bulletins.act("issue", draft, form(Map.of("version", "1")), CHIEF))
                .isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> assertThat(r.status()).isEqualTo(409));
        assertThat(bulletins.act("issue", draft, form(Map.of("version", Integer.toString(draft.version()))), CHIEF))
                .isEqualTo(ActionOutcome.done(b.id()));

        Bulletin issued = now(b);
        try (InputStream pdf = bulletins.file(issued, "pdf", "en", EDITOR).orElseThrow().open()) {
            assertThat(new String(pdf.readAllBytes())).startsWith("%PDF-");
        }
        assertThat(bulletins.file(issued, "html", "ar", EDITOR).orElseThrow().fileName()).as("shown as Diwan's own page").isNull();
        for (String hostile : List.of("../ar", "AR", "ar-EG", "", "de")) {
            assertThat(bulletins.file(issued, "pdf", hostile, EDITOR)).as(hostile).isEmpty();
        }
        assertThat(bulletins.act("compose", issued, form(texts(issued, "بعد الإصدار")), EDITOR))
                .isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> assertThat(r.messageKey()).isEqualTo("missions.bulletin.already-issued"));
        assertThat(bulletins.update(issued, issued.version(), Map.of("month", "2026-11"), EDITOR))
                .isInstanceOfSatisfying(Outcome.Stale.class, s -> assertThat(s.changedBy()).isEqualTo("chief"));

        // the record events, then the documented announcement of each issued language (HTML, then PDF), all in the
        // issue's transaction and in the node's one outbox
        String issuedAddress = "diwan.events.missions.bulletin-issued";
        assertThat(events.waiting()).extracting(TestRecordEvents.Waiting::address, TestRecordEvents.Waiting::type, TestRecordEvents.Waiting::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("diwan.events.missions.created", "bulletin", 1L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.changed", "bulletin", 2L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.changed", "bulletin", 3L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.state-changed", "bulletin", 3L),
                        org.assertj.core.groups.Tuple.tuple(issuedAddress, "bulletin-issued", 0L),
                        org.assertj.core.groups.Tuple.tuple(issuedAddress, "bulletin-issued", 0L),
                        org.assertj.core.groups.Tuple.tuple(issuedAddress, "bulletin-issued", 0L),
                        org.assertj.core.groups.Tuple.tuple(issuedAddress, "bulletin-issued", 0L));
        assertThat(events.waiting().get(3).body()).contains("\"to\":\"ISSUED\"", "\"languages\":\"ar,en\"", "\"month\":\"2026-11\"");
    }

    @Test
    void aMissionReadsBulletinsAndBuildsNone() throws Exception {
        assertThat(bulletins.readOnlyHere(Optional.empty())).isEmpty();
        BulletinRecords onMission = records(TestSync.into(NOWHERE, NodeRole.MISSION, "PAR"));
        assertThat(onMission.readOnlyHere(Optional.empty())).contains("missions.sync.readOnly");
        Bulletin b = built();
        assertThat(onMission.readOnlyHere(Optional.of(b))).contains("missions.sync.readOnly");
        assertThat(onMission.details(b, CHIEF)).containsEntry("canIssue", false).containsEntry("canCompose", false);
        assertThat(bulletins.details(b, CHIEF)).containsEntry("canIssue", true);
    }
}
