package org.diwan.integration.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.spi.BeanRepository;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Camel beans backed by OSGi services: a service registered with {@code diwan.bean.name=<name>} is the bean
 * {@code <name>} of YAML routes ({@code bean: {ref: <name>}} or {@code to: bean:<name>}). Plugins thus offer their
 * services to routes without importing Camel. When several services carry the same name, the one with the highest
 * ranking (then the oldest) wins, as for any OSGi lookup. Camel's own registry answers the names no service carries.
 */
final class OsgiServiceBeans implements BeanRepository {

    static final String BEAN_NAME = "diwan.bean.name";

    private final ServiceTracker<Object, Object> tracker;
    private volatile Runnable whenAdded = () -> { };

    OsgiServiceBeans(BundleContext bundleContext) {
        try {
            this.tracker = new ServiceTracker<>(bundleContext, bundleContext.createFilter("(" + BEAN_NAME + "=*)"), null) {
                @Override
                public Object addingService(ServiceReference<Object> reference) {
                    Object service = super.addingService(reference);
                    whenAdded.run();
                    return service;
                }

                @Override
                public void modifiedService(ServiceReference<Object> reference, Object service) {
                    whenAdded.run();
                }
            };
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Called on the registering bundle's thread, just before the tracker counts the new service in: the listener
     * must hand its work to a thread of its own.
     */
    void whenAdded(Runnable listener) {
        this.whenAdded = listener;
    }

    void open() {
        // all services, whatever their interface: we never import the plugins' packages, Camel calls them by reflection
        tracker.open(true);
    }

    void close() {
        tracker.close();
    }

    @Override
    public Object lookupByName(String name) {
        return byName().get(name);
    }

    @Override
    public <T> T lookupByNameAndType(String name, Class<T> type) {
        Object bean = lookupByName(name);
        return type.isInstance(bean) ? type.cast(bean) : null;
    }

    @Override
    public <T> Map<String, T> findByTypeWithName(Class<T> type) {
        Map<String, T> found = new LinkedHashMap<>();
        byName().forEach((name, bean) -> {
            if (type.isInstance(bean)) {
                found.put(name, type.cast(bean));
            }
        });
        return found;
    }

    @Override
    public <T> Set<T> findByType(Class<T> type) {
        return new LinkedHashSet<>(findByTypeWithName(type).values());
    }

    /** The best service for each name, best first by OSGi's order (ranking, then service id). */
    private Map<String, Object> byName() {
        Map<String, Object> beans = new LinkedHashMap<>();
        Map<ServiceReference<Object>, Object> tracked = tracker.getTracked();
        tracked.entrySet().stream()
                .sorted(Map.Entry.<ServiceReference<Object>, Object>comparingByKey(Comparator.reverseOrder()))
                .forEach(entry -> {
                    Object name = entry.getKey().getProperty(BEAN_NAME);
                    if (name instanceof String text && !text.isBlank()) {
                        beans.putIfAbsent(text, entry.getValue());
                    }
                });
        return beans;
    }
}
