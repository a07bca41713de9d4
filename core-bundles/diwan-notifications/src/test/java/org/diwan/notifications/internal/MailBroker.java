package org.diwan.notifications.internal;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.security.auth.Subject;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;

/** A real, persistent in-VM Artemis broker with duplicate detection on, as the node's; any named login is accepted. */
final class MailBroker implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger(300);

    private final EmbeddedActiveMQ broker;
    private final String url;

    MailBroker(Path folder) throws Exception {
        int id = IDS.incrementAndGet();
        url = "vm://" + id;
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("mail-test-" + id);
        config.setPersistenceEnabled(true);
        config.setJournalType(JournalType.NIO);
        config.setJournalDirectory(folder.resolve("journal").toString());
        config.setBindingsDirectory(folder.resolve("bindings").toString());
        config.setPagingDirectory(folder.resolve("paging").toString());
        config.setLargeMessagesDirectory(folder.resolve("large").toString());
        config.setSecurityEnabled(true);
        config.setPersistIDCache(true);
        config.addAcceptorConfiguration("in-vm", url);
        broker = new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(new AnyLogin());
        broker.start();
    }

    ConnectionFactory factory() {
        return new ActiveMQConnectionFactory(url, "diwan", "secret");
    }

    long count(String queue) throws Exception {
        var binding = broker.getActiveMQServer().locateQueue(queue);
        return binding == null ? 0 : binding.getMessageCount();
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }

    private static final class AnyLogin implements ActiveMQSecurityManager5 {
        @Override
        public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
            if (user == null) {
                return null;
            }
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(new RolePrincipal("all"));
            return subject;
        }

        @Override
        public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
            return subject != null;
        }

        @Override
        public boolean validateUser(String user, String password) {
            return user != null;
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return user != null;
        }
    }
}
