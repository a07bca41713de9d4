package org.diwan.integration.internal;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

/** A broker the relay sees as down until {@link #up()}: every connection it asks for fails meanwhile, and is counted. */
final class SwitchableFactory implements ConnectionFactory {

    private final ConnectionFactory broker;
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean up;

    SwitchableFactory(ConnectionFactory broker, boolean up) {
        this.broker = broker;
        this.up = up;
    }

    void up() {
        up = true;
    }

    int refused() {
        return refused.get();
    }

    private ConnectionFactory broker() throws JMSException {
        if (!up) {
            refused.incrementAndGet();
            throw new JMSException("broker down (test)");
        }
        return broker;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return broker().createConnection();
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return broker().createConnection(userName, password);
    }

    @Override
    public JMSContext createContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        throw new UnsupportedOperationException();
    }
}
