package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker across restarts: journal, credentials file and duplicate-id cache survive. */
class EmbeddedBrokerTest {

    private static final String QUEUE = "diwan.test.restart";

    @TempDir
    Path folder;

    @Test
    void persistentMessageSentOverTcpIsReceivedAfterRestart() throws Exception {
        TestBroker broker = TestBroker.start(folder);
        try {
            try (TestBroker.TcpSession tcp = broker.openTcp()) {
                tcp.createDurableQueue(QUEUE);
                tcp.send(QUEUE, "قبل إعادة التشغيل", null);
            }
            broker = broker.restart();
            try (TestBroker.TcpSession tcp = broker.openTcp()) {
                assertThat(tcp.receiveAll(QUEUE)).containsExactly("قبل إعادة التشغيل");
            }
        } finally {
            broker.close();
        }
    }

    @Test
    void duplicateIdIsStillRecognisedAfterRestart() throws Exception {
        TestBroker broker = TestBroker.start(folder);
        try {
            try (TestBroker.TcpSession tcp = broker.openTcp()) {
                tcp.createDurableQueue(QUEUE);
                tcp.send(QUEUE, "first", "sync-42");
            }
            broker = broker.restart();
            try (TestBroker.TcpSession tcp = broker.openTcp()) {
                tcp.send(QUEUE, "resent after restart", "sync-42");
                assertThat(tcp.receiveAll(QUEUE)).containsExactly("first");
            }
        } finally {
            broker.close();
        }
    }

    @Test
    void credentialsFileIsOwnerOnlyAndReusedOnRestart() throws Exception {
        Path file = folder.resolve(BrokerCredentials.FILE_NAME);
        TestBroker broker = TestBroker.start(folder);
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String first = broker.password();
            assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+");

            broker = broker.restart();
            assertThat(broker.password()).isEqualTo(first);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            try (TestBroker.TcpSession tcp = broker.openTcp(BrokerCredentials.USER, first)) {
                assertThat(tcp.session().isClosed()).isFalse();
            }
        } finally {
            broker.close();
        }
    }

    @Test
    void publishesTheConnectionFactoryOnceActiveAndWithdrawsItOnStop() throws Exception {
        TestBroker broker = TestBroker.start(folder);
        try {
            assertThat(broker.published).isNotNull();
            assertThat(broker.publishedProperties.get(EmbeddedBroker.SERVICE_PROPERTY)).isEqualTo(EmbeddedBroker.SERVICE_VALUE);
            assertThat(broker.broker.server().isActive()).isTrue();
            assertThat(broker.published.toString()).doesNotContain(broker.password());
        } finally {
            broker.close();
        }
        assertThat(broker.withdrawn).isTrue();
        assertThat(broker.broker.server().isStarted()).isFalse();
    }

    @Test
    void journalLivesUnderKarafDataByDefault() {
        MessagingConfig defaults = TestBroker.config(null, 61616);
        assertThat(EmbeddedBroker.journalFolder(defaults, "/opt/diwan/data")).isEqualTo(Path.of("/opt/diwan/data", "artemis"));
        assertThatThrownBy(() -> EmbeddedBroker.journalFolder(defaults, null)).isInstanceOf(IllegalStateException.class);
    }
}
