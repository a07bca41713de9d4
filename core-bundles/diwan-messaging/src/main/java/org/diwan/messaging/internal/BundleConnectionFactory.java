package org.diwan.messaging.internal;

import java.util.function.Supplier;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A ConnectionFactory handed to other bundles: the in-VM one of every node and, on a mission, the one to
 * headquarters. It wraps Artemis's own factory so that callers see only the jakarta.jms type (not Artemis's
 * getters, one of which returns the password) and so that connections are made with this bundle's class loader
 * as context class loader: Artemis looks transport factories up there, and the caller's (Camel's) class loader
 * cannot see our embedded Artemis classes.
 */
final class BundleConnectionFactory implements ConnectionFactory {

    @FunctionalInterface
    private interface JmsCall<T> {
        T call() throws JMSException;
    }

    private final ActiveMQConnectionFactory delegate;
    private final ClassLoader classLoader;
    private final String description;

    /** {@code factory} runs with this bundle's class loader, which Artemis needs to parse the URL's transport. */
    BundleConnectionFactory(Supplier<ActiveMQConnectionFactory> factory, String description) {
        this.classLoader = BundleConnectionFactory.class.getClassLoader();
        this.description = description;
        this.delegate = withOwnClassLoaderUnchecked(factory);
    }

    /** In-VM ({@code vm://0}), logged in as the internal user. */
    static BundleConnectionFactory local(BrokerCredentials credentials, String vmUrl) {
        return new BundleConnectionFactory(() -> new ActiveMQConnectionFactory(vmUrl, credentials.user(), credentials.password()),
                "Diwan local broker (" + vmUrl + ")");
    }

    @Override
    public Connection createConnection() throws JMSException {
        return withOwnClassLoader(delegate::createConnection);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return withOwnClassLoader(() -> delegate.createConnection(userName, password));
    }

    @Override
    public JMSContext createContext() {
        return withOwnClassLoaderUnchecked(delegate::createContext);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return withOwnClassLoaderUnchecked(() -> delegate.createContext(userName, password));
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return withOwnClassLoaderUnchecked(() -> delegate.createContext(userName, password, sessionMode));
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return withOwnClassLoaderUnchecked(() -> delegate.createContext(sessionMode));
    }

    /** Closes the factory's server locator; connections already made are closed by the broker's stop. */
    void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return description;
    }

    private <T> T withOwnClassLoader(JmsCall<T> call) throws JMSException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private <T> T withOwnClassLoaderUnchecked(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
