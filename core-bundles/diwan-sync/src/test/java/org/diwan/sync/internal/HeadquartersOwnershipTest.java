package org.diwan.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncOutbox;
import org.diwan.api.sync.SyncReport;
import org.diwan.api.sync.SyncedType;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headquarters applies a mission's change only to a record that mission owns, or to a new id: whatever the change
 * claims, another mission's record and headquarters' own stay as they are, and the refusal is set aside with the
 * record's real owner. The notes type stores what it is given by id alone (as the missions plugin did), so only
 * the core's check stands between a mission and another's record.
 */
class HeadquartersOwnershipTest {

    private static final SyncOutbox NO_OUTBOX = new SyncOutbox() {
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
    private NotesType notes;
    private TestReceiver hq;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        notes = new NotesType(database.migrate("notes"), NodeRole.MISSION, NO_OUTBOX);
        hq = new TestReceiver(database.migrate("sync"), notes);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static SyncChange note(String id, long version, String mission, String body) {
        return new SyncChange(NotesType.NAME, id, version, mission, "|" + body);
    }

    @Test
    void aMissionsEditOfAnotherMissionsRecordIsRefusedAndTheOwnersLaterEditsStillApply() throws Exception {
        assertThat(hq.receive("TUN", List.of(note("n1", 1, "TUN", "تقرير تونس")))).isEqualTo(1);

        assertThat(hq.receive("EGY", List.of(note("n1", 5, "EGY", "forged by EGY")))).isZero();

        assertThat(notes.rows()).singleElement().satisfies(row -> assertThat(row).containsExactly("n1", null, "تقرير تونس", "1"));
        assertThat(notes.receivedFrom("n1")).isEqualTo("TUN");
        assertThat(hq.setAside()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("notes.note:n1:5");
            assertThat(p.missionCode()).as("the sender").isEqualTo("EGY");
            assertThat(p.owner()).isEqualTo(RecordOwner.mission("TUN"));
            assertThat(p.refusedAsNotOwned()).isTrue();
            assertThat(p.error()).contains("n1", "mission TUN", "EGY");
        });

        // the owner's next edit is not taken for an older one
        assertThat(hq.receive("TUN", List.of(note("n1", 2, "TUN", "تقرير تونس (منقح)")))).isEqualTo(1);
        assertThat(notes.rows()).singleElement().satisfies(row -> assertThat(row).containsExactly("n1", null, "تقرير تونس (منقح)", "2"));
    }

