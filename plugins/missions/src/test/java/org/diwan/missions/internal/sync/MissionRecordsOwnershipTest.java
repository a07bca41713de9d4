package org.diwan.missions.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.documents.Documents;
import org.diwan.api.documents.StoredDocument;
import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncReport;
import org.diwan.api.sync.SyncedType;
import org.diwan.missions.internal.correspondence.Classification;
import org.diwan.missions.internal.correspondence.Correspondence;
import org.diwan.missions.internal.correspondence.CorrespondenceDraft;
import org.diwan.missions.internal.correspondence.CorrespondenceStatus;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.diwan.missions.internal.correspondence.Counterpart;
import org.diwan.missions.internal.correspondence.FollowUp;
import org.diwan.missions.internal.correspondence.FollowUpStatus;
import org.diwan.missions.internal.media.MediaActivity;
import org.diwan.missions.internal.media.MediaStore;
import org.diwan.missions.internal.plan.ActionPlanStore;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.persistence.internal.TestDatabase;
import org.diwan.sync.internal.TestReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headquarters with two enrolled missions, TUN and EGY, each node with its own Derby database, and headquarters'
 * real receiving side: EGY's node forges changes (an edit, a creation under a taken id, a deletion) to TUN's
 * records and to headquarters' own, for every record type a mission sends. None is applied, each is set aside
 * with the record's real owner, and TUN's genuine edits still arrive.
 */
class MissionRecordsOwnershipTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final List<TestDatabase> databases = new ArrayList<>();
    private DataSource hq;
    private TestReceiver receiver;
    private final List<SyncChange> fromHq = new ArrayList<>();
    private final List<SyncChange> fromTun = new ArrayList<>();
    private final List<SyncChange> fromEgy = new ArrayList<>();
    private final List<SyncChange> ignored = new ArrayList<>();
    private MissionStore hqMissions;
    private Mission tun;
    private Mission egy;
    private CorrespondenceStore tunLetters;
    private CorrespondenceStore egyLetters;
    private CorrespondenceStore hqLetters;
    private MediaStore tunMedia;
    private MediaStore egyMedia;
    private MediaStore hqMedia;

    /** Every document is there: the files queue is not what these tests are about. */
    private static final Documents DOCUMENTS = new Documents() {
        @Override
        public StoredDocument store(String owner, String fileName, InputStream content, Set<String> accepted, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StoredDocument storeCopy(StoredDocument original, InputStream content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredDocument> find(String id) {
            return Optional.of(document(id));
        }

        @Override
        public InputStream open(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long maxSize() {
            return 1 << 20;
        }
    };

    @BeforeEach
    void open() throws Exception {
        TestDatabase hqDatabase = database("hq");
        hq = hqDatabase.migrate("missions");
        DataSource tunDb = database("tun").migrate("missions");
        DataSource egyDb = database("egy").migrate("missions");
        MissionsSync hqSync = TestSync.into(new MissionsSyncTest.ListOutbox(fromHq), NodeRole.HQ, null);
        MissionsSync tunSync = TestSync.into(new MissionsSyncTest.ListOutbox(fromTun), NodeRole.MISSION, "TUN");
        MissionsSync egySync = TestSync.into(new MissionsSyncTest.ListOutbox(fromEgy), NodeRole.MISSION, "EGY");
        hqMissions = new MissionStore(hq, Clock.systemUTC(), hqSync);
        tun = hqMissions.create(mission("TUN", "بعثة تونس"), "chief");
        egy = hqMissions.create(mission("EGY", "بعثة القاهرة"), "chief");
        TestSync.type(MissionsSync.MISSIONS, tunDb).applyAll(fromHq);
        TestSync.type(MissionsSync.MISSIONS, egyDb).applyAll(fromHq);
        fromHq.clear();

        tunLetters = new CorrespondenceStore(tunDb, Clock.systemUTC(), tunSync::correspondenceChanged, tunSync::attachmentAdded, tunSync::followUpChanged);
        egyLetters = new CorrespondenceStore(egyDb, Clock.systemUTC(), egySync::correspondenceChanged, egySync::attachmentAdded, egySync::followUpChanged);
        hqLetters = new CorrespondenceStore(hq, Clock.systemUTC(), hqSync::correspondenceChanged, hqSync::attachmentAdded, hqSync::followUpChanged);
        tunMedia = new MediaStore(tunDb, Clock.systemUTC(), tunSync::mediaActivityChanged);
        egyMedia = new MediaStore(egyDb, Clock.systemUTC(), egySync::mediaActivityChanged);
        hqMedia = new MediaStore(hq, Clock.systemUTC(), hqSync::mediaActivityChanged);

        receiver = new TestReceiver(hqDatabase.migrate("sync"), TestSync.type(MissionsSync.LETTERS, hq), TestSync.type(MissionsSync.FOLLOW_UPS, hq), TestSync.type(MissionsSync.MEDIA_ACTIVITIES, hq),
                TestSync.type(MissionsSync.ATTACHMENTS, hq, DOCUMENTS), TestSync.type(MissionsSync.MISSIONS, hq));
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

    /** One record of each type a mission sends, made on TUN's or EGY's node: its changes, as sent. */
    private record Records(String letter, String followUp, String media, String attachment) {
    }

    private Records makeOn(CorrespondenceStore letters, MediaStore media, Mission m, String subject) throws Exception {
        Correspondence letter = letters.create(letter(m, subject), "clerk");
        FollowUp action = letters.addFollowUp(letter.id(), "متابعة " + subject, "السفير", LocalDate.of(2026, 12, 1), "clerk");
        String activity = media.plan(m.id(), MediaActivity.Kind.LECTURE, "محاضرة " + subject, LocalDate.of(2026, 12, 3), "clerk");
        String attachment = letters.attach(letter.id(), document("doc-" + m.code() + "-" + subject.hashCode()), "clerk").id();
        return new Records(letter.id(), action.id(), activity, attachment);
    }

    /** What a mission's node sends, without the documents (they travel on the files queue). */
    private static List<SyncChange> records(List<SyncChange> sent) {
        return sent.stream().filter(c -> !c.type().equals("sync.document")).toList();
    }

    private static SyncChange latest(List<SyncChange> sent, String id) {
        return sent.stream().filter(c -> c.recordId().equals(id)).reduce((a, b) -> b).orElseThrow();
    }

    /** EGY's genuine change of its own record, re-addressed to another record's id at another version. */
    private static SyncChange forge(SyncChange genuine, String targetId, long version) throws Exception {
        ObjectNode row = (ObjectNode) JSON.readTree(genuine.payload());
        row.put("id", targetId);
        row.put("version", version);
        return new SyncChange(genuine.type(), targetId, version, "EGY", row.toString());
    }

    /** Each forgery of one record: a creation under its id, an edit at a higher version, a deletion. */
    private static List<SyncChange> forgeries(SyncChange egysOwn, String targetId) throws Exception {
        return List.of(forge(egysOwn, targetId, 1), forge(egysOwn, targetId, 7), new SyncChange(egysOwn.type(), targetId, 8, "EGY", null));
    }

    /** The rows of the four mission-owned tables at headquarters, as JSON by id: what must not move. */
    private Map<String, String> hqRows(Records r) throws Exception {
        try (Connection c = hq.getConnection()) {
            return Map.of(r.letter(), TestSync.row(c, MissionsSync.LETTERS, r.letter()),
                    r.followUp(), TestSync.row(c, MissionsSync.FOLLOW_UPS, r.followUp()),
                    r.media(), TestSync.row(c, MissionsSync.MEDIA_ACTIVITIES, r.media()),
                    r.attachment(), TestSync.row(c, MissionsSync.ATTACHMENTS, r.attachment()));
        }
    }

    private List<SyncChange> forgeriesOfEach(Records target, Records egys) throws Exception {
        List<SyncChange> forged = new ArrayList<>();
        forged.addAll(forgeries(latest(fromEgy, egys.letter()), target.letter()));
        forged.addAll(forgeries(latest(fromEgy, egys.followUp()), target.followUp()));
        forged.addAll(forgeries(latest(fromEgy, egys.media()), target.media()));
        forged.addAll(forgeries(latest(fromEgy, egys.attachment()), target.attachment()));
        return forged;
    }

    @Test
    void noMissionCreatesEditsOrDeletesAnotherMissionsRecordOfAnyTypeAndTheOwnersEditsStillArrive() throws Exception {
        Records tuns = makeOn(tunLetters, tunMedia, tun, "تقرير تونس");
        Records egys = makeOn(egyLetters, egyMedia, egy, "تقرير القاهرة");
        assertThat(receiver.receive("TUN", records(fromTun))).isEqualTo(4);
        assertThat(receiver.receive("EGY", records(fromEgy))).isEqualTo(4);
        Map<String, String> before = hqRows(tuns);

        List<SyncChange> forged = forgeriesOfEach(tuns, egys);
        assertThat(receiver.receive("EGY", forged)).isZero();

        assertThat(hqRows(tuns)).as("TUN's records at headquarters, unchanged").isEqualTo(before);
        for (SyncedType type : List.of(TestSync.type(MissionsSync.LETTERS, hq), TestSync.type(MissionsSync.FOLLOW_UPS, hq), TestSync.type(MissionsSync.MEDIA_ACTIVITIES, hq), TestSync.type(MissionsSync.ATTACHMENTS, hq, DOCUMENTS))) {
            assertThat(type.owners(List.of(tuns.letter(), tuns.followUp(), tuns.media(), tuns.attachment())).values())
                    .as(type.name()).containsOnly(RecordOwner.mission("TUN"));
        }
        assertThat(receiver.setAside()).hasSize(forged.size()).allSatisfy(p -> {
            assertThat(p.missionCode()).isEqualTo("EGY");
            assertThat(p.owner()).isEqualTo(RecordOwner.mission("TUN"));
        });
        assertThat(receiver.setAside()).extracting(SyncReport.Parked::key).containsExactlyElementsOf(forged.stream().map(SyncChange::key).toList());

        // TUN's next edits are newer than what headquarters holds of TUN's, whatever version EGY claimed
        fromTun.clear();
        tunLetters.update(tuns.letter(), 1, letter(tun, "تقرير تونس (منقح)"), "clerk");
        tunLetters.setFollowUpStatus(tuns.followUp(), 1, FollowUpStatus.DONE, "clerk");
        tunMedia.report(tuns.media(), 1, MediaActivity.Status.DONE, LocalDate.of(2026, 12, 3), 80, "حضرها الطلاب", "clerk");
        assertThat(receiver.receive("TUN", records(fromTun))).isEqualTo(3);
        assertThat(hqLetters.get(tuns.letter(), null).orElseThrow().subject()).isEqualTo("تقرير تونس (منقح)");
        assertThat(hqLetters.followUps(tuns.letter()).get(0).status()).isEqualTo(FollowUpStatus.DONE);
        assertThat(hqMedia.get(tuns.media(), null).orElseThrow().report()).isEqualTo("حضرها الطلاب");
    }

    @Test
    void noMissionCreatesEditsOrDeletesHeadquartersOwnRecordsEvenThoseAboutThatMission() throws Exception {
        Correspondence letter = hqLetters.create(letter(egy, "رسالة وردت إلى المقر عن بعثة القاهرة"), "hq-clerk");
        Records hqs = new Records(letter.id(), hqLetters.addFollowUp(letter.id(), "متابعة في المقر", "المدير", LocalDate.of(2026, 12, 1), "hq-clerk").id(),
                hqMedia.plan(egy.id(), MediaActivity.Kind.LECTURE, "نشاط يخطط له المقر", LocalDate.of(2026, 12, 3), "hq-clerk"),
                hqLetters.attach(letter.id(), document("doc-hq"), "hq-clerk").id());
        Records egys = makeOn(egyLetters, egyMedia, egy, "تقرير القاهرة");
        receiver.receive("EGY", records(fromEgy));
        Map<String, String> before = hqRows(hqs);

        List<SyncChange> forged = forgeriesOfEach(hqs, egys);
        assertThat(receiver.receive("EGY", forged)).isZero();

        assertThat(hqRows(hqs)).isEqualTo(before);
        assertThat(receiver.setAside()).hasSize(forged.size()).allSatisfy(p -> assertThat(p.owner()).isEqualTo(RecordOwner.headquarters()));
    }

    @Test
    void aMissionCannotAddFollowUpsOrAttachmentsToHeadquartersOwnCorrespondenceAboutIt() throws Exception {
        Correspondence letter = hqLetters.create(letter(egy, "رسالة وردت إلى المقر عن بعثة القاهرة"), "hq-clerk");
        Records egys = makeOn(egyLetters, egyMedia, egy, "تقرير القاهرة");
        receiver.receive("EGY", records(fromEgy));

        // new ids, so no stored record stands in the way: the plugin refuses a child of headquarters' record
        ObjectNode followUp = (ObjectNode) JSON.readTree(latest(fromEgy, egys.followUp()).payload());
        followUp.put("id", "f-new").put("correspondence_id", letter.id());
        ObjectNode attachment = (ObjectNode) JSON.readTree(latest(fromEgy, egys.attachment()).payload());
        attachment.put("id", "a-new").put("correspondence_id", letter.id());
        assertThat(receiver.receive("EGY", List.of(new SyncChange(MissionsSync.FOLLOW_UP, "f-new", 1, "EGY", followUp.toString()),
                new SyncChange(MissionsSync.ATTACHMENT, "a-new", 1, "EGY", attachment.toString())))).isZero();

        assertThat(hqLetters.followUps(letter.id())).isEmpty();
        assertThat(hqLetters.attachments(letter.id())).isEmpty();
        assertThat(receiver.setAside()).extracting(SyncReport.Parked::key, p -> p.error().contains("headquarters"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MissionsSync.FOLLOW_UP + ":f-new:1", true),
                        org.assertj.core.groups.Tuple.tuple(MissionsSync.ATTACHMENT + ":a-new:1", true));
    }

    @Test
    void everyTypeTellsWhoOwnsWhatItStoresAtHeadquarters() throws Exception {
        Records tuns = makeOn(tunLetters, tunMedia, tun, "تقرير تونس");
        receiver.receive("TUN", records(fromTun));
        Correspondence own = hqLetters.create(letter(tun, "رسالة المقر"), "hq-clerk");
        ActionPlanStore plans = new ActionPlanStore(hq, Clock.systemUTC());
        String objective = plans.addObjective(plans.forYear(2026, "chief"), "هدف");
        String task = plans.addTask(objective, "مهمة", "إدارة البعثات", LocalDate.of(2026, 12, 15), "chief");
        String plan = plans.forYear(2026, "chief").id();

        assertThat(TestSync.type(MissionsSync.LETTERS, hq).owners(List.of(tuns.letter(), own.id(), "absent")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(tuns.letter(), RecordOwner.mission("TUN"), own.id(), RecordOwner.headquarters()));
        assertThat(TestSync.type(MissionsSync.ATTACHMENTS, hq, DOCUMENTS).owners(List.of(tuns.attachment(), "absent")))
                .containsExactlyEntriesOf(Map.of(tuns.attachment(), RecordOwner.mission("TUN")));
        assertThat(TestSync.type(MissionsSync.MISSIONS, hq).owners(List.of(tun.id(), "absent"))).containsExactlyEntriesOf(Map.of(tun.id(), RecordOwner.headquarters()));
        assertThat(TestSync.type(MissionsSync.PLANS, hq).owners(List.of(plan))).containsExactlyEntriesOf(Map.of(plan, RecordOwner.headquarters()));
        assertThat(TestSync.type(MissionsSync.OBJECTIVES, hq).owners(List.of(objective))).containsExactlyEntriesOf(Map.of(objective, RecordOwner.headquarters()));
        assertThat(TestSync.type(MissionsSync.TASKS, hq).owners(List.of(task))).containsExactlyEntriesOf(Map.of(task, RecordOwner.headquarters()));
        assertThat(TestSync.type(MissionsSync.EVALUATIONS, hq).owners(List.of("absent"))).isEmpty();
        assertThat(TestSync.type(MissionsSync.BULLETINS, hq).owners(List.of("absent"))).isEmpty();

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add("absent-" + i);
        }
        many.add(tuns.media());
        assertThat(TestSync.type(MissionsSync.MEDIA_ACTIVITIES, hq).owners(many)).as("asked in chunks").containsExactlyEntriesOf(Map.of(tuns.media(), RecordOwner.mission("TUN")));
    }

    @Test
    void aMissionCannotSendHeadquartersDirectory() throws Exception {
        SyncChange directory = latestDirectoryChange();
        assertThat(receiver.receive("EGY", List.of(new SyncChange(directory.type(), directory.recordId(), 9, "EGY", directory.payload())))).isZero();
        assertThat(receiver.setAside()).singleElement().satisfies(p -> assertThat(p.error()).contains("owned by this side"));
    }

    private SyncChange latestDirectoryChange() throws Exception {
        hqMissions.update(egy.id(), 1, mission("EGY", "بعثة الجامعة في القاهرة"), "chief");
        return fromHq.get(fromHq.size() - 1);
    }

    private static StoredDocument document(String id) {
        return new StoredDocument(id, "missions", "محضر.pdf", "application/pdf", 1024, "0".repeat(64), Instant.parse("2026-11-20T10:00:00Z"), "clerk");
    }

    private static MissionDraft mission(String code, String name) {
        return new MissionDraft(code, MissionType.MISSION, "TN", "تونس", LocalizedText.of(name, null, null), null, null, null, null,
                MissionStatus.ACTIVE, 30);
    }

    private static CorrespondenceDraft letter(Mission m, String subject) {
        return new CorrespondenceDraft(m.id(), Counterpart.HEADQUARTERS, null, Classification.POLITICAL, "TN", m.code() + "/1",
                LocalDate.of(2026, 11, 20), null, subject, "ملخص", CorrespondenceStatus.OPEN);
    }
}
