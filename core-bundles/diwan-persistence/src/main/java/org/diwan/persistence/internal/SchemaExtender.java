package org.diwan.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.diwan.api.persistence.Schemas;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the node's database and gives every started bundle that declares a {@value Schemas#HEADER} header
 * its schema: migrations applied, then a {@link DataSource} service registered on the bundle's behalf. The
 * service goes when the bundle stops; the schema and its data stay.
 */
@Component(immediate = true, configurationPid = "org.diwan.persistence", service = {})
@Designate(ocd = PersistenceConfig.class)
public final class SchemaExtender {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    private final DerbyDatabase database;
    private final SchemaMigrator migrator;
    private final BundleTracker<ServiceRegistration<DataSource>> tracker;
    /** Which bundle owns each schema now: a second bundle claiming one is refused. */
    private final Map<String, Long> owners = new HashMap<>();

    @Activate
    public SchemaExtender(BundleContext context, PersistenceConfig config) throws Exception {
        Path location = config.location().isBlank()
                ? Path.of(context.getProperty("karaf.data"), "derby", "diwan")
                : Path.of(config.location());
        this.database = withOwnClassLoader(() -> DerbyDatabase.open(location));
        this.migrator = new SchemaMigrator(database.dataSource());
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public ServiceRegistration<DataSource> addingBundle(Bundle bundle, BundleEvent event) {
                return provideSchema(bundle);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<DataSource> registration) {
                withdrawSchema(bundle, registration);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        database.close();
        DerbyDatabase.shutdownEngine();
    }

    private ServiceRegistration<DataSource> provideSchema(Bundle bundle) {
        String schema = bundle.getHeaders().get(Schemas.HEADER);
        if (schema == null) {
            return null;
        }
        schema = schema.trim();
        if (!Schemas.isValidName(schema)) {
            LOG.error("Bundle {} declares {}: '{}', which is not a valid schema name (2-30 of a-z, 0-9, _): no database for it",
                    bundle.getSymbolicName(), Schemas.HEADER, schema);
            return null;
        }
        if (!claim(schema, bundle)) {
            return null;
        }
        try {
            List<MigrationScript> scripts = readScripts(bundle, schema);
            String name = schema;
            int applied = withOwnClassLoader(() -> migrator.migrate(name, scripts));
            LOG.info("Schema {} of {}: {} migration(s) applied, {} shipped", schema, bundle.getSymbolicName(), applied, scripts.size());
        } catch (Exception e) {
            release(schema, bundle);
            LOG.error("Schema {} of {} could not be migrated; the bundle gets no database until this is fixed: {}",
                    schema, bundle.getSymbolicName(), e.getMessage(), e);
            return null;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Schemas.PROPERTY, schema);
        BundleContext owner = bundle.getBundleContext();
        return owner.registerService(DataSource.class, new SchemaDataSource(database.dataSource(), schema), properties);
    }

    private void withdrawSchema(Bundle bundle, ServiceRegistration<DataSource> registration) {
        Object schema = registration.getReference() == null ? null : registration.getReference().getProperty(Schemas.PROPERTY);
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            LOG.debug("DataSource of {} already unregistered", bundle.getSymbolicName());
        }
        if (schema != null) {
            release(schema.toString(), bundle);
        }
    }

    private synchronized boolean claim(String schema, Bundle bundle) {
        Long owner = owners.putIfAbsent(schema, bundle.getBundleId());
        if (owner != null && owner != bundle.getBundleId()) {
            LOG.error("Bundle {} declares schema {}, which bundle {} already owns: no database for it",
                    bundle.getSymbolicName(), schema, owner);
            return false;
        }
        return true;
    }

    private synchronized void release(String schema, Bundle bundle) {
        owners.remove(schema, bundle.getBundleId());
    }

    static List<MigrationScript> readScripts(Bundle bundle, String schema) throws IOException {
        Enumeration<URL> entries = bundle.findEntries(Schemas.MIGRATIONS + "/" + schema, "*.sql", false);
        List<MigrationScript> scripts = new ArrayList<>();
        for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
            String path = entry.getPath();
            try (InputStream in = entry.openStream()) {
                scripts.add(new MigrationScript(path.substring(path.lastIndexOf('/') + 1),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        scripts.sort(Comparator.comparing(MigrationScript::fileName));
        return scripts;
    }

    @FunctionalInterface
    private interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Derby and Flyway find their drivers and plugins through the thread's context class loader. */
    private static <T, E extends Exception> T withOwnClassLoader(Work<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SchemaExtender.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
