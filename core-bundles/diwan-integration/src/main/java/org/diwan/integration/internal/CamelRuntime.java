package org.diwan.integration.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spi.BeanRepository;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.support.DefaultRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one CamelContext, named {@code diwan}. Camel is embedded in this bundle, so the context is handed to the
 * other components of the bundle through this (private) service type and never leaves it.
 * <p>
 * Besides the components Camel finds by itself ({@code timer}, {@code http}, {@code smtp}…), the context has
 * {@code jms} on the node's broker ({@link LocalBroker}, bound while the messaging bundle's factory is registered),
 * and resolves {@code {{name}}} placeholders from {@link RouteSettings} alone.
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
    private final RouteSettings settings;
    private final List<Runnable> beanListeners = new CopyOnWriteArrayList<>();
    private final LocalBroker broker = new LocalBroker();
    private final Runnable settingsListener = this::beansAdded;
    private final BeanRepository beans;
    private final RouteTracer tracer;
    private volatile RouteRules rules;

    @Activate
    public CamelRuntime(BundleContext bundleContext, IntegrationConfig config,
            @Reference(name = "settings") RouteSettings settings) {
        this(new OsgiServiceBeans(bundleContext), CamelRuntime.class.getClassLoader(),
                Duration.ofSeconds(Math.max(1, config.shutdownTimeoutSeconds())), config.tracing(),
                deployFolder(config.deployFolder()), settings);
        modified(config);
    }

    /**
     * Tracing, the traced routes, the allowed components and the shutdown timeout apply at once, without restarting
     * any route; the deploy folder is read when the runtime starts.
     */
    @Modified
    void modified(IntegrationConfig config) {
        context.getShutdownStrategy().setTimeout(Duration.ofSeconds(Math.max(1, config.shutdownTimeoutSeconds())).toMillis());
        allowComponents(list(config.routeComponents()));
        trace(config.tracing(), list(config.tracingRoutes()), config.tracingMarkedOnly());
        if (!Objects.equals(deployFolder, deployFolder(config.deployFolder()))) {
            LOG.warn("Camel runtime '{}': the new deploy folder applies when the bundle restarts", CONTEXT_NAME);
        }
    }

    /** A runtime without route settings. */
    CamelRuntime(BeanRepository beans, ClassLoader classLoader, Duration shutdownTimeout, boolean tracing,
            Path deployFolder) {
        this(beans, classLoader, shutdownTimeout, tracing, deployFolder, new RouteSettings(Map.of()));
    }

    /**
     * @param beans       looked up by name before Camel's own registry (OSGi services in Karaf)
     * @param classLoader Camel's application class loader: the bundle's, which sees every embedded jar's
     *                    {@code META-INF/services} (components, languages, the YAML loader)
     * @param settings    the only source of {@code {{name}}} placeholders
     */
    CamelRuntime(BeanRepository beans, ClassLoader classLoader, Duration shutdownTimeout, boolean tracing,
            Path deployFolder, RouteSettings settings) {
        this.classLoader = classLoader;
        this.settings = settings;
        this.deployFolder = deployFolder;
        this.osgiBeans = beans instanceof OsgiServiceBeans osgi ? osgi : null;
        this.beans = beans;
        this.tracer = new RouteTracer(settings::mask);
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
        // on every route, but idle: trace() switches it on and off, and narrows it, while the routes run
        context.setTracer(tracer);
        context.setTracingStandby(true);
        tracer.configure(tracing, List.of());
        usePlaceholdersFrom(settings);
        // the node's broker; "sjms" too, so that Camel's own name for the component does not make one without a broker
        context.addComponent("jms", new LocalJmsComponent(broker));
        context.addComponent("sjms", new LocalJmsComponent(broker));
        // HTTP header values are ASCII: keep a title in Arabic from arriving as question marks
        for (String scheme : List.of("http", "https")) {
            context.getComponent(scheme, HttpComponent.class)
                    .setHttpClientConfigurer(builder -> builder.addRequestInterceptorLast(new NonAsciiHeaders()));
        }
        // only now: the runtime's own components above are made whatever the list says
        allowComponents(RouteRules.DEFAULT_COMPONENTS);
        context.getCamelContextExtension().addContextPlugin(ComponentResolver.class,
                new GuardedComponentResolver(name -> rules.componentAllowed(name)));
        context.setClassResolver(new GuardedClassResolver(context.getClassResolver()));
        // a refused file may have been waiting for a setting
        settings.whenChanged(settingsListener);
        // the timer, file and seda threads Camel creates inherit the thread context class loader of the thread that
        // starts them: make it the bundle's, not whichever Karaf thread activated us
        try {
            withContextClassLoader(context::start);
        } catch (RuntimeException e) {
            // DS will not call close() for a component that failed to activate
            settings.stopTelling(settingsListener);
            if (osgiBeans != null) {
                osgiBeans.close();
            }
            throw e;
        }
        LOG.info("Camel {} runtime '{}' started", context.getVersion(), CONTEXT_NAME);
    }

    /**
     * Route files may use these components, and the beans the bean repository publishes (OSGi services with
     * {@code diwan.bean.name}, never Camel's own registry).
     */
    void allowComponents(List<String> components) {
        rules = new RouteRules(components, name -> beans.lookupByName(name) != null);
        context.getCamelContextExtension().addContextPlugin(RouteRules.class, rules);
    }

    RouteRules rules() {
        return rules;
    }

    /** Switches tracing on or off for {@code routes} (ids or patterns; empty: every route), with no restart. */
    void trace(boolean enabled, List<String> routes) {
        trace(enabled, routes, false);
    }

    /** As {@link #trace(boolean, List)}, for the messages marked with {@link RouteTracer#MARK_HEADER} only if {@code markedOnly}. */
    void trace(boolean enabled, List<String> routes, boolean markedOnly) {
        tracer.configure(enabled, routes, markedOnly);
        LOG.info("Camel runtime '{}': tracing {}{}", CONTEXT_NAME,
                !enabled ? "off" : tracer.routes().isEmpty() ? "on for every route" : "on for routes " + tracer.routes(),
                enabled && markedOnly ? ", messages marked " + RouteTracer.MARK_HEADER + " only" : "");
    }

    ModelCamelContext context() {
        return context;
    }

    RouteSettings settings() {
        return settings;
    }

    /**
     * The messaging bundle's in-VM factory. Optional: without it the runtime runs, and route files that use
     * {@code jms:} are refused until it comes (they are then tried again).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = LocalBroker.FILTER)
    void bindConnectionFactory(ConnectionFactory factory) {
        if (broker.connect(factory)) {
            LOG.info("Camel runtime '{}': jms: endpoints use the node's broker", CONTEXT_NAME);
            beansAdded();
        }
    }

    void unbindConnectionFactory(ConnectionFactory factory) {
        broker.disconnect(factory);
        if (!broker.available()) {
            LOG.info("Camel runtime '{}': the node's broker is gone; jms: routes reconnect when it is back, new jms: "
                    + "route files wait for it", CONTEXT_NAME);
        }
    }

    /** The folder fileinstall watches for route files, when known (not outside Karaf). */
    Optional<Path> deployFolder() {
        return Optional.ofNullable(deployFolder);
    }

    /**
     * Tells {@code listener} when something a refused route file may need has arrived: a bean (an OSGi service with a
     * bean name), the broker, or new route settings.
     */
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
        settings.stopTelling(settingsListener);
        try {
            withContextClassLoader(context::stop);
            LOG.info("Camel runtime '{}' stopped", CONTEXT_NAME);
        } finally {
            if (osgiBeans != null) {
                osgiBeans.close();
            }
        }
    }

    /**
     * {@code {{name}}} comes from {@code org.diwan.routes} only: not from the JVM's system properties or the
     * environment, which Camel would otherwise consult first (the functions {@code {{env:NAME}}} and
     * {@code {{sys:name}}} still read them explicitly).
     */
    private void usePlaceholdersFrom(RouteSettings source) {
        PropertiesComponent properties = (PropertiesComponent) context.getPropertiesComponent();
        properties.setSystemPropertiesMode(PropertiesComponent.SYSTEM_PROPERTIES_MODE_NEVER);
        properties.setEnvironmentVariableMode(PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_NEVER);
        properties.addPropertiesSource(source);
    }

    /** A .cfg file gives a list as one comma-separated value, a .config file as an array: either way, the items. */
    static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).filter(Objects::nonNull)
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).filter(item -> !item.isEmpty())
                .toList();
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
