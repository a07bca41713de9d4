package org.diwan.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mission and headquarters, each with its own Derby database, over one real broker. */
class SyncRoundTripTest {

    @TempDir
    Path folder;

    private TestBroker broker;
    private TestNode mission;
    private TestNode hq;

    @BeforeEach
    void start() throws Exception {
        broker = new TestBroker(folder.resolve("broker"), "TUN");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {mission, hq, broker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private void nodes(NodeRole notesOwner) throws Exception {
        mission = new TestNode(folder.resolve("mission"), broker, notesOwner, "TUN", List.of());
        hq = new TestNode(folder.resolve("hq"), broker, notesOwner, null, List.of("TUN"));
        mission.registerNotes();
        hq.registerNotes();
        mission.start();
        hq.start();
    }

    @Test
    void missionNotesAndTheirEditsReachHeadquartersWithTheirVersions() throws Exception {
        nodes(NodeRole.MISSION);
        mission.notes.write("n1", null, "تقرير شهري", "TUN", false);
        mission.notes.write("n2", "n1", "ملحق", "TUN", false);
        mission.notes.write("n1", null, "تقرير شهري (منقح)", "TUN", false);

        await(() -> hq.notes.rows().size() == 2 && hq.notes.rows().get(0)[3].equals("2"));
        assertThat(hq.notes.rows()).usingRecursiveFieldByFieldElementComparator().isEqualTo(mission.notes.rows());
        await(() -> mission.admin.report().outbox() == 0);
        assertThat(mission.admin.report().sent()).isEqualTo(3);
        assertThat(hq.admin.report().received()).isEqualTo(3);
        assertThat(hq.admin.report().lastReceivedAt()).isNotNull();
    }

    @Test
    void aBatchTheBrokerHoldsButTheOutboxStillListsIsNotSentTwiceAndDoesNotBlockTheOutbox() throws Exception {
        nodes(NodeRole.MISSION);
        mission.notes.write("first", null, "before the crash", "TUN", false);
        await(() -> hq.notes.rows().size() == 1);
        // the node stopped after the broker's commit and before the outbox's delete: the row is back on start
        try (var c = mission.sync.getConnection()) {
            OutboxStore.insert(c, new SyncChange(NotesType.NAME, "first", 1, "TUN", "|before the crash"), java.time.Clock.systemUTC());
        }
        mission.restartRelay();
        await(() -> mission.admin.report().outbox() == 0);
        mission.notes.write("second", null, "after the restart", "TUN", false);

        await(() -> hq.notes.rows().size() == 2);
        await(() -> mission.admin.report().outbox() == 0);
        Thread.sleep(300);
        assertThat(hq.admin.report().received()).as("the repeated bundle was dropped by the broker").isEqualTo(2);
        assertThat(mission.admin.report().lastError()).isEmpty();
    }

    @Test
    void changesWaitingInTheOutboxTravelInBundlesAndArriveOnceInTheirOrder() throws Exception {
        nodes(NodeRole.MISSION);
        mission.stopRelay();
        for (int i = 0; i < 300; i++) {
            mission.notes.write(String.format("n%03d", i), null, "ملاحظة " + i, "TUN", false);
        }
        mission.notes.write("n007", null, "ملاحظة 7 (منقحة)", "TUN", false);
        mission.restartRelay();

        await(() -> hq.admin.report().received() == 301);
        assertThat(hq.notes.rows()).usingRecursiveFieldByFieldElementComparator().isEqualTo(mission.notes.rows());
        assertThat(hq.notes.rows().get(7)).containsExactly("n007", null, "ملاحظة 7 (منقحة)", "2");
        assertThat(broker.added(SyncQueues.INBOUND)).as("batches of 200 in bundles of 100").isEqualTo(4);
    }

    @Test
    void aWriteThatRollsBackSendsNothing() throws Exception {
        nodes(NodeRole.MISSION);
        assertThatThrownBy(() -> mission.notes.write("lost", null, "never committed", "TUN", true)).hasMessageContaining("failed");
        mission.notes.write("kept", null, "committed", "TUN", false);

        await(() -> hq.notes.rows().size() == 1);
        Thread.sleep(300);
        assertThat(hq.notes.rows()).extracting(r -> r[0]).containsExactly("kept");
    }

    @Test
    void headquartersNotesReachTheEnrolledMissionButMissionEditsOfThemDoNotGoBack() throws Exception {
        nodes(NodeRole.HQ);
        hq.notes.write("d1", null, "تعميم", null, false);
        await(() -> mission.notes.rows().size() == 1);
        assertThat(mission.notes.rows().get(0)[2]).isEqualTo("تعميم");

        // a mission-side write of an HQ-owned type (the UI refuses it; here it is forced) stays on the mission
        mission.notes.write("d1", null, "edited at the mission", "TUN", false);
        await(() -> mission.admin.report().outbox() == 0);
        Thread.sleep(300);
        assertThat(hq.notes.rows().get(0)[2]).isEqualTo("تعميم");
        assertThat(broker.count(SyncQueues.INBOUND)).isZero();
    }

    @Test
    void theSameChangeDeliveredTwiceIsStoredOnce() throws Exception {
        nodes(NodeRole.MISSION);
        SyncChange change = new SyncChange(NotesType.NAME, "dup", 1, "TUN", "|once");
        send(change, "TUN", "first-id");
        send(change, "TUN", "another-id");
        await(() -> hq.admin.report().received() == 2);
        assertThat(hq.notes.rows()).hasSize(1);
        assertThat(hq.admin.report().failed()).isEmpty();
    }

    @Test
    void aChangeSentByAnotherMissionsLoginIsRefused() throws Exception {
        nodes(NodeRole.MISSION);
        send(new SyncChange(NotesType.NAME, "forged", 1, "TUN", "|not mine"), "EGY", "forged-1");
        send(new SyncChange(NotesType.NAME, "honest", 1, "TUN", "|mine"), "TUN", "honest-1");
        await(() -> hq.notes.rows().size() == 1);
        assertThat(hq.notes.rows()).extracting(r -> r[0]).containsExactly("honest");
        assertThat(hq.admin.report().lastError()).contains("forged");
    }

    @Test
    void aChildBeforeItsParentWaitsAndIsAppliedWhenTheParentArrives() throws Exception {
        nodes(NodeRole.MISSION);
        send(new SyncChange(NotesType.NAME, "child", 1, "TUN", "parent|after"), "TUN", "c1");
        await(() -> hq.admin.report().deferred() == 1);
        send(new SyncChange(NotesType.NAME, "parent", 1, "TUN", "|before"), "TUN", "p1");
        await(() -> hq.notes.rows().size() == 2);
        assertThat(hq.admin.report().deferred()).isZero();
    }

    @Test
    void aChangeForAPluginNotInstalledWaitsForThePlugin() throws Exception {
        mission = new TestNode(folder.resolve("mission"), broker, NodeRole.MISSION, "TUN", List.of());
        hq = new TestNode(folder.resolve("hq"), broker, NodeRole.MISSION, null, List.of("TUN"));
        mission.registerNotes();
        mission.start();
        hq.start();
        mission.notes.write("early", null, "before the plugin", "TUN", false);
        await(() -> hq.admin.report().deferred() == 1);

        hq.registerNotes();
        await(() -> hq.notes.rows().size() == 1);
        assertThat(hq.admin.report().deferred()).isZero();
    }

    @Test
    void anInvalidPayloadIsSetAsideAndTheQueueGoesOn() throws Exception {
        nodes(NodeRole.MISSION);
        send(new SyncChange(NotesType.NAME, "bad", 1, "TUN", "no separator"), "TUN", "bad-1");
        mission.notes.write("good", null, "fine", "TUN", false);
        await(() -> hq.notes.rows().size() == 1);
        assertThat(hq.admin.report().failed()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("notes.note:bad:1");
            assertThat(p.error()).contains("body");
        });
    }

    @Test
    void resendQueuesHeadquartersRecordsForOneMissionAgain() throws Exception {
        nodes(NodeRole.HQ);
        hq.notes.write("r1", null, "one", null, false);
        hq.notes.write("r2", null, "two", null, false);
        await(() -> mission.notes.rows().size() == 2);

        assertThat(hq.admin.resend("TUN")).isEqualTo(2);
        await(() -> mission.admin.report().received() == 4);
        assertThat(mission.notes.rows()).hasSize(2);
        assertThatThrownBy(() -> mission.admin.resend("TUN")).isInstanceOf(IllegalStateException.class);
    }

    private void send(SyncChange change, String login, String duplicateId) throws Exception {
        try (Connection c = broker.factory(login).createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(SyncQueues.INBOUND));
            producer.send(ChangeMessages.toMessage(session, java.util.List.of(change), duplicateId));
        }
    }

    static void await(Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
