package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.diwan.api.sync.Enrolment;
import org.diwan.api.sync.LinkStatus;
import org.diwan.api.sync.MissionLinks;
import org.diwan.api.sync.SyncQueues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Headquarters with its link open, and CORE clients on the link port doing what missions may and may not do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HqLinkTest {

    private Path folder;
    private TestBroker hq;
    private MissionLinks links;
    private int linkPort;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        this.folder = folder;
        linkPort = TestBroker.freePort();
        hq = new TestBroker(folder.resolve("hq"), TestBroker.freePort(), TestLink.hq(linkPort));
        links = hq.service(MissionLinks.class, null);
    }

    @AfterAll
    void stop() {
        if (hq != null) {
            hq.close();
        }
    }

    /** The key of the one mission node these tests play. */
    private static final String NODE_KEY = PrivateFiles.newSecret();

    private TestBroker.TcpSession asMission(Enrolment enrolment) throws Exception {
        return LinkClients.openTls(linkPort, enrolment.hqCertificate(), folder, enrolment.missionCode(),
                MissionCredential.join(enrolment.secret(), NODE_KEY));
    }

    @Test
    void enrolmentHandsOverTheEndpointTheCertificateAndASecretStoredOnlyAsASaltedHash() throws Exception {
        Enrolment enrolment = links.enrol("KBL-1");
        Path linkFolder = hq.folder.resolve("link");

        assertThat(enrolment.missionCode()).isEqualTo("KBL-1");
        assertThat(enrolment.hqEndpoint()).isEqualTo(TestBroker.LOOPBACK + ":" + linkPort);
        assertThat(enrolment.secret()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(enrolment.hqCertificate()).isEqualTo(Files.readString(linkFolder.resolve(HqKeyStore.PEM)));
        assertThat(enrolment.toString()).doesNotContain(enrolment.secret());

        Path accounts = linkFolder.resolve(MissionAccounts.FILE_NAME);
        String stored = Files.readString(accounts, StandardCharsets.US_ASCII);
        assertThat(stored).doesNotContain(enrolment.secret()).containsPattern("(?m)^KBL-1=[0-9a-f]{32}:[0-9a-f]{64}$");
        assertThat(Files.getPosixFilePermissions(accounts)).isEqualTo(PrivateFiles.OWNER_ONLY);
        assertThat(hq.broker.server().locateQueue(SyncQueues.toMission("KBL-1"))).isNotNull();
        assertThat(links.enrolled()).contains("KBL-1");
    }

    @Test
    void refusesCodesThatAreNotMissionCodes() {
        for (String bad : new String[] {"kbl", "K", "KBL_1", "KBL.1", "KBL#", "", "A".repeat(33), "diwan"}) {
            assertThatThrownBy(() -> links.enrol(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(links.revoke("NEVER-ENROLLED")).isFalse();
    }

    @Test
    void listsEnrolledMissionsSorted() {
        links.enrol("ZZ");
        links.enrol("AA");
        List<String> enrolled = links.enrolled();
        assertThat(enrolled).isSorted().contains("AA", "ZZ");
    }

    @Test
    void aMissionsSendsAreStampedWithItsCodeWhateverItClaims() throws Exception {
        Enrolment enrolment = links.enrol("STAMP");
        try (TestBroker.TcpSession mission = asMission(enrolment); ClientProducer producer = mission.session().createProducer(SyncQueues.INBOUND)) {
            ClientMessage message = mission.session().createMessage(true);
            message.getBodyBuffer().writeString("forged");
            message.putStringProperty(SyncQueues.PROPERTY_VALIDATED_USER, "OTHER");
            message.putStringProperty(SyncQueues.PROPERTY_DUPLICATE_ID, "stamp-1");
            producer.send(message);
        }
        try (TestBroker.TcpSession internal = hq.openTcp(); ClientConsumer consumer = internal.session().createConsumer(SyncQueues.INBOUND)) {
            internal.session().start();
            ClientMessage received = consumer.receive(5_000);
            assertThat(received).isNotNull();
            received.acknowledge();
            assertThat(received.getBodyBuffer().readString()).isEqualTo("forged");
            assertThat(received.getStringProperty(SyncQueues.PROPERTY_VALIDATED_USER)).isEqualTo("STAMP");
        }
    }

    @Test
    void aMissionConsumesAndBrowsesItsOwnQueueOnly() throws Exception {
        Enrolment mine = links.enrol("OWN");
        links.enrol("THEIRS");
        try (TestBroker.TcpSession internal = hq.openTcp()) {
            internal.send(SyncQueues.toMission("OWN"), "for OWN", "own-1");
        }
        try (TestBroker.TcpSession mission = asMission(mine)) {
            try (ClientConsumer browser = mission.session().createConsumer(SyncQueues.toMission("OWN"), true)) {
                mission.session().start();
                assertThat(browser.receive(5_000).getBodyBuffer().readString()).isEqualTo("for OWN");
            }
            assertThat(mission.receiveAll(SyncQueues.toMission("OWN"))).containsExactly("for OWN");
            for (String queue : List.of(SyncQueues.toMission("THEIRS"), SyncQueues.INBOUND, BrokerConfiguration.DEAD_LETTER_QUEUE)) {
                assertThatThrownBy(() -> mission.session().createConsumer(queue).close()).as("consume " + queue)
                        .isInstanceOf(ActiveMQSecurityException.class);
                assertThatThrownBy(() -> mission.session().createConsumer(queue, true).close()).as("browse " + queue)
                        .isInstanceOf(ActiveMQSecurityException.class);
            }
        }
    }

    @Test
    void aMissionSendsNowhereButInboundAndCreatesOrDeletesNothing() throws Exception {
        Enrolment enrolment = links.enrol("LIMITS");
        links.enrol("NEIGHBOUR");
        try (TestBroker.TcpSession mission = asMission(enrolment)) {
            for (String address : List.of(SyncQueues.toMission("NEIGHBOUR"), SyncQueues.toMission("LIMITS"), SyncQueues.OUTBOUND,
                    "diwan.events.missions.created", BrokerConfiguration.DEAD_LETTER_QUEUE, "activemq.management", "diwan.sync.#", "#")) {
                assertThatThrownBy(() -> mission.send(address, "x", null)).as("send to " + address).isInstanceOf(ActiveMQSecurityException.class);
            }
            assertThatThrownBy(() -> mission.createDurableQueue("diwan.sync.mine")).isInstanceOf(ActiveMQSecurityException.class);
            assertThatThrownBy(() -> mission.session().createQueue(QueueConfiguration.of("tmp").setRoutingType(RoutingType.ANYCAST)
                    .setDurable(false).setTemporary(true))).isInstanceOf(ActiveMQSecurityException.class);
            assertThatThrownBy(() -> mission.session().deleteQueue(SyncQueues.INBOUND)).isInstanceOf(ActiveMQSecurityException.class);
            assertThatThrownBy(() -> mission.session().deleteQueue(SyncQueues.toMission("LIMITS"))).isInstanceOf(ActiveMQSecurityException.class);
        }
        ActiveMQServer server = hq.broker.server();
        assertThat(server.locateQueue("diwan.sync.mine")).isNull();
        assertThat(server.locateQueue(SyncQueues.INBOUND)).isNotNull();
        assertThat(server.locateQueue(SyncQueues.toMission("NEIGHBOUR")).getMessageCount()).isZero();
    }

    @Test
    void refusesWrongSecretsUnknownMissionsAndTheInternalUserOnTheLink() throws Exception {
        Enrolment enrolment = links.enrol("LOGIN");
        String pem = enrolment.hqCertificate();
        assertThatThrownBy(() -> LinkClients.openTls(linkPort, pem, folder, "LOGIN", enrolment.secret().substring(1) + "A").close())
                .isInstanceOf(ActiveMQSecurityException.class);
        assertThatThrownBy(() -> LinkClients.openTls(linkPort, pem, folder, "UNKNOWN", enrolment.secret()).close())
                .isInstanceOf(ActiveMQSecurityException.class);
        assertThatThrownBy(() -> LinkClients.openTls(linkPort, pem, folder, BrokerCredentials.USER, hq.password()).close())
                .isInstanceOf(ActiveMQSecurityException.class);
        // and a mission never logs in on the node's own loopback acceptor
        assertThatThrownBy(() -> hq.openTcp("LOGIN", enrolment.secret()).close()).isInstanceOf(ActiveMQSecurityException.class);
        try (TestBroker.TcpSession accepted = asMission(enrolment)) {
            assertThat(accepted.session().isClosed()).isFalse();
        }
    }

    @Test
    void theRightSecretFromAnotherNodeIsRefusedWithAnAlarmThatEnrollingAgainEnds() throws Exception {
        Enrolment enrolment = links.enrol("LEAK");
        String pem = enrolment.hqCertificate();
        try (TestBroker.TcpSession own = asMission(enrolment)) {
            assertThat(own.session().isClosed()).isFalse();
        }
        String impostorKey = PrivateFiles.newSecret();
        assertThatThrownBy(() -> LinkClients.openTls(linkPort, pem, folder, "LEAK", MissionCredential.join(enrolment.secret(), impostorKey))
                .close()).isInstanceOf(ActiveMQSecurityException.class);
        assertThatThrownBy(() -> LinkClients.openTls(linkPort, pem, folder, "LEAK", enrolment.secret()).close())
                .isInstanceOf(ActiveMQSecurityException.class);
        LinkStatus.MissionLink leak = hq.status().missions().stream().filter(m -> m.missionCode().equals("LEAK")).findFirst()
                .orElseThrow();
        assertThat(leak.alarm()).isEqualTo(LinkAlarms.NO_NODE_KEY);
        assertThat(leak.alarmFrom()).contains("127.0.0.1");
        assertThat(leak.alarmAt()).isNotNull();
        // the mission's own node still gets in
        asMission(enrolment).close();

        Enrolment again = links.enrol("LEAK");
        assertThat(hq.status().missions().stream().filter(m -> m.missionCode().equals("LEAK")).findFirst().orElseThrow().alarm())
                .isEmpty();
        try (TestBroker.TcpSession rebound = LinkClients.openTls(linkPort, pem, folder, "LEAK", MissionCredential.join(again.secret(),
                impostorKey))) {
            assertThat(rebound.session().isClosed()).as("a new secret binds to whichever node logs in first").isFalse();
        }
        assertThatThrownBy(() -> asMission(again).close()).isInstanceOf(ActiveMQSecurityException.class);
        assertThat(hq.status().missions().stream().filter(m -> m.missionCode().equals("LEAK")).findFirst().orElseThrow().alarm())
                .isEqualTo(LinkAlarms.OTHER_NODE);
    }

    /** A start of a node with {@code key}: the password a mission node makes, with the start's instance id. */
    private TestBroker.TcpSession asStart(Enrolment enrolment, String key, String instance) throws Exception {
        return LinkClients.openTls(linkPort, enrolment.hqCertificate(), folder, enrolment.missionCode(),
                MissionCredential.join(enrolment.secret(), key, instance));
    }

    private String alarmOf(String mission) {
        return hq.status().missions().stream().filter(m -> m.missionCode().equals(mission)).findFirst().orElseThrow().alarm();
    }

    @Test
    void aRestartedNodeTakesItsLinkOverAndTheEarlierStartsConnectionIsClosedWithoutAnAlarm() throws Exception {
        Enrolment enrolment = links.enrol("RESTART");
        String key = PrivateFiles.newSecret();
        try (TestBroker.TcpSession before = asStart(enrolment, key, MissionCredential.newInstance())) {
            // as after a crash: the earlier start's connection is still open at headquarters when the new start logs in
            try (TestBroker.TcpSession after = asStart(enrolment, key, MissionCredential.newInstance())) {
                await().atMost(Duration.ofSeconds(10)).until(() -> before.session().isClosed());
                assertThat(after.session().isClosed()).isFalse();
                after.session().createConsumer(SyncQueues.toMission("RESTART")).close();
            }
        }
        assertThat(alarmOf("RESTART")).isEmpty();
    }

    @Test
    void aSecondRunningCopyOfTheNodeIsRefusedWithAnAlarmOnceTheOtherHoldsTheLink() throws Exception {
        Enrolment enrolment = links.enrol("COPY");
        String key = PrivateFiles.newSecret();
        String copy = MissionCredential.newInstance();
        try (TestBroker.TcpSession copied = asStart(enrolment, key, copy);
             TestBroker.TcpSession real = asStart(enrolment, key, MissionCredential.newInstance())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> copied.session().isClosed());
            // the copy is still running and logs in again, as its bridge does: no restart reuses an instance id
            assertThatThrownBy(() -> asStart(enrolment, key, copy).close()).isInstanceOf(ActiveMQSecurityException.class);
            assertThat(alarmOf("COPY")).isEqualTo(LinkAlarms.TWO_NODES);
            assertThat(hq.status().missions().stream().filter(m -> m.missionCode().equals("COPY")).findFirst().orElseThrow().alarmFrom())
                    .contains("127.0.0.1");
            assertThat(real.session().isClosed()).as("the start holding the link keeps it").isFalse();
            real.session().createConsumer(SyncQueues.toMission("COPY")).close();
        }
        // the answer: enrol again and give the new secret to the real node; the alarm ends and the copy's key may log in anew
        Enrolment again = links.enrol("COPY");
        assertThat(alarmOf("COPY")).isEmpty();
        asStart(again, key, copy).close();
    }

    @Test
    void plainTcpClientsCannotTalkToTheLinkPort() throws Exception {
        assertThatThrownBy(() -> LinkClients.openPlain(linkPort, BrokerCredentials.USER, hq.password()).close())
                .isInstanceOf(ActiveMQException.class);
        // On the wire: what a plain CORE client sends first gets no answer, and the connection is closed.
        try (Socket socket = new Socket(TestBroker.LOOPBACK, linkPort)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("ARTEMIS".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            int answer;
            try {
                answer = socket.getInputStream().read();
            } catch (SocketException reset) {
                answer = -1;
            }
            assertThat(answer).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(11));
        }
    }

    @Test
    void revocationDisconnectsTheMissionAndRefusesItsNextLogin() throws Exception {
        Enrolment enrolment = links.enrol("GONE");
        try (TestBroker.TcpSession mission = asMission(enrolment)) {
            assertThat(links.revoke("GONE")).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> mission.session().isClosed());
        }
        assertThat(links.enrolled()).doesNotContain("GONE");
        assertThatThrownBy(() -> asMission(enrolment).close()).isInstanceOf(ActiveMQSecurityException.class);
        assertThat(hq.broker.server().locateQueue(SyncQueues.toMission("GONE"))).as("the queue is kept").isNotNull();
    }

    @Test
    void reEnrolmentReplacesTheSecret() throws Exception {
        Enrolment first = links.enrol("AGAIN");
        Enrolment second = links.enrol("AGAIN");
        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThatThrownBy(() -> asMission(first).close()).isInstanceOf(ActiveMQSecurityException.class);
        asMission(second).close();
    }

    @Test
    void keepsTheNodesOwnAcceptorsAsTheyWereAndAddsOnlyATlsLink() throws Exception {
        ActiveMQServer server = hq.broker.server();
        assertThat(server.getRemotingService().getAcceptors())
                .containsOnlyKeys(BrokerConfiguration.TCP_ACCEPTOR, BrokerConfiguration.VM_ACCEPTOR, HqLink.LINK_ACCEPTOR);
        assertThat(server.getRemotingService().getProtocolFactoryMap()).containsOnlyKeys("CORE");
        Acceptor link = server.getRemotingService().getAcceptor(HqLink.LINK_ACCEPTOR);
        Map<String, Object> params = link.getConfiguration();
        assertThat(params).containsEntry("protocols", "CORE").containsEntry("sslEnabled", true).containsEntry("keyStoreType", "PKCS12")
                .containsEntry("enabledProtocols", "TLSv1.3,TLSv1.2").containsEntry("host", TestBroker.LOOPBACK);
        assertThat(link.getActualPort()).isEqualTo(linkPort);
        Acceptor local = server.getRemotingService().getAcceptor(BrokerConfiguration.TCP_ACCEPTOR);
        assertThat(local.getConfiguration()).doesNotContainKey("sslEnabled").containsEntry("host", TestBroker.LOOPBACK);
        assertThat(server.getConfiguration().isPopulateValidatedUser()).isTrue();
        try (TestBroker.TcpSession internal = hq.openTcp()) {
            internal.send("diwan.test.local", "still plain CORE on loopback", null);
        }
    }

    @Test
    void monitorReportsConnectedMissionsAndWhatWaitsForThem() throws Exception {
        Enrolment enrolment = links.enrol("WATCHED");
        try (TestBroker.TcpSession internal = hq.openTcp()) {
            internal.send(SyncQueues.toMission("WATCHED"), "one", null);
            internal.send(SyncQueues.toMission("WATCHED"), "two", null);
        }
        try (TestBroker.TcpSession mission = asMission(enrolment)) {
            LinkStatus status = hq.status();
            assertThat(status.role()).isEqualTo("hq");
            assertThat(status.enabled()).isTrue();
            assertThat(status.endpoint()).isEqualTo(TestBroker.LOOPBACK + ":" + linkPort);
            assertThat(status.connected()).isTrue();
            LinkStatus.MissionLink watched = status.missions().stream().filter(m -> m.missionCode().equals("WATCHED")).findFirst().orElseThrow();
            assertThat(watched.connected()).isTrue();
            assertThat(watched.waiting()).isEqualTo(2);
            assertThat(watched.lastSeen()).isNotNull();
            assertThat(status.outbound()).isGreaterThanOrEqualTo(2);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            LinkStatus.MissionLink after = hq.status().missions().stream().filter(m -> m.missionCode().equals("WATCHED")).findFirst().orElseThrow();
            assertThat(after.connected()).isFalse();
            assertThat(after.lastSeen()).isNotNull();
        });
    }
}
