package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One broker for the whole class: who may log in, which protocols it speaks, duplicate detection. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunningBrokerTest {

    private TestBroker broker;

    @BeforeAll
    void startBroker(@TempDir Path folder) throws Exception {
        broker = TestBroker.start(folder);
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void refusesTcpLoginWithoutCredentials() {
        assertThatThrownBy(() -> broker.openTcp(null, null).close()).isInstanceOf(ActiveMQSecurityException.class);
        assertThatThrownBy(() -> broker.openTcp("", "").close()).isInstanceOf(ActiveMQSecurityException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "guest, guest",
        "admin, admin",
        "artemis, artemis",
        "ACTIVEMQ.CLUSTER.ADMIN.USER, CHANGE ME!!",
        "diwan, diwan",
    })
    void refusesWellKnownCredentials(String user, String password) {
        assertThatThrownBy(() -> broker.openTcp(user, password).close()).isInstanceOf(ActiveMQSecurityException.class);
    }

    @Test
    void refusesTheInternalUserWithAnotherPassword() throws Exception {
        String almost = broker.password().substring(1) + "x";
        assertThatThrownBy(() -> broker.openTcp(BrokerCredentials.USER, almost).close()).isInstanceOf(ActiveMQSecurityException.class);
    }

    @Test
    void acceptsOnlyCoreOverTcpAndInVm() {
        ActiveMQServer server = broker.broker.server();
        assertThat(server.getRemotingService().getAcceptors()).containsOnlyKeys(BrokerConfiguration.TCP_ACCEPTOR, BrokerConfiguration.VM_ACCEPTOR);
        assertThat(server.getRemotingService().getProtocolFactoryMap()).containsOnlyKeys("CORE");

        Acceptor tcp = server.getRemotingService().getAcceptor(BrokerConfiguration.TCP_ACCEPTOR);
        assertThat(tcp.isStarted()).isTrue();
        assertThat(tcp.getConfiguration()).containsEntry("protocols", "CORE").containsEntry("host", TestBroker.LOOPBACK);
        assertThat(tcp.getProtocolHandler().getProtocolMap()).containsOnlyKeys("CORE");
        assertThat(tcp.getActualPort()).isEqualTo(broker.port);
    }

    @Test
    void hasNoDiscoveryBroadcastOrManagementExposure() {
        Configuration configuration = broker.broker.server().getConfiguration();
        assertThat(configuration.getBroadcastGroupConfigurations()).isEmpty();
        assertThat(configuration.getDiscoveryGroupConfigurations()).isEmpty();
        assertThat(configuration.getClusterConfigurations()).isEmpty();
        assertThat(configuration.isJMXManagementEnabled()).isFalse();
        assertThat(configuration.isSecurityEnabled()).isTrue();
        assertThat(configuration.isPersistenceEnabled()).isTrue();
        assertThat(configuration.getClusterPassword()).isNotEqualTo("CHANGE ME!!").hasSizeGreaterThanOrEqualTo(32);
        assertThat(configuration.getGlobalMaxSize()).isEqualTo(16L * 1024 * 1024);
        assertThat(configuration.getIDCacheSize()).isEqualTo(BrokerConfiguration.ID_CACHE_SIZE);
        assertThat(configuration.isPersistIDCache()).isTrue();
    }

    @Test
    void closesStompConnectionsOnTheWire() throws Exception {
        assertClosedWithoutAnswer("CONNECT\naccept-version:1.2\nhost:localhost\nlogin:guest\npasscode:guest\n\n\0"
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void closesOpenWireConnectionsOnTheWire() throws Exception {
        // What an OpenWire client sends first: a whole WireFormatInfo frame (size 14, type 1, magic "ActiveMQ",
        // version 12, no properties).
        byte[] wireFormatInfo = {0, 0, 0, 0x0e, 0x01, 'A', 'c', 't', 'i', 'v', 'e', 'M', 'Q', 0, 0, 0, 0x0c, 0};
        assertClosedWithoutAnswer(wireFormatInfo);
    }

    @Test
    void deliversOneMessageForTwoSendsWithTheSameDuplicateId() throws Exception {
        String queue = "diwan.test.duplicates";
        try (TestBroker.TcpSession tcp = broker.openTcp()) {
            tcp.createDurableQueue(queue);
            tcp.send(queue, "once", "event-7");
            tcp.send(queue, "twice", "event-7");
            tcp.send(queue, "another", "event-8");
            assertThat(broker.broker.server().locateQueue(queue).getMessageCount()).isEqualTo(2);
            assertThat(tcp.receiveAll(queue)).containsExactly("once", "another");
        }
    }

    /** Whatever the bytes, a CORE-only acceptor answers nothing and hangs up. */
    private void assertClosedWithoutAnswer(byte[] greeting) throws Exception {
        try (Socket socket = new Socket(TestBroker.LOOPBACK, broker.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(greeting);
            out.flush();
            InputStream in = socket.getInputStream();
            int answer;
            try {
                answer = in.read();
            } catch (SocketException reset) {
                answer = -1;
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the broker kept a non-CORE connection open", stillOpen);
            }
            assertThat(answer).as("first byte of the broker's answer (-1: closed)").isEqualTo(-1);
        }
    }
}
