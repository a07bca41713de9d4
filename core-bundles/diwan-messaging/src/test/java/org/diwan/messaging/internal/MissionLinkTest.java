package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.diwan.api.sync.Enrolment;
import org.diwan.api.sync.LinkStatus;
import org.diwan.api.sync.MissionLinks;
import org.diwan.api.sync.SyncQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A headquarters broker and a mission broker in one JVM, linked over TLS on loopback, as two nodes would be. */
class MissionLinkTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path folder;
    private TestBroker hq;
    private TestBroker mission;
    private Enrolment enrolment;

    @BeforeEach
    void startHq() throws Exception {
        hq = new TestBroker(folder.resolve("hq"), TestBroker.freePort(), TestLink.hq(TestBroker.freePort()));
        enrolment = hq.service(MissionLinks.class, null).enrol("KBL");
    }

    @AfterEach
    void stopBoth() {
        if (mission != null) {
            mission.close();
        }
        if (hq != null) {
            hq.close();
        }
    }

    private TestBroker startMission(TestLink link) throws Exception {
        mission = new TestBroker(folder.resolve("mission"), TestBroker.freePort(), link);
        return mission;
    }

    private TestLink missionLink() throws Exception {
        return TestLink.mission(enrolment, folder.resolve("diwan-hq.pem"));
    }

    private long inbound() {
        return hq.broker.server().locateQueue(SyncQueues.INBOUND).getMessageCount();
    }

    /** Every message now on HQ's inbound: body and the user HQ stamped on it. */
    private List<String> drainInbound() throws Exception {
        List<String> received = new ArrayList<>();
        try (TestBroker.TcpSession internal = hq.openTcp(); ClientConsumer consumer = internal.session().createConsumer(SyncQueues.INBOUND)) {
            internal.session().start();
            for (ClientMessage message = consumer.receive(5_000); message != null; message = consumer.receive(300)) {
                message.acknowledge();
                // a JMS text message's body is a nullable SimpleString, a core client's here a plain string
                String body = message.getType() == Message.TEXT_TYPE ? message.getBodyBuffer().readNullableSimpleString().toString()
                        : message.getBodyBuffer().readString();
                received.add(body + " from " + message.getStringProperty(SyncQueues.PROPERTY_VALIDATED_USER));
            }
        }
        return received;
    }

    @Test
    void whatTheMissionPutsOnOutboundArrivesOnHqInboundStampedWithTheMissionCode() throws Exception {
        startMission(missionLink());
        await().atMost(WAIT).until(() -> mission.status().connected());
        try (TestBroker.TcpSession local = mission.openTcp()) {
            local.send(SyncQueues.OUTBOUND, "تغيير ١", "change-1");
        }
        await().atMost(WAIT).until(() -> inbound() == 1);
        assertThat(drainInbound()).containsExactly("تغيير ١ from KBL");

        LinkStatus status = mission.status();
        assertThat(status.role()).isEqualTo("mission");
        assertThat(status.enabled()).isTrue();
        assertThat(status.endpoint()).isEqualTo(enrolment.hqEndpoint());
        assertThat(status.connected()).isTrue();
        assertThat(status.outbound()).isZero();
        assertThat(status.missions()).isEmpty();
        LinkStatus.MissionLink seen = hq.status().missions().get(0);
        assertThat(seen.missionCode()).isEqualTo("KBL");
        assertThat(seen.connected()).isTrue();
        assertThat(hq.status().connected()).isTrue();
        // the bridge's truststore holds HQ's certificate and nothing else
        assertThat(mission.folder.resolve("link").resolve(HqTrustStore.FILE_NAME)).isRegularFile();
    }

    @Test
    void aCopyOfTheMissionsWholeFolderRunningBesideItIsRefusedWithAnAlarmAndOnlyOneHoldsTheLink() throws Exception {
        startMission(missionLink());
        await().atMost(WAIT).until(() -> mission.status().connected());
        mission.close();
        // what an administrator does who "moves" a node by copying its data folder, then starts both
        Path copied = folder.resolve("copy");
        try (var files = Files.walk(folder.resolve("mission"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copied.resolve(folder.resolve("mission").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        startMission(missionLink());
        await().atMost(WAIT).until(() -> mission.status().connected());
        try (TestBroker copy = new TestBroker(copied, TestBroker.freePort(), missionLink())) {
            await().atMost(WAIT).until(() -> LinkAlarms.TWO_NODES.equals(hq.status().missions().get(0).alarm()));
            await().atMost(WAIT).until(() -> mission.status().connected() != copy.status().connected());
        }
    }

    @Test
    void messagesSentWhileHqIsDownArriveExactlyOnceAfterItStarts() throws Exception {
        hq.close();
        startMission(missionLink());
        try (TestBroker.TcpSession local = mission.openTcp()) {
            for (int i = 0; i < 50; i++) {
                local.send(SyncQueues.OUTBOUND, "offline " + i, "offline-" + i);
            }
        }
        await().atMost(WAIT).untilAsserted(() -> {
            LinkStatus status = mission.status();
            assertThat(status.connected()).isFalse();
            assertThat(status.outbound()).isEqualTo(50);
            assertThat(status.lastError()).contains(enrolment.hqEndpoint()).containsIgnoringCase("refused");
            assertThat(status.lastErrorAt()).isNotNull();
        });

        hq = hq.restart();
        await().atMost(WAIT).until(() -> inbound() == 50 && mission.status().outbound() == 0);
        assertThat(mission.status().connected()).isTrue();
        List<String> received = drainInbound();
        assertThat(received).hasSize(50).doesNotHaveDuplicates().allMatch(line -> line.endsWith(" from KBL"));
        assertThat(received).contains("offline 0 from KBL", "offline 49 from KBL");
    }

    @Test
    void theSameDuplicateIdArrivesOnceWhicheverWayItIsSent() throws Exception {
        startMission(missionLink());
        await().atMost(WAIT).until(() -> mission.status().connected());
        try (TestBroker.TcpSession local = mission.openTcp()) {
            local.send(SyncQueues.OUTBOUND, "first", "missions.letter:42:1");
            local.send(SyncQueues.OUTBOUND, "again", "missions.letter:42:1");
        }
        // straight to HQ through the mission's remote factory: HQ's own duplicate cache drops the repeat
        ConnectionFactory toHq = mission.service(ConnectionFactory.class, "hq");
        try (Connection connection = toHq.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(SyncQueues.INBOUND));
            for (String body : List.of("direct", "direct again")) {
                TextMessage message = session.createTextMessage(body);
                message.setStringProperty(SyncQueues.PROPERTY_DUPLICATE_ID, "missions.letter:43:1");
                producer.send(message);
            }
        }
        await().atMost(WAIT).until(() -> inbound() == 2 && mission.status().outbound() == 0);
        Thread.sleep(300);
        List<String> received = drainInbound();
        assertThat(received).containsExactlyInAnyOrder("first from KBL", "direct from KBL");
    }

    @Test
    void theRemoteFactoryFetchesTheMissionsQueueOnHqAndNothingElse() throws Exception {
        hq.service(MissionLinks.class, null).enrol("AMM");
        try (Connection connection = hq.published.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(SyncQueues.toMission("KBL"))).send(session.createTextMessage("من المقر"));
            session.createProducer(session.createQueue(SyncQueues.toMission("AMM"))).send(session.createTextMessage("not for KBL"));
        }
        startMission(missionLink());
        ConnectionFactory toHq = mission.service(ConnectionFactory.class, "hq");
        assertThat(toHq.toString()).contains("KBL").doesNotContain(enrolment.secret());
        try (Connection connection = toHq.createConnection()) {
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(SyncQueues.toMission("KBL")));
            connection.start();
            jakarta.jms.Message received = consumer.receive(5_000);
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("من المقر");
            received.acknowledge();
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(SyncQueues.toMission("AMM"))))
                    .isInstanceOf(JMSSecurityException.class);
        }
        assertThat(hq.broker.server().locateQueue(SyncQueues.toMission("KBL")).getMessageCount()).isZero();
        assertThat(hq.broker.server().locateQueue(SyncQueues.toMission("AMM")).getMessageCount()).isEqualTo(1);
    }

    @Test
    void aWrongSecretDeliversNothingAndSaysWhy() throws Exception {
        TestLink link = missionLink();
        link.secret = enrolment.secret().substring(2) + "xx";
        startMission(link);
        try (TestBroker.TcpSession local = mission.openTcp()) {
            local.send(SyncQueues.OUTBOUND, "stuck", "stuck-1");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(mission.status().lastError()).contains("AMQ229031"));
        assertThat(mission.status().connected()).isFalse();
        assertThat(mission.status().outbound()).isEqualTo(1);
        assertThat(inbound()).isZero();
        assertThat(mission.status().lastError()).doesNotContain(link.secret).doesNotContain(enrolment.secret());
    }

    @Test
    void aRevokedMissionIsCutOffAndItsMessagesWait() throws Exception {
        startMission(missionLink());
        await().atMost(WAIT).until(() -> mission.status().connected());
        assertThat(hq.service(MissionLinks.class, null).revoke("KBL")).isTrue();
        await().atMost(WAIT).until(() -> !mission.status().connected());
        // the text depends on which of Artemis's refusals the watch saw first; that the bridge stopped is what counts
        await().atMost(WAIT).untilAsserted(() -> assertThat(mission.status().lastError()).contains("stopped"));
        try (TestBroker.TcpSession local = mission.openTcp()) {
            local.send(SyncQueues.OUTBOUND, "after revocation", "late-1");
        }
        Thread.sleep(1_000);
        assertThat(mission.status().connected()).isFalse();
        assertThat(mission.status().outbound()).isEqualTo(1);
        assertThat(inbound()).isZero();
        assertThat(hq.status().connected()).isFalse();
    }

    @Test
    void aMissingCertificateLeavesTheMissionWorkingOffline() throws Exception {
        TestLink link = missionLink();
        link.hqCertificate = folder.resolve("nowhere.pem").toString();
        startMission(link);
        LinkStatus status = mission.status();
        assertThat(status.enabled()).isTrue();
        assertThat(status.connected()).isFalse();
        assertThat(status.lastError()).contains("nowhere.pem");
        assertThat(status.lastErrorAt()).isNotNull();
        assertThat(mission.service(ConnectionFactory.class, "hq")).isNull();
        assertThat(mission.service(ConnectionFactory.class, "local")).isNotNull();
        assertThat(mission.broker.server().getClusterManager().getBridges()).isEmpty();
        try (TestBroker.TcpSession local = mission.openTcp()) {
            local.send(SyncQueues.OUTBOUND, "kept for later", "later-1");
        }
        assertThat(mission.status().outbound()).isEqualTo(1);
    }

    @Test
    void anotherServersCertificateIsNotTrusted() throws Exception {
        HqKeyStore impostor = HqKeyStore.loadOrCreate(folder.resolve("impostor"), LinkSettings.HostPort.parse("127.0.0.1:1", "test"));
        TestLink link = missionLink();
        Files.writeString(Path.of(link.hqCertificate), impostor.pem());
        startMission(link);
        try (TestBroker.TcpSession local = mission.openTcp()) {
            local.send(SyncQueues.OUTBOUND, "not to an impostor", "imp-1");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(mission.status().lastError()).contains("TLS handshake failed"));
        assertThat(mission.status().connected()).isFalse();
        assertThat(inbound()).isZero();
    }
}
