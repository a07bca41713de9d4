package org.diwan.integration.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spi.BeanRepository;
import org.apache.camel.support.DefaultRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one CamelContext, named {@code diwan}. Camel is embedded in this bundle, so the context is handed to the
 * other components of the bundle through this (private) service type and never leaves it.
 */
@Component(service = CamelRuntime.class, immediate = true, configurationPid = CamelRuntime.PID)
@Designate(ocd = IntegrationConfig.class)
public final class CamelRuntime {

    static final String PID = "org.diwan.integration";
    static final String CONTEXT_NAME = "diwan";

    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);

    private final DefaultCamelContext context;
    private final ClassLoader classLoader;
    private final OsgiServiceBeans osgiBeans;
    private final Path deployFolder;
    private final List<Runnable> beanListeners = new CopyOnWriteArrayList<>();

    @Activate
    public CamelRuntime(BundleContext bundleContext, IntegrationConfig config) {
        this(new OsgiServiceBeans(bundleContext), CamelRuntime.class.getClassLoader(),
                Duration.ofSeconds(Math.max(1, config.shutdownTimeoutSeconds())), config.tracing(),
                deployFolder(config.deployFolder()));
    }

    /**
     * @param beans       looked up by name before Camel's own registry (OSGi services in Karaf)
     * @param classLoader Camel's application class loader: the bundle's, which sees every embedded jar's
     *                    {@code META-INF/services} (components, languages, the YAML loader)
     */
    CamelRuntime(BeanRepository beans, ClassLoader classLoader, Duration shutdownTimeout, boolean tracing,
            Path deployFolder) {
        this.classLoader = classLoader;
        this.deployFolder = deployFolder;
        this.osgiBeans = beans instanceof OsgiServiceBeans osgi ? osgi : null;
        if (osgiBeans != null) {
            osgiBeans.whenAdded(this::beansAdded);
            osgiBeans.open();
        }
        // named before it is built: Camel bakes the name into its thread names when it builds the thread pools
        this.context = new DefaultCamelContext(false);
        context.getCamelContextExtension().setName(CONTEXT_NAME);
        // OSGi services first, then the beans Camel binds itself
        context.getCamelContextExtension().setRegistry(new DefaultRegistry(beans));
        context.setApplicationContextClassLoader(classLoader);
        context.getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
        context.getShutdownStrategy().setTimeout(shutdownTimeout.toMillis());
        context.setTracing(tracing);
        // the timer, file and seda threads Camel creates inherit the thread context class loader of the thread that
        // starts them: make it the bundle's, not whichever Karaf thread activated us
        try {
            withContextClassLoader(context::start);
        } catch (RuntimeException e) {
            // DS will not call close() for a component that failed to activate
            if (osgiBeans != null) {
                osgiBeans.close();
            }
            throw e;
        }
        LOG.info("Camel {} runtime '{}' started", context.getVersion(), CONTEXT_NAME);
    }

    ModelCamelContext context() {
        return context;
    }

    /** The folder fileinstall watches for route files, when known (not outside Karaf). */
    Optional<Path> deployFolder() {
        return Optional.ofNullable(deployFolder);
    }

    /** Tells {@code listener} when a bean (an OSGi service with a bean name) may have arrived. */
    void addBeansListener(Runnable listener) {
        beanListeners.add(listener);
    }

    void removeBeansListener(Runnable listener) {
        beanListeners.remove(listener);
    }

    void beansAdded() {
        beanListeners.forEach(Runnable::run);
    }

    @Deactivate
    void close() {
        try {
            withContextClassLoader(context::stop);
            LOG.info("Camel runtime '{}' stopped", CONTEXT_NAME);
        } finally {
            if (osgiBeans != null) {
                osgiBeans.close();
            }
        }
    }

    private static Path deployFolder(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        String base = System.getProperty("karaf.base");
        return base == null ? null : Path.of(base, "deploy");
    }

    private void withContextClassLoader(Runnable work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
