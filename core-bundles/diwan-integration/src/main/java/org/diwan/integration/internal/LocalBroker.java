package org.diwan.integration.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's broker as the {@code jms} component sees it: a {@link ConnectionFactory} that hands every call to the
 * {@code jakarta.jms.ConnectionFactory} service with {@code diwan.messaging=local} registered at that moment. The
 * messaging bundle withdraws that service before its broker stops and registers a new one once it is active again,
 * so a JMS consumer that lost its connection reconnects (every {@code recoveryInterval}) to whichever broker is there.
 * While there is none, every new connection fails with {@link #ABSENT}.
 * <p>
 * The messaging bundle closes its factory before it stops the broker, which closes the connections made from it
 * without telling their exception listeners: a consumer would sit on a dead connection for good. So when a factory
 * is withdrawn, the connections made from it are told themselves, as the broker's shutdown would have told them, and
 * the consumers start reconnecting.
 */
final class LocalBroker implements ConnectionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBroker.class);

    static final String FILTER = "(diwan.messaging=local)";
    static final String ABSENT = "the node's message broker is not available (no jakarta.jms.ConnectionFactory service "
            + "with " + FILTER + "); the route file is tried again when it is";

    private volatile ConnectionFactory current;
    /** The connections made from each factory, forgotten once collected (a closed connection is simply skipped). */
    private final Map<ConnectionFactory, Set<Connection>> connections = new WeakHashMap<>();

    /** @return whether this is a factory it did not have before */
    synchronized boolean connect(ConnectionFactory factory) {
        ConnectionFactory before = current;
        current = factory;
        return before != factory;
    }

    /** Forgets {@code factory} if it is the current one (a newer one may have been bound first). */
    void disconnect(ConnectionFactory factory) {
        Set<Connection> made;
        synchronized (this) {
            if (current == factory) {
                current = null;
            }
            made = connections.remove(factory);
        }
        if (made != null) {
            List.copyOf(made).forEach(LocalBroker::tellLost);
        }
    }

    /** Calls the connection's exception listener (the JMS consumer's), if it is still open and has one. */
    private static void tellLost(Connection connection) {
        ExceptionListener listener;
        try {
            listener = connection.getExceptionListener();
        } catch (JMSException | RuntimeException closed) {
            return;
        }
        if (listener != null) {
            try {
                listener.onException(new JMSException("the node's message broker is going away"));
            } catch (RuntimeException e) {
                LOG.debug("A JMS connection's exception listener failed", e);
            }
        }
    }

    private Connection made(ConnectionFactory factory, Connection connection) {
        synchronized (this) {
            connections.computeIfAbsent(factory, f -> Collections.newSetFromMap(new WeakHashMap<>())).add(connection);
        }
        return connection;
    }

    boolean available() {
        return current != null;
    }

    private ConnectionFactory factory() throws JMSException {
        ConnectionFactory factory = current;
        if (factory == null) {
            throw new JMSException(ABSENT);
        }
        return factory;
    }

    private ConnectionFactory factoryForContext() {
        ConnectionFactory factory = current;
        if (factory == null) {
            throw new JMSRuntimeException(ABSENT);
        }
        return factory;
    }

    @Override
    public Connection createConnection() throws JMSException {
        ConnectionFactory factory = factory();
        return made(factory, factory.createConnection());
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        ConnectionFactory factory = factory();
        return made(factory, factory.createConnection(userName, password));
    }

    @Override
    public JMSContext createContext() {
        return factoryForContext().createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return factoryForContext().createContext(userName, password);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return factoryForContext().createContext(userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return factoryForContext().createContext(sessionMode);
    }

    @Override
    public String toString() {
        return "the node's broker " + FILTER;
    }
}
