package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteFilesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path deploy;

    private CamelRuntime runtime;
    private ModelCamelContext context;
    private RouteFiles files;
    private ConsumerTemplate consumer;

    @BeforeEach
    void startCamel() {
        SimpleRegistry beans = new SimpleRegistry();
        beans.bind("greeter", new Greeter());
        runtime = new CamelRuntime(beans, getClass().getClassLoader(), Duration.ofSeconds(2), false, null);
        context = runtime.context();
        files = new RouteFiles(context);
        consumer = context.createConsumerTemplate();
    }

    @AfterEach
    void stopCamel() {
        runtime.close();
    }

    @Test
    void startsTheRoutesOfANewFile() throws Exception {
        Path file = write("ticks.camel.yaml", timerRoute("ticks", "first"));

        assertThat(files.load(file)).containsExactly("ticks");

        assertThat(consumer.receiveBody("seda:out", WAIT.toMillis(), String.class)).isEqualTo("first");
        assertThat(context.getName()).isEqualTo("diwan");
    }

    @Test
    void replacesTheRoutesOfAChangedFileKeepingTheirId() throws Exception {
        Path file = write("ticks.camel.yaml", timerRoute("ticks", "first"));
        files.load(file);
        assertThat(consumer.receiveBody("seda:out", WAIT.toMillis(), String.class)).isEqualTo("first");

        write("ticks.camel.yaml", timerRoute("ticks", "second"));
        assertThat(files.load(file)).containsExactly("ticks");

        await().atMost(WAIT).until(() -> "second".equals(consumer.receiveBody("seda:out", 200, String.class)));
        assertThat(context.getRoutes()).extracting(Route::getRouteId).containsExactly("ticks");
    }

    @Test
    void removesTheRoutesOfADeletedFile() throws Exception {
        Path file = write("ticks.camel.yaml", timerRoute("ticks", "first"));
        files.load(file);
        Files.delete(file);

        assertThat(files.unload(file)).containsExactly("ticks");

        assertThat(context.getRoute("ticks")).isNull();
        assertThat(context.getRouteDefinition("ticks")).isNull();
        drain();
        assertThat(consumer.receiveBody("seda:out", 300, String.class)).isNull();
        assertThat(files.files()).isEmpty();
    }

    @Test
    void leavesAnUnchangedFileRunningWithoutRestart() throws Exception {
        Path file = write("ticks.camel.yaml", timerRoute("ticks", "first"));
        files.load(file);
        Route before = context.getRoute("ticks");

        files.load(file);

        assertThat(context.getRoute("ticks")).isSameAs(before);
    }

    @Test
    void refusesBrokenYamlNamingTheFileAndKeepsOtherRoutesRunning() throws Exception {
        files.load(write("good.camel.yaml", timerRoute("good", "alive")));
        Route good = context.getRoute("good");

        Path broken = write("broken.camel.yaml", "- route:\n    from: [unclosed\n");

        assertThatThrownBy(() -> files.load(broken))
                .isInstanceOf(RouteFileException.class)
                .hasMessageContaining("broken.camel.yaml");
        assertThat(context.getRoute("good")).isSameAs(good);
        assertRunning("good");
        drain();
        assertThat(consumer.receiveBody("seda:out", WAIT.toMillis(), String.class)).isEqualTo("alive");
        assertThat(files.files()).hasSize(1);
    }

    @Test
    void refusesAnUnknownComponentOnOneLine() throws Exception {
        files.load(write("good.camel.yaml", timerRoute("good", "alive")));
        Path file = write("nosuch.camel.yaml", """
                - route:
                    id: nosuch
                    from:
                      uri: timer:nosuch
                      steps:
                        - to: nosuchcomponent:somewhere
                """);

        assertThatThrownBy(() -> files.load(file))
                .isInstanceOfSatisfying(RouteFileException.class, e -> {
                    assertThat(e.reason()).contains("nosuchcomponent").doesNotContain("\n");
                    assertThat(e.file().getFileName().toString()).isEqualTo("nosuch.camel.yaml");
                });
        assertThat(context.getRoute("nosuch")).isNull();
        assertRunning("good");
    }

    @Test
    void aFailedUpdateLeavesTheFilesPreviousRoutesUntouched() throws Exception {
        Path file = write("ticks.camel.yaml", timerRoute("ticks", "first"));
        files.load(file);
        Route before = context.getRoute("ticks");

        write("ticks.camel.yaml", timerRoute("ticks", "second").replace("seda:out", "nosuchcomponent:out"));

        assertThatThrownBy(() -> files.load(file)).isInstanceOf(RouteFileException.class);
        assertThat(context.getRoute("ticks")).isSameAs(before);
        assertRunning("ticks");
        assertThat(files.routeIds(file)).containsExactly("ticks");
    }

    @Test
    void refusesARouteIdAnotherFileUses() throws Exception {
        Path first = write("first.camel.yaml", timerRoute("shared-id", "from-first"));
        files.load(first);
        Route running = context.getRoute("shared-id");
        Path second = write("second.camel.yaml", timerRoute("shared-id", "from-second"));

        assertThatThrownBy(() -> files.load(second))
                .isInstanceOf(RouteFileException.class)
                .hasMessageContaining("second.camel.yaml")
                .hasMessageContaining("'shared-id' is already used by first.camel.yaml");

        assertThat(context.getRoute("shared-id")).isSameAs(running);
        drain();
        assertThat(consumer.receiveBody("seda:out", WAIT.toMillis(), String.class)).isEqualTo("from-first");
        assertThat(files.routeIds(second)).isEmpty();
    }

    @Test
    void restartsThePreviousRoutesWhenTheNewOnesFailToStart() throws Exception {
        files.load(write("consumer.camel.yaml", """
                - route:
                    id: direct-consumer
                    from:
                      uri: direct:shared
                      steps:
                        - to: seda:sink
                """));
        Path file = write("ticks.camel.yaml", timerRoute("ticks", "first"));
        files.load(file);

        // a second consumer of direct:shared: only Camel's start of the route finds that out
        write("ticks.camel.yaml", """
                - route:
                    id: ticks
                    from:
                      uri: direct:shared
                      steps:
                        - to: seda:out
                """);

        assertThatThrownBy(() -> files.load(file))
                .isInstanceOfSatisfying(RouteFileException.class,
                        e -> assertThat(e.reason()).contains("restarted"));
        assertRunning("ticks");
        assertRunning("direct-consumer");
        drain();
        assertThat(consumer.receiveBody("seda:out", WAIT.toMillis(), String.class)).isEqualTo("first");
    }

    @Test
    void derivesRouteIdsFromTheFileName() throws Exception {
        Path single = write("single-route.camel.yaml", """
                - from:
                    uri: direct:single
                    steps:
                      - to: seda:single
                """);
        Path pair = write("orders-sync.camel.yaml", """
                - from:
                    uri: direct:a
                    steps:
                      - to: seda:a
                - from:
                    uri: direct:b
                    steps:
                      - to: seda:b
                """);

        assertThat(files.load(single)).containsExactly("single-route");
        assertThat(files.load(pair)).containsExactly("orders-sync-1", "orders-sync-2");
        assertRunning("orders-sync-2");
    }

    @Test
    void refusesAFileWithoutRoutesOrWithAMissingBean() throws Exception {
        Path empty = write("empty.camel.yaml", "  \n");
        Path noRoutes = write("no-routes.camel.yaml", "[]\n");
        Path noBean = write("nobean.camel.yaml", """
                - route:
                    id: nobean
                    from:
                      uri: direct:nobean
                      steps:
                        - bean:
                            ref: nobody
                """);

        assertThatThrownBy(() -> files.load(empty)).hasMessageContaining("empty");
        assertThatThrownBy(() -> files.load(noRoutes)).hasMessageContaining("no route");
        assertThatThrownBy(() -> files.load(noBean)).hasMessageContaining("no bean named 'nobody'");
        assertThat(context.getRoutes()).isEmpty();
    }

    @Test
    void callsBeansByName() throws Exception {
        files.load(write("greet.camel.yaml", """
                - route:
                    id: greet
                    from:
                      uri: direct:greet
                      steps:
                        - bean:
                            ref: greeter
                            method: greet
                """));

        assertThat(context.createProducerTemplate().requestBody("direct:greet", "Amina", String.class))
                .isEqualTo("Salam, Amina");
    }

    @Test
    void runsTheShippedHeartbeatExample() throws Exception {
        Path example = Path.of("../../camel-routes/examples/diwan-heartbeat.camel.yaml");
        NotifyBuilder beat = new NotifyBuilder(context).fromRoute("diwan-heartbeat").whenCompleted(1).create();

        assertThat(files.load(example)).containsExactly("diwan-heartbeat");

        assertThat(beat.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(context.getRoute("diwan-heartbeat").getEndpoint().getEndpointUri()).contains("period=60000");
    }

    @Test
    void refusesAFileInAFolderItsGroupMayWrite() throws Exception {
        Path file = write("ticks.camel.yaml", timerRoute("ticks", "first"));
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxrwxr-x"));

        assertThatThrownBy(() -> files.load(file)).isInstanceOfSatisfying(RouteFileException.class,
                e -> assertThat(e.reason()).contains("the folder " + deploy, "writable by its group", "rwxrwxr-x",
                        "chmod go-w " + deploy));
        assertThat(context.getRoute("ticks")).isNull();

        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(files.load(file)).containsExactly("ticks");
    }

    @Test
    void refusesAFileEveryUserMayWriteAndKeepsItsPreviousRoutes() throws Exception {
        Path file = write("ticks.camel.yaml", timerRoute("ticks", "first"));
        files.load(file);
        Route before = context.getRoute("ticks");
        write("ticks.camel.yaml", timerRoute("ticks", "second"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThatThrownBy(() -> files.load(file)).isInstanceOfSatisfying(RouteFileException.class,
                e -> assertThat(e.reason()).contains("the file " + file, "writable by every user", "chmod go-w"));
        assertThat(context.getRoute("ticks")).isSameAs(before);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(files.load(file)).containsExactly("ticks");
        assertThat(context.getRoute("ticks")).isNotSameAs(before);
    }

    @Test
    void handlesOnlyCamelYamlFiles() {
        assertThat(RouteFiles.isRouteFile(Path.of("deploy/x.camel.yaml"))).isTrue();
        assertThat(RouteFiles.isRouteFile(Path.of("deploy/x.yaml"))).isFalse();
        assertThat(RouteFiles.isRouteFile(Path.of("deploy/.camel.yaml"))).isFalse();
        assertThat(RouteFiles.isRouteFile(Path.of("deploy/x.jar"))).isFalse();
    }

    private void assertRunning(String routeId) {
        assertThat(context.getRouteController().getRouteStatus(routeId)).isEqualTo(ServiceStatus.Started);
    }

    /** Empties seda:out, so that what arrives next was sent after this point. */
    private void drain() {
        while (consumer.receiveBodyNoWait("seda:out") != null) {
            // discard
        }
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(deploy.resolve(name), yaml);
    }

    private static String timerRoute(String id, String body) {
        return """
                - route:
                    id: %s
                    from:
                      uri: timer:%s
                      parameters:
                        period: 50
                        delay: 0
                      steps:
                        - setBody:
                            constant: %s
                        - to: seda:out
                """.formatted(id, id, body);
    }

    /** A service of a plugin, as the bean registry hands it to routes. */
    public static final class Greeter {
        public String greet(String name) {
            return "Salam, " + name;
        }
    }
}