    @Test
    void aMissionCannotCreateARecordUnderAnIdAnotherMissionHolds() throws Exception {
        hq.receive("TUN", List.of(note("n1", 1, "TUN", "تقرير تونس")));

        assertThat(hq.receive("EGY", List.of(note("n1", 1, "EGY", "a new note of EGY's under TUN's id")))).isZero();

        assertThat(notes.rows()).singleElement().satisfies(row -> assertThat(row[2]).isEqualTo("تقرير تونس"));
        assertThat(hq.setAside()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("notes.note:n1:1");
            assertThat(p.owner()).isEqualTo(RecordOwner.mission("TUN"));
        });
    }

    @Test
    void aMissionCannotDeleteAnotherMissionsRecord() throws Exception {
        hq.receive("TUN", List.of(note("n1", 1, "TUN", "تقرير تونس")));

        assertThat(hq.receive("EGY", List.of(new SyncChange(NotesType.NAME, "n1", 2, "EGY", null)))).isZero();

        assertThat(notes.rows()).hasSize(1);
        assertThat(hq.setAside()).singleElement().satisfies(p -> {
            assertThat(p.owner()).isEqualTo(RecordOwner.mission("TUN"));
            assertThat(p.error()).contains("may not delete");
        });
    }

    @Test
    void aMissionCannotChangeOrReplaceARecordHeadquartersMade() throws Exception {
        notes.write("h1", null, "مذكرة المقر عن بعثة مصر", null, false);

        hq.receive("EGY", List.of(note("h1", 2, "EGY", "edited by EGY"), note("h1", 1, "EGY", "created by EGY"),
                new SyncChange(NotesType.NAME, "h1", 3, "EGY", null)));

        assertThat(notes.rows()).singleElement().satisfies(row -> assertThat(row).containsExactly("h1", null, "مذكرة المقر عن بعثة مصر", "1"));
        assertThat(notes.receivedFrom("h1")).isNull();
        assertThat(hq.setAside()).hasSize(3).allSatisfy(p -> assertThat(p.owner()).isEqualTo(RecordOwner.headquarters()));
    }

    @Test
    void ofTwoMissionsSendingOneNewIdInOneBatchOnlyTheFirstGetsIt() throws Exception {
        hq.receive(List.of(new TestReceiver.Sent("TUN", note("n9", 1, "TUN", "from TUN")),
                new TestReceiver.Sent("EGY", note("n9", 2, "EGY", "from EGY"))));

        assertThat(notes.rows()).singleElement().satisfies(row -> assertThat(row).containsExactly("n9", null, "from TUN", "1"));
        assertThat(hq.setAside()).singleElement().satisfies(p -> assertThat(p.owner()).isEqualTo(RecordOwner.mission("TUN")));
    }

    @Test
    void aRefusedChangeIsRefusedAgainWhenTheAdministratorRetries() throws Exception {
        hq.receive("TUN", List.of(note("n1", 1, "TUN", "تقرير تونس")));
        hq.receive("EGY", List.of(note("n1", 5, "EGY", "forged by EGY")));

        assertThat(hq.retry()).isZero();

        assertThat(notes.rows()).singleElement().satisfies(row -> assertThat(row[2]).isEqualTo("تقرير تونس"));
        assertThat(hq.setAside()).singleElement().satisfies(p -> {
            assertThat(p.owner()).isEqualTo(RecordOwner.mission("TUN"));
            assertThat(p.attempts()).isEqualTo(2);
        });
    }

    @Test
    void aWaitingChangeWhoseIdAnotherMissionTookMeanwhileIsRefusedWhenItsParentArrives() throws Exception {
        hq.receive("TUN", List.of(new SyncChange(NotesType.NAME, "child", 1, "TUN", "parent|waits for its parent")));
        assertThat(hq.waiting()).isEqualTo(1);
        hq.receive("EGY", List.of(note("child", 1, "EGY", "EGY's, stored first")));

        hq.receive("TUN", List.of(note("parent", 1, "TUN", "the parent")));

        assertThat(notes.rows()).extracting(row -> row[0] + " " + row[2]).containsExactly("child EGY's, stored first", "parent the parent");
        assertThat(hq.waiting()).isZero();
        assertThat(hq.setAside()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("notes.note:child:1");
            assertThat(p.owner()).isEqualTo(RecordOwner.mission("EGY"));
        });
    }

    @Test
    void whenATypeCannotTellWhoOwnsItsRecordsNothingOfTheBatchIsApplied() throws Exception {
        SyncedType blind = new SyncedType() {
            @Override
            public String name() {
                return NotesType.NAME;
            }

            @Override
            public NodeRole owner() {
                return NodeRole.MISSION;
            }

            @Override
            public Applied apply(SyncChange change) throws Exception {
                return notes.apply(change);
            }

            @Override
            public Map<String, RecordOwner> owners(Collection<String> recordIds) {
                throw new IllegalStateException("a plugin's bug");
            }

            @Override
            public void export(String missionCode, Consumer<SyncChange> sink) {
            }
        };
        TestReceiver receiver = new TestReceiver(database.migrate("sync"), blind);

        assertThat(receiver.receive("TUN", List.of(note("n1", 1, "TUN", "تقرير")))).isZero();

        assertThat(notes.rows()).isEmpty();
        assertThat(receiver.setAside()).singleElement().satisfies(p -> {
            assertThat(p.owner()).isNull();
            assertThat(p.error()).contains("owner could not be read");
        });
    }

    @Test
    void aChangeNamingNoMissionFromNoMissionsLoginIsNotApplied() throws Exception {
        assertThat(hq.receive(null, List.of(note("n1", 1, null, "from nobody")))).isZero();

        assertThat(notes.rows()).isEmpty();
    }

    @Test
    void theReportListsRefusalsWithTheRealOwnerBesidePluginRefusals() throws Exception {
        hq.receive("TUN", List.of(note("n1", 1, "TUN", "تقرير تونس")));
        hq.receive("EGY", List.of(note("n1", 2, "EGY", "forged"), note("n2", 1, "EGY", "")));

        List<SyncReport.Parked> parked = hq.setAside();
        assertThat(parked).extracting(SyncReport.Parked::key, SyncReport.Parked::refusedAsNotOwned)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("notes.note:n1:2", true),
                        org.assertj.core.groups.Tuple.tuple("notes.note:n2:1", false));
    }
}
