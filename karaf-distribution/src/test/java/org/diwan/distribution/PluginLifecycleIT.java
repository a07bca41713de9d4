package org.diwan.distribution;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.diwan.api.plugin.PluginAdmin;
import org.diwan.api.plugin.PluginFeature;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.api.security.Setup;
import org.diwan.api.workflow.Workflows;
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

import org.diwan.itkit.WebClient;

/**
 * The plugin contract at runtime, with the test plugin "notes": installed from the plugins service, it
 * appears in the navigation of those its permission admits and its page enforces that permission; removed,
 * its page and navigation go; reinstalled, its data is still there. The core bundles keep their ids and
 * stay active throughout: nothing is refreshed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginLifecycleIT {

    private static final String FEATURE = "diwan-notes";
    private static final String NOTE = "ملاحظة أولى: ١ < ٢ & \"بالعربية\"";
    private static final Map<String, String> PASSWORDS = Map.of("chief", "olive branches 2026",
            "reader", "paper lanterns glow", "outsider", "desert winds blow", "writer", "ink wells run deep", "approver", "seals of the diwan");

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    @Filter(timeout = 60_000)
    private PluginAdmin plugins;

    @Inject
    private FeaturesService features;

    @Inject
    private Setup setup;

    @Inject
    private Accounts accounts;

    @Inject
    private BundleContext context;

    @Inject
    private Workflows workflows;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(DiwanContainer.options(),
                mavenBundle("org.hamcrest", "hamcrest", "2.1"),
                mavenBundle("org.awaitility", "awaitility", "4.2.2"),
                // WebClient inside the container: the probe holds only this module's test classes
                mavenBundle("org.diwan", "diwan-it-kit", System.getProperty("diwan.version")));
    }

    @Test
    public void installUninstallReinstallKeepsDataAndLeavesCoreUntouched() throws Exception {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> new WebClient(port()).get("/health").statusCode() == 200);
        Map<String, Long> core = coreBundleIds();
        features.addRepository(testRepository());
        assertTrue(plugins.available().contains(new PluginFeature(FEATURE, "Notes (test plugin)", false)));
        createAccounts();

        plugins.install(FEATURE, new Actor("chief", "127.0.0.1"));
        WebClient chief = login("chief");
        await().atMost(Duration.ofSeconds(30)).until(() -> chief.get("/diwan/notes").statusCode() == 200);
        assertTrue(chief.get("/").body().contains("id=\"nav-notes\""));
        chief.get("/diwan/notes/new");
        assertEquals("markup is refused, never stored", 422,
                chief.post("/diwan/notes/new", Map.of("text", "ملاحظة <b>بالعربية</b>"), true).statusCode());
        assertEquals(302, chief.post("/diwan/notes/new", Map.of("text", NOTE), true).statusCode());

        WebClient reader = login("reader");
        assertTrue("reader sees the department", reader.get("/").body().contains("id=\"nav-notes\""));
        assertTrue("note kept and escaped", reader.get("/diwan/notes").body().contains("ملاحظة أولى: ١ &lt; ٢ &amp; &quot;بالعربية&quot;"));
        reader.get("/");
        assertEquals("reading does not allow writing", 403, reader.post("/diwan/notes/new", Map.of("text", "x"), true).statusCode());
        assertEquals("the kit's API serves the notes", 200, reader.get("/api/notes/notes").statusCode());
        assertTrue("and describes them", reader.get("/api/notes/openapi.json").body().contains("/api/notes/notes/{id}"));
        aNoteIsSubmittedAndApprovedThroughItsWorkflow(reader);

        WebClient outsider = login("outsider");
        assertFalse(outsider.get("/").body().contains("id=\"nav-notes\""));
        assertEquals(403, outsider.get("/diwan/notes").statusCode());
        assertEquals(302, new WebClient(port()).get("/diwan/notes").statusCode());

        plugins.uninstall(FEATURE, new Actor("chief", "127.0.0.1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> chief.get("/diwan/notes").statusCode() == 404);
        assertFalse(chief.get("/").body().contains("id=\"nav-notes\""));
        assertFalse(Arrays.stream(context.getBundles()).anyMatch(b -> "org.diwan.testplugin.notes".equals(b.getSymbolicName())));
        assertTrue("a removed plugin's workflows are forgotten", workflows.definition("notes.note").isEmpty());
        assertEquals("core bundles untouched by the uninstall", core, coreBundleIds());

        plugins.install(FEATURE, new Actor("chief", "127.0.0.1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.get("/diwan/notes").statusCode() == 200);
        assertTrue("data survives uninstall and reinstall", reader.get("/diwan/notes").body().contains("ملاحظة أولى"));
        await().atMost(Duration.ofSeconds(30)).until(() -> workflows.definition("notes.note").isPresent());
        assertEquals("core bundles untouched by the installs", core, coreBundleIds());
    }

    /**
     * The notes workflow over HTTP: a writer submits (the approvers are told), a reader may not approve (403), an
     * approver approves (the writer is told), a second approval from the same page is stale (409), and the note's
     * page lists the moves.
     */
    private void aNoteIsSubmittedAndApprovedThroughItsWorkflow(WebClient reader) throws Exception {
        WebClient writer = login("writer");
        writer.get("/diwan/notes/new");
        HttpResponse<String> created = writer.post("/diwan/notes/new", Map.of("text", "ملاحظة للاعتماد"), true);
        assertEquals(302, created.statusCode());
        String note = created.headers().firstValue("Location").orElseThrow().replaceAll("^.*/diwan/notes/([0-9]+).*$", "$1");
        String page = "/diwan/notes/" + note;
        String draft = writer.get(page).body();
        assertTrue("a new note is a draft", draft.contains("id=\"state\">مسودة<"));
        assertTrue("its writer may submit it", draft.contains("id=\"flow-submit\""));
        assertFalse("but not approve it", draft.contains("id=\"flow-approve\""));
        assertEquals(302, writer.post(page + "/submit", Map.of("step", "1"), true).statusCode());

        reader.get(page);
        assertEquals("reading does not allow approving", 403, reader.post(page + "/approve", Map.of("step", "2"), true).statusCode());
        WebClient approver = login("approver");
        assertTrue("approvers are told of a submission", approver.get("/notifications").body().contains("قدّم writer الملاحظة " + note));
        String submitted = approver.get(page).body();
        assertTrue(submitted.contains("id=\"state\">مقدَّمة<"));
        assertTrue(submitted.contains("id=\"flow-reject\""));
        assertEquals(302, approver.post(page + "/approve", Map.of("step", "2"), true).statusCode());
        assertEquals("approving again from the same page is stale", 409,
                approver.post(page + "/approve", Map.of("step", "2"), true).statusCode());

        assertTrue("the writer is told", writer.get("/notifications").body().contains("اعتمد approver ملاحظتك " + note));
        String approved = writer.get(page).body();
        assertTrue(approved.contains("id=\"state\">معتمدة<"));
        String history = approved.substring(approved.indexOf("id=\"history\""));
        assertTrue("the history lists the submission by the writer", history.contains("مقدَّمة</strong> — <bdi>writer</bdi>"));
        assertTrue("and the approval by the approver", history.contains("معتمدة</strong> — <bdi>approver</bdi>"));
        assertFalse("a final state offers no move", approved.contains("id=\"flow-"));
    }

    private void createAccounts() {
        String token = readToken();
        setup.complete(token, "chief", "الرئيس", PASSWORDS.get("chief").toCharArray(), "127.0.0.1");
        Actor chief = new Actor("chief", "127.0.0.1");
        accounts.saveRole("notes-reader", Set.of("notes:note:read"), chief);
        accounts.create("reader", "قارئ", PASSWORDS.get("reader").toCharArray(), Set.of("notes-reader"), chief);
        accounts.create("outsider", "Outsider", PASSWORDS.get("outsider").toCharArray(), Set.of(), chief);
        accounts.saveRole("notes-writer", Set.of("notes:note:read", "notes:note:write"), chief);
        accounts.saveRole("notes-approver", Set.of("notes:note:read", "notes:note:approve"), chief);
        accounts.create("writer", "كاتب", PASSWORDS.get("writer").toCharArray(), Set.of("notes-writer"), chief);
        accounts.create("approver", "معتمِد", PASSWORDS.get("approver").toCharArray(), Set.of("notes-approver"), chief);
    }

    private WebClient login(String user) throws Exception {
        WebClient client = new WebClient(port());
        client.get("/login");
        assertEquals(302, client.post("/login", Map.of("username", user, "password", PASSWORDS.get(user)), true).statusCode());
        HttpResponse<String> home = client.get("/");
        assertEquals(200, home.statusCode());
        return client;
    }

    /** Id and state of every core bundle: a refresh would change the state, a reinstall the id. */
    private Map<String, Long> coreBundleIds() {
        Map<String, Long> ids = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name.startsWith("org.diwan.") && !name.startsWith("org.diwan.testplugin")) {
                assertEquals(name + " active", Bundle.ACTIVE, bundle.getState());
                ids.put(name, bundle.getBundleId());
            }
        }
        assertTrue(ids.containsKey("org.diwan.persistence"));
        return ids;
    }

    private static URI testRepository() throws Exception {
        Path file = Path.of(System.getProperty("karaf.data"), "test-notes-features.xml");
        Files.writeString(file, "<features name=\"diwan-test\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                + "<feature name=\"" + FEATURE + "\" description=\"Notes (test plugin)\" version=\"" + version() + "\">"
                + "<bundle>mvn:org.diwan/diwan-test-plugin/" + System.getProperty("diwan.version") + "</bundle>"
                + "</feature></features>", StandardCharsets.UTF_8);
        return file.toUri();
    }

    private static String version() {
        return System.getProperty("diwan.version").replace("-SNAPSHOT", ".SNAPSHOT");
    }

    private static String readToken() {
        try {
            return Files.readString(Path.of(System.getProperty("karaf.data"), "setup-token")).strip();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int port() {
        return Integer.parseInt(System.getProperty("diwan.http.port"));
    }
}
