package org.diwan.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;
import static org.ops4j.pax.tinybundles.TinyBundles.bundle;
import static org.ops4j.pax.tinybundles.TinyBundles.rawBuilder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The schema contract inside the running distribution: a bundle with a {@code Diwan-Schema} header and
 * migrations gets its tables and a DataSource when it starts; stopping it withdraws the DataSource and
 * keeps the data; starting it again finds the data, with the database bundle untouched throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PersistenceIT {

    private static final String OWNER = "org.diwan.test.schema-owner";

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(DiwanContainer.options(), streamBundle(bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName(OWNER)
                .setHeader("Diwan-Schema", "probe")
                .addResource("db/migration/probe/V1__greeting.sql", sql(
                        "CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(100) NOT NULL);"))
                .addResource("db/migration/probe/V2__seed.sql", sql("INSERT INTO greeting VALUES (1, 'السلام عليكم');"))
                .build(rawBuilder())));
    }

    @Test
    public void aStartedBundleGetsItsMigratedSchemaAndKeepsItsDataAcrossRestarts() throws Exception {
        Bundle owner = installed(OWNER);
        Bundle persistence = installed("org.diwan.persistence");
        long persistenceId = persistence.getBundleId();
        assertEquals(Bundle.ACTIVE, persistence.getState());

        DataSource probe = dataSource();
        assertNotNull("the schema owner's DataSource is registered", probe);
        try (Connection c = probe.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO greeting VALUES (2, 'Bonjour')");
        }

        owner.stop();
        assertNull("the DataSource goes with its bundle", dataSource());
        owner.start();

        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT text FROM greeting ORDER BY id")) {
            assertTrue(rs.next());
            assertEquals("السلام عليكم", rs.getString(1));
            assertTrue(rs.next());
            assertEquals("Bonjour", rs.getString(1));
        }
        assertEquals("database bundle untouched", persistenceId, installed("org.diwan.persistence").getBundleId());
        assertEquals(Bundle.ACTIVE, persistence.getState());
    }

    @Test
    public void theDatabaseLivesUnderTheDataFolder() {
        assertTrue(new java.io.File(System.getProperty("karaf.data"), "derby/diwan/service.properties").isFile());
    }

    private DataSource dataSource() throws Exception {
        Collection<ServiceReference<DataSource>> refs = context.getServiceReferences(DataSource.class, "(diwan.schema=probe)");
        return refs.isEmpty() ? null : context.getService(refs.iterator().next());
    }

    private Bundle installed(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    private static ByteArrayInputStream sql(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
