package org.diwan.distribution;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.BootFinished;
import org.diwan.api.pdf.PdfRenderer;
import org.diwan.api.plugin.DiwanPlugin;
import org.diwan.api.plugin.PermissionDef;
import org.diwan.api.plugin.PluginAdmin;
import org.diwan.api.security.Actor;
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
 * The missions plugin inside the container: its feature installs from the plugins service with the PDF
 * service it needs; it registers its descriptor (read/write/approve per area) and gets its migrated schema;
 * it renders Arabic PDF through the core service; removed and installed again, its rows are still there and
 * no core bundle was refreshed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MissionsContainerIT {

    private static final String FEATURE = "diwan-missions";
    private static final Actor ADMIN = new Actor("system", "127.0.0.1");

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    @Filter(timeout = 60_000)
    private PluginAdmin plugins;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(DiwanContainer.options(),
                mavenBundle("org.hamcrest", "hamcrest", "2.1"),
                mavenBundle("org.awaitility", "awaitility", "4.2.2"));
    }

    @Test
    public void installsWithItsSchemaAndPermissionsAndKeepsItsRowsAcrossReinstall() throws Exception {
        Map<String, Long> core = coreBundleIds();
        plugins.install(FEATURE, ADMIN);
        DiwanPlugin plugin = await().atMost(Duration.ofSeconds(60)).until(() -> service(DiwanPlugin.class, "(diwan.plugin=missions)"), p -> p != null);

        Map<String, List<String>> byArea = plugin.descriptor().permissions().stream().map(PermissionDef::id)
                .collect(Collectors.groupingBy(id -> id.split(":")[1], TreeMap::new, Collectors.mapping(id -> id.split(":")[2], Collectors.toList())));
        assertEquals(List.of("read", "write", "approve"), byArea.get("correspondence"));
        assertEquals(List.of("read", "write", "approve"), byArea.get("monitoring"));
        assertEquals(List.of("read", "write", "approve"), byArea.get("bulletin"));
        assertEquals(List.of("read", "write", "approve"), byArea.get("report"));
        assertEquals(List.of("read", "write"), byArea.get("registry"));
        assertEquals(7, byArea.size());
        assertEquals(7, plugin.descriptor().navigation().size());

        DataSource missions = await().atMost(Duration.ofSeconds(30)).until(() -> service(DataSource.class, "(diwan.schema=missions)"), d -> d != null);
        for (String table : List.of("mission", "correspondence", "correspondence_attachment", "follow_up", "evaluation", "bulletin",
                "bulletin_item", "media_activity", "action_plan", "plan_task", "annual_report")) {
            assertEquals(table + " is empty and queryable", 0, count(missions, "SELECT COUNT(*) FROM " + table));
        }
        try (Connection c = missions.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO mission (id, code, mission_type,"
                + " country, city, name_ar, status, search_key, version, created_at, created_by, updated_at, updated_by, report_every_days)"
                + " VALUES ('00000000-0000-0000-0000-000000000001', 'TUN', 'MISSION', 'TN', 'تونس', 'بعثة تونس', 'ACTIVE', 'بعثه تونس', 1,"
                + " CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test', 30)")) {
            s.executeUpdate();
        }

        PdfRenderer pdf = service(PdfRenderer.class, null);
        assertTrue("the PDF service comes with the plugin", pdf != null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.render("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ar\" dir=\"rtl\"><body><h1>النشرة الشهرية</h1></body></html>", out);
        assertTrue("a PDF", new String(out.toByteArray(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));

        plugins.uninstall(FEATURE, ADMIN);
        await().atMost(Duration.ofSeconds(60)).until(() -> service(DiwanPlugin.class, "(diwan.plugin=missions)") == null);
        plugins.install(FEATURE, ADMIN);
        DataSource again = await().atMost(Duration.ofSeconds(60)).until(() -> service(DataSource.class, "(diwan.schema=missions)"), d -> d != null);
        assertEquals("rows survive uninstall and reinstall", 1, count(again, "SELECT COUNT(*) FROM mission WHERE code = 'TUN'"));
        assertEquals("core bundles untouched", core, coreBundleIds());
    }

    private <T> T service(Class<T> type, String filter) throws Exception {
        Collection<ServiceReference<T>> refs = context.getServiceReferences(type, filter);
        return refs.isEmpty() ? null : context.getService(refs.iterator().next());
    }

    private static int count(DataSource data, String sql) throws Exception {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Map<String, Long> coreBundleIds() {
        Map<String, Long> ids = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name.startsWith("org.diwan.") && !name.equals("org.diwan.missions") && !name.equals("org.diwan.pdf")) {
                assertEquals(name + " active", Bundle.ACTIVE, bundle.getState());
                ids.put(name, bundle.getBundleId());
            }
        }
        assertTrue(ids.containsKey("org.diwan.persistence"));
        return ids;
    }
}
