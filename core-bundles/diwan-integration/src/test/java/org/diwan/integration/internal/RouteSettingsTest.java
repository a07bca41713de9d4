package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code {{name}}} in route files, from the configuration {@code org.diwan.routes}. */
class RouteSettingsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path deploy;

    private final Map<String, Object> configuration = new HashMap<>(Map.of(
            "greeting", "Salam",
            "out", "seda:out",
            // what Config Admin, DS and fileinstall add: not settings
            "service.pid", "org.diwan.routes",
            "component.name", "org.diwan.integration.internal.RouteSettings",
            "felix.fileinstall.filename", "file:/opt/diwan/etc/org.diwan.routes.cfg"));
    private RouteSettings settings;
    private CamelRuntime runtime;
    private RouteFiles files;
    private ConsumerTemplate consumer;

    @BeforeEach
    void startCamel() {
        settings = new RouteSettings(configuration);
        runtime = new CamelRuntime(new SimpleRegistry(), getClass().getClassLoader(), Duration.ofSeconds(2), false,
                deploy, settings);
        files = new RouteFiles(runtime.context(), settings);
        consumer = runtime.context().createConsumerTemplate();
    }

    @AfterEach
    void stopCamel() {
        runtime.close();
    }

    @Test
    void takesEveryKeyOfTheConfigurationButTheFrameworksOwn() {
        assertThat(settings.keys()).containsExactlyInAnyOrder("greeting", "out");
        assertThat(runtime.context().resolvePropertyPlaceholders("{{greeting}}, {{missing:friend}}"))
                .isEqualTo("Salam, friend");
    }

    @Test
    void resolvesPlaceholdersInEndpointsAndExpressions() throws Exception {
        files.load(write("greet.camel.yaml", greetingRoute()));

        assertThat(consumer.receiveBody("seda:out", WAIT.toMillis(), String.class)).isEqualTo("Salam");
    }

    @Test
    void ignoresTheJvmsSystemPropertiesAndTheEnvironment() {
        System.setProperty("diwan.test.only.in.system.properties", "leaked");
        try {
            assertThatThrownBy(() -> runtime.context().resolvePropertyPlaceholders("{{diwan.test.only.in.system.properties}}"))
                    .hasMessageContaining("diwan.test.only.in.system.properties");
            assertThatThrownBy(() -> runtime.context().resolvePropertyPlaceholders("{{PATH}}"))
                    .hasMessageContaining("PATH");
        } finally {
            System.clearProperty("diwan.test.only.in.system.properties");
        }
    }

    @Test
    void refusesAFileWithAMissingPlaceholderInAnEndpointNamingTheKey() throws Exception {
        Path file = write("lost.camel.yaml", """
                - route:
                    id: lost
                    from:
                      uri: direct:lost
                      steps:
                        - to: "{{missions.bulletin.website.url}}"
                """);

        assertThatThrownBy(() -> files.load(file)).isInstanceOf(RouteFileException.class)
                .extracting(e -> ((RouteFileException) e).reason()).asString()
                .startsWith("route 'lost': ")
                .contains("Property with key [missions.bulletin.website.url] not found");
        assertThat(runtime.context().getRoutes()).isEmpty();
    }

    @Test
    void refusesAFileWithAMissingPlaceholderInAnExpression() throws Exception {
        Path file = write("lost.camel.yaml", """
                - route:
                    id: lost
                    from:
                      uri: direct:lost
                      steps:
                        - setBody:
                            constant: "{{missions.bulletin.mail.to}}"
                """);

        assertThatThrownBy(() -> files.load(file)).isInstanceOf(RouteFileException.class)
                .hasMessageContaining("Property with key [missions.bulletin.mail.to] not found");
        assertThat(runtime.context().getRoutes()).isEmpty();
    }

    @Test
    void appliesAChangeToTheFilesDeployedAfterItAndLeavesRunningRoutesAlone() throws Exception {
        Path file = write("greet.camel.yaml", greetingRoute());
        files.load(file);
        assertThat(consumer.receiveBody("seda:out", WAIT.toMillis(), String.class)).isEqualTo("Salam");

        configuration.put("greeting", "Marhaba");
        settings.update(configuration);

        // the running route keeps the value it started with
        drain();
        assertThat(consumer.receiveBody("seda:out", WAIT.toMillis(), String.class)).isEqualTo("Salam");
        // the same file offered again (touched) is loaded again, with the new value
        assertThat(files.load(file)).containsExactly("greet");
        await().atMost(WAIT).until(() -> "Marhaba".equals(consumer.receiveBody("seda:out", 200, String.class)));
    }

    @Test
    void triesARefusedFileAgainWhenTheSettingsChange() throws Exception {
        RouteFileInstaller installer = new RouteFileInstaller(runtime);
        try {
            Path file = write("farewell.camel.yaml", greetingRoute().replace("{{greeting}}", "{{farewell}}"));

            List<String> lines = LocalJmsComponentTest.stderrOf(() -> installer.install(file.toFile()));
            assertThat(lines).filteredOn(line -> line.contains("ERROR")).singleElement().asString()
                    .contains("farewell.camel.yaml refused").contains("[farewell] not found");

            configuration.put("farewell", "Ma'a salama");
            settings.update(configuration);

            await().atMost(WAIT).until(() -> runtime.context().getRoute("greet") != null);
            assertThat(consumer.receiveBody("seda:out", WAIT.toMillis(), String.class)).isEqualTo("Ma'a salama");
        } finally {
            installer.deactivate();
        }
    }

    @Test
    void neverLogsTheValuesEvenInARefusal() throws Exception {
        configuration.put("test.mail.smtp", "smtp://diwan:Pa55-w0rd@127.0.0.1:2525?pasword=RAW(0ther-$ecret)");
        configuration.put("test.api.token", "tok-3f9a7c");
        settings.update(configuration);
        RouteFileInstaller installer = new RouteFileInstaller(runtime);
        try {
            // a misspelt option: Camel's message lists the unknown options with their values
            Path file = write("mail.camel.yaml", """
                    - route:
                        id: mail
                        from:
                          uri: direct:mail
                          steps:
                            - setHeader:
                                name: X-Token
                                constant: "{{test.api.token}}"
                            - to: "{{test.mail.smtp}}"
                    """);

            List<String> lines = LocalJmsComponentTest.stderrOf(() -> installer.install(file.toFile()));

            assertThat(lines).filteredOn(line -> line.contains("ERROR")).singleElement().asString()
                    .contains("mail.camel.yaml refused")
                    .contains("pasword");
            assertThat(String.join("\n", lines))
                    .doesNotContain("Pa55-w0rd").doesNotContain("0ther-$ecret").doesNotContain("tok-3f9a7c");
        } finally {
            installer.deactivate();
        }
    }

    @Test
    void masksWholeValuesAsTheirKeysAndTheSecretPartsOfUris() {
        configuration.put("test.mail.smtp", "smtps://diwan:Pa55-w0rd@mail.example.org:465?password=other-one&debugMode=true");
        settings.update(configuration);

        assertThat(settings.mask("Failed to resolve endpoint: smtps://diwan:Pa55-w0rd@mail.example.org:465?password=other-one&debugMode=true"))
                .isEqualTo("Failed to resolve endpoint: {{test.mail.smtp}}");
        assertThat(settings.mask("Unknown parameters=[{password=other-one}], login diwan:Pa55-w0rd failed, debugMode=true"))
                .isEqualTo("Unknown parameters=[{password=xxxxxx}], login diwan:xxxxxx failed, debugMode=true");
        assertThat(settings.mask("smtp://someone:else@host and ?secretKey=abc")).isEqualTo("smtp://someone:xxxxxx@host and ?secretKey=xxxxxx");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(deploy.resolve(name), yaml);
    }

    private void drain() {
        while (consumer.receiveBodyNoWait("seda:out") != null) {
            // discard
        }
    }

    private static String greetingRoute() {
        return """
                - route:
                    id: greet
                    from:
                      uri: timer:greet
                      parameters:
                        period: 50
                        delay: 0
                      steps:
                        - setBody:
                            constant: "{{greeting}}"
                        - to: "{{out}}"
                """;
    }
}
