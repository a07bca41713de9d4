package org.diwan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.diwan.api.notification.Notification;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications by mail: who gets one, in the notification's transaction, and the relay to a real broker. */
class NotificationMailTest {

    @TempDir
    Path folder;

    private TestDatabase database;
    private DataSource data;
    private MailOutbox outbox;
    private JdbcNotifications notifications;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder.resolve("db"));
        data = database.migrate("notifications");
        outbox = new MailOutbox(data);
        notifications = new JdbcNotifications(data, new MailUsers(), Clock.systemUTC(),
                new MailComposer(new SourceMessages(), "https://diwan.example.org"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void onlyEnabledUsersWithAnAddressWhoKeptMailOnGetOne() throws Exception {
        for (String user : List.of("laila", "omar", "nour", "gone", "unknown")) {
            notifications.send(new Notification(user, "missions.correspondence.scope", List.of("PAR"), "/diwan/missions"));
        }
        List<MailOutbox.Entry> queued = outbox.oldest(10);
        assertThat(queued).singleElement().satisfies(e -> {
            assertThat(e.mail().to()).isEqualTo("laila@example.org");
            assertThat(e.mail().language().tag()).isEqualTo("ar");
            assertThat(e.mail().html()).contains("dir=\"rtl\"").doesNotContain("<script>");
        });
        // every one of them still has the notification in the inbox
        assertThat(notifications.unread("omar")).isEqualTo(1);
        assertThat(notifications.unread("nour")).isEqualTo(1);
    }

    @Test
    void holdersOfAPermissionGetTheirMailInTheCallersTransactionOrNotAtAll() throws Exception {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            // laila (administrator) and ann hold it with mail on; omar holds it with mail off
            assertThat(notifications.sendToHolders(c, "missions:registry:write", "missions.correspondence.scope", List.of("PAR"), null)).isEqualTo(3);
            assertThat(countOn(c)).isEqualTo(2);
            c.rollback();
        }
        assertThat(outbox.size()).isZero();
        assertThat(notifications.unread("ann")).isZero();

        assertThat(notifications.sendToHolders("missions:registry:write", "missions.correspondence.scope", List.of("PAR"), null)).isEqualTo(3);
        assertThat(outbox.oldest(10)).extracting(e -> e.mail().to()).containsExactlyInAnyOrder("laila@example.org", "ann@example.org");
    }

    @Test
    void withMailOffNothingIsQueued() throws Exception {
        JdbcNotifications withoutMail = new JdbcNotifications(data, new MailUsers(), Clock.systemUTC());
        withoutMail.send(new Notification("laila", "missions.correspondence.scope", List.of("PAR"), null));
        assertThat(outbox.size()).isZero();
        assertThat(withoutMail.unread("laila")).isEqualTo(1);
    }

    @Test
    void aChangeRolledBackSendsNoMail() throws Exception {
        try (MailBroker broker = new MailBroker(folder.resolve("broker"))) {
            try (Connection c = data.getConnection()) {
                c.setAutoCommit(false);
                notifications.send(c, new Notification("laila", "missions.correspondence.scope", List.of("PAR"), null));
                notifications.send(c, new Notification("ann", "missions.correspondence.scope", List.of("PAR"), null));
                assertThat(countOn(c)).isEqualTo(2);
                c.rollback();
            }
            assertThat(outbox.size()).isZero();
            assertThat(new MailRelay(outbox, broker.factory(), 100).relayAll()).isZero();
            assertThat(broker.count(MailRelay.QUEUE)).isZero();
        }
    }

    @Test
    void theRelayHandsEachMailToTheBrokerWithItsHeadersAndEmptiesTheOutbox() throws Exception {
        notifications.send(new Notification("laila", "missions.correspondence.scope", List.of("PAR"), "/diwan/missions"));
        notifications.send(new Notification("jean", "missions.correspondence.scope", List.of("PAR"), "/diwan/missions"));
        try (MailBroker broker = new MailBroker(folder.resolve("broker"))) {
            assertThat(new MailRelay(outbox, broker.factory(), 100).relayAll()).isEqualTo(2);
            assertThat(outbox.size()).isZero();

            List<Message> received = receiveAll(broker.factory());
            assertThat(received).hasSize(2);
            TextMessage arabic = (TextMessage) received.get(0);
            assertThat(arabic.getStringProperty("To")).isEqualTo("laila@example.org");
            assertThat(arabic.getStringProperty("DiwanLanguage")).isEqualTo("ar");
            assertThat(arabic.getStringProperty("Subject")).endsWith(" — ديوان");
            assertThat(arabic.getText()).contains("<html lang=\"ar\" dir=\"rtl\">");
            assertThat(arabic.getStringProperty("DiwanMailText")).startsWith("مرحبًا").contains("https://diwan.example.org/diwan/missions");
            assertThat(received.get(1).getStringProperty("DiwanLanguage")).isEqualTo("fr");
        }
    }

    @Test
    void whileTheBrokerIsAwayMailsWaitInTheOutboxAndGoOnceItIsBack() throws Exception {
        notifications.send(new Notification("ann", "missions.correspondence.scope", List.of("PAR"), null));
        MailRelay refused = new MailRelay(outbox, new AwayBroker(), 100);
        assertThatThrownBy(refused::relayAll).isInstanceOf(JMSException.class);
        assertThat(outbox.size()).isEqualTo(1);

        try (MailBroker broker = new MailBroker(folder.resolve("broker"))) {
            assertThat(new MailRelay(outbox, broker.factory(), 100).relayAll()).isEqualTo(1);
            assertThat(broker.count(MailRelay.QUEUE)).isEqualTo(1);
        }
    }

    @Test
    void aMailSentAgainAfterAStopBetweenCommitAndDeleteReachesTheQueueOnce() throws Exception {
        notifications.send(new Notification("ann", "missions.correspondence.scope", List.of("PAR"), null));
        List<MailOutbox.Entry> before = outbox.oldest(10);
        try (MailBroker broker = new MailBroker(folder.resolve("broker"))) {
            new MailRelay(outbox, broker.factory(), 100).relayAll();
            // the node stopped before its delete: the row is still there, with the same duplicate id
            try (Connection c = data.getConnection(); var s = c.prepareStatement("INSERT INTO notifications.mail_outbox"
                    + " (mail_id, address, language, subject, body_text, body_html, created_at) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                OutgoingMail mail = before.get(0).mail();
                s.setString(1, before.get(0).mailId());
                s.setString(2, mail.to());
                s.setString(3, mail.language().tag());
                s.setString(4, mail.subject());
                s.setString(5, mail.text());
                s.setString(6, mail.html());
                s.executeUpdate();
            }
            new MailRelay(outbox, broker.factory(), 100).relayAll();
            assertThat(outbox.size()).isZero();
            assertThat(broker.count(MailRelay.QUEUE)).isEqualTo(1);
        }
    }

    @Test
    void aBadPublicAddressInTheConfigurationCostsTheLinksNotTheInbox() throws Exception {
        JdbcNotifications configured = new JdbcNotifications(data, new MailUsers(), new SourceMessages(), config(true, "diwan.example.org"));
        configured.send(new Notification("laila", "missions.correspondence.scope", List.of("PAR"), "/diwan/missions"));
        assertThat(configured.unread("laila")).isEqualTo(1);
        assertThat(outbox.oldest(10)).singleElement().satisfies(e -> assertThat(e.mail().text()).doesNotContain("diwan.example.org"));

        new JdbcNotifications(data, new MailUsers(), new SourceMessages(), config(false, "https://diwan.example.org"))
                .send(new Notification("laila", "missions.correspondence.scope", List.of("PAR"), null));
        assertThat(outbox.size()).isEqualTo(1);
    }

    private static NotificationsConfig config(boolean mail, String base) {
        return new NotificationsConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return NotificationsConfig.class;
            }

            @Override
            public boolean mail_enabled() {
                return mail;
            }

            @Override
            public String publicBaseUrl() {
                return base;
            }

            @Override
            public long relayIntervalMs() {
                return 2000;
            }
        };
    }

    private static int countOn(Connection c) throws Exception {
        try (var s = c.prepareStatement("SELECT COUNT(*) FROM notifications.mail_outbox"); var rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<Message> receiveAll(ConnectionFactory factory) throws JMSException {
        List<Message> messages = new ArrayList<>();
        try (jakarta.jms.Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var consumer = session.createConsumer(session.createQueue(MailRelay.QUEUE));
            Message message;
            while ((message = consumer.receive(2_000)) != null) {
                messages.add(message);
            }
        }
        return Collections.unmodifiableList(messages);
    }

    /** A broker that is not there: every connection is refused. */
    private static final class AwayBroker implements ConnectionFactory {
        @Override
        public jakarta.jms.Connection createConnection() throws JMSException {
            throw new JMSException("connection refused");
        }

        @Override
        public jakarta.jms.Connection createConnection(String user, String password) throws JMSException {
            throw new JMSException("connection refused");
        }

        @Override
        public JMSContext createContext() {
            throw new JMSRuntimeException("connection refused");
        }

        @Override
        public JMSContext createContext(String user, String password) {
            throw new JMSRuntimeException("connection refused");
        }

        @Override
        public JMSContext createContext(String user, String password, int mode) {
            throw new JMSRuntimeException("connection refused");
        }

        @Override
        public JMSContext createContext(int mode) {
            throw new JMSRuntimeException("connection refused");
        }
    }
}
