package org.diwan.integration.internal;

import java.util.Map;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.sjms.SjmsComponent;
import org.apache.camel.component.sjms.SjmsEndpoint;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * Camel's simple JMS component (jakarta JMS, no Spring) on the node's broker, registered as {@code jms} (and
 * {@code sjms}): {@code jms:queue:name}, {@code jms:topic:name}. While the broker's {@code ConnectionFactory} service is
 * absent, no {@code jms:} endpoint can be created, so the route file checks refuse a file that uses one with
 * {@link LocalBroker#ABSENT}; the file is tried again when the service arrives.
 */
// the configurers Camel generated for sjms are found by this name: a subclass does not inherit the annotation
@org.apache.camel.spi.annotations.Component("sjms")
final class LocalJmsComponent extends SjmsComponent {

    private final LocalBroker broker;

    LocalJmsComponent(LocalBroker broker) {
        this.broker = broker;
        setConnectionFactory(broker);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!broker.available()) {
            throw new IllegalStateException(LocalBroker.ABSENT);
        }
        return super.createEndpoint(uri, remaining, parameters);
    }

    @Override
    protected SjmsEndpoint createSjmsEndpoint(String uri, String remaining) {
        return new LocalJmsEndpoint(uri, this, remaining);
    }

    /**
     * Messages arrive on the JMS client's threads, which belong to the messaging bundle and carry its class loader as
     * context class loader. Libraries a route calls look things up there (Angus Mail its providers, Jakarta
     * Activation the mailcap that knows multipart/mixed): the consumer's route runs with Camel's class loader, this
     * bundle's, instead.
     */
    static final class LocalJmsEndpoint extends SjmsEndpoint {

        LocalJmsEndpoint(String uri, LocalJmsComponent component, String remaining) {
            super(uri, component, remaining);
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            ClassLoader classLoader = getCamelContext().getApplicationContextClassLoader();
            return super.createConsumer(classLoader == null ? processor : new WithContextClassLoader(processor, classLoader));
        }
    }

    private static final class WithContextClassLoader extends DelegateAsyncProcessor {

        private final ClassLoader classLoader;

        WithContextClassLoader(Processor processor, ClassLoader classLoader) {
            super(processor);
            this.classLoader = classLoader;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(classLoader);
            try {
                return super.process(exchange, callback);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
