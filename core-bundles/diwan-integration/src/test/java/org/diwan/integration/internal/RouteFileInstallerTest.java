package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fileinstall side: what Karaf calls, with the deploy folder a temporary one. */
class RouteFileInstallerTest {

    @TempDir
    Path deploy;

    private final SimpleRegistry services = new SimpleRegistry();
    private final List<RouteFileInstaller> installers = new ArrayList<>();
    private CamelRuntime runtime;
    private ModelCamelContext context;

    @BeforeEach
    void startCamel() {
        runtime = new CamelRuntime(services, getClass().getClassLoader(), Duration.ofSeconds(2), false, deploy);
        context = runtime.context();
    }

    @AfterEach
    void stopCamel() {
        installers.forEach(RouteFileInstaller::deactivate);
        runtime.close();
    }

    @Test
    void loadsTheRouteFilesAlreadyInTheDeployFolderWhenActivated() throws IOException {
        // what a restart of this bundle alone looks like: fileinstall will not offer these unchanged files again
        write("one.camel.yaml", directRoute("one"));
        write("two.camel.yaml", directRoute("two"));
        write("notes.yaml", directRoute("notes"));

        activate();

        assertThat(context.getRoutes()).extracting(r -> r.getRouteId()).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void handlesOnlyCamelYamlFiles() {
        RouteFileInstaller installer = activate();

        assertThat(installer.canHandle(deploy.resolve("a.camel.yaml").toFile())).isTrue();
        assertThat(installer.canHandle(deploy.resolve("a.yaml").toFile())).isFalse();
        assertThat(installer.canHandle(deploy.resolve("a.jar").toFile())).isFalse();
    }

    @Test
    void installsUpdatesAndUninstallsAFile() throws IOException {
        RouteFileInstaller installer = activate();
        Path file = write("flow.camel.yaml", directRoute("flow"));

        installer.install(file.toFile());
        assertThat(context.getRoute("flow")).isNotNull();

        installer.update(write("flow.camel.yaml", directRoute("flow-v2")).toFile());
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId()).containsExactly("flow-v2");

        Files.delete(file);
        installer.uninstall(file.toFile());
        assertThat(context.getRoutes()).isEmpty();
    }

    @Test
    void logsARefusedFileAsOneErrorLineAndThrowsNothingAtFileinstall() throws IOException {
        RouteFileInstaller installer = activate();
        Path good = write("good.camel.yaml", directRoute("good"));
        installer.install(good.toFile());
        Path broken = write("broken.camel.yaml", "- route:\n    from: [unclosed\n");

        List<String> lines = stderrOf(() -> installer.install(broken.toFile()));

        assertThat(lines).filteredOn(line -> line.contains("ERROR")).singleElement().asString()
                .contains("broken.camel.yaml").contains("line 2");
        assertThat(lines).noneMatch(line -> line.startsWith("\tat "));
        assertThat(context.getRoute("good")).isNotNull();

        // fixing the file later is an update of an artifact fileinstall already knows
        installer.update(write("broken.camel.yaml", directRoute("fixed")).toFile());
        assertThat(context.getRoute("fixed")).isNotNull();
    }

    @Test
    void takesItsRoutesAwayWhenDeactivated() throws IOException {
        RouteFileInstaller installer = activate();
        installer.install(write("flow.camel.yaml", directRoute("flow")).toFile());

        installer.deactivate();
        installers.remove(installer);

        assertThat(context.getRoutes()).isEmpty();
    }

    @Test
    void reportsTheSameRefusalOnlyOnce() throws IOException {
        RouteFileInstaller installer = activate();
        Path broken = write("broken.camel.yaml", "- route:\n    from: [unclosed\n");

        // at Karaf's start the installer's own scan and fileinstall both offer the file
        List<String> lines = stderrOf(() -> {
            installer.install(broken.toFile());
            installer.install(broken.toFile());
        });

        assertThat(lines).filteredOn(line -> line.contains("ERROR")).hasSize(1);
    }

    @Test
    void triesRefusedFilesAgainWhenABeanArrives() throws IOException {
        RouteFileInstaller installer = activate();
        installer.install(write("clerk.camel.yaml", """
                - route:
                    id: clerk
                    from:
                      uri: direct:clerk
                      steps:
                        - bean:
                            ref: clerk
                            method: toString
                """).toFile());
        assertThat(context.getRoute("clerk")).isNull();

        services.bind("clerk", "a plugin's service");
        runtime.beansAdded();

        await().atMost(Duration.ofSeconds(10)).until(() -> context.getRoute("clerk") != null);
    }

    @Test
    void startsARefusedFileOnceTheRouteIdItWantsIsFree() throws IOException {
        RouteFileInstaller installer = activate();
        Path first = write("first.camel.yaml", directRoute("wanted"));
        Path second = write("second.camel.yaml", directRoute("wanted").replace("direct:wanted", "direct:other"));
        installer.install(first.toFile());
        installer.install(second.toFile());
        assertThat(context.getRoute("wanted").getEndpoint().getEndpointUri()).isEqualTo("direct://wanted");

        Files.delete(first);
        installer.uninstall(first.toFile());

        assertThat(context.getRoute("wanted").getEndpoint().getEndpointUri()).isEqualTo("direct://other");
    }

    private RouteFileInstaller activate() {
        RouteFileInstaller installer = new RouteFileInstaller(runtime);
        installers.add(installer);
        return installer;
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(deploy.resolve(name), yaml);
    }

    private static String directRoute(String id) {
        return """
                - route:
                    id: %s
                    from:
                      uri: direct:%s
                      steps:
                        - log: "${body}"
                """.formatted(id, id);
    }

    /** slf4j-simple writes to whatever System.err is at the time of each line. */
    private static List<String> stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
