package org.diwan.sync.internal;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.security.auth.Subject;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
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
import org.diwan.api.sync.SyncQueues;

/**
 * One real, persistent Artemis broker standing in for the link: a divert moves what a mission puts on
 * {@link SyncQueues#OUTBOUND} to headquarters' {@link SyncQueues#INBOUND}, as the bridge does between two
 * brokers (the messaging bundle's own tests cover the bridge). Any login is accepted and stamped on its
 * messages, as headquarters' broker stamps a mission's.
 */
final class TestBroker implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger(100);

    private final EmbeddedActiveMQ broker;
    private final String url;

    TestBroker(Path folder, String... missions) throws Exception {
        int id = IDS.incrementAndGet();
        url = "vm://" + id;
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("sync-test-" + id);
        config.setPersistenceEnabled(true);
        config.setJournalType(JournalType.NIO);
        config.setJournalDirectory(folder.resolve("journal").toString());
        config.setBindingsDirectory(folder.resolve("bindings").toString());
        config.setPagingDirectory(folder.resolve("paging").toString());
        config.setLargeMessagesDirectory(folder.resolve("large").toString());
        config.setSecurityEnabled(true);
        config.putSecurityRoles("#", Set.of(new Role("all", true, true, true, true, true, true, true, true, true, true, true, true)));
        config.setPopulateValidatedUser(true);
        config.addAcceptorConfiguration("in-vm", url);
        config.addQueueConfiguration(QueueConfiguration.of(SyncQueues.INBOUND).setRoutingType(RoutingType.ANYCAST));
        for (String mission : missions) {
            config.addQueueConfiguration(QueueConfiguration.of(SyncQueues.toMission(mission)).setRoutingType(RoutingType.ANYCAST));
        }
        config.addDivertConfiguration(new DivertConfiguration().setName("link").setAddress(SyncQueues.OUTBOUND)
                .setForwardingAddress(SyncQueues.INBOUND).setExclusive(true));
        broker = new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(new AnyLogin());
        broker.start();
    }

    ConnectionFactory factory(String user) {
        return new ActiveMQConnectionFactory(url, user, "secret");
    }

    /** Messages the queue has taken since the broker started. */
    long added(String queue) {
        var binding = broker.getActiveMQServer().locateQueue(queue);
        return binding == null ? 0 : binding.getMessagesAdded();
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
