package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route file Diwan ships ({@code camel-routes/}, and any plugin's {@code camel/*.camel.yaml}) passes the rules
 * of {@link RouteRules} as it is, with the settings its comments ask for.
 */
class ShippedRoutesTest {

    private static final Path REPOSITORY = Path.of("../..");

    private CamelRuntime runtime;
    private RouteFiles files;

    @BeforeEach
    void startCamel() {
        RouteSettings settings = new RouteSettings(Map.of(
                "missions.bulletin.website.url", "https://www.example.org/api/bulletins?authMethod=Basic",
                "missions.bulletin.mail.to", "bulletin@lists.example.org",
                "missions.bulletin.mail.from", "Diwan <diwan@example.org>",
                "missions.bulletin.mail.smtp", "smtps://diwan:secret@mail.example.org:465",
                "notifications.mail.from", "ديوان <diwan@example.org>",
                "notifications.mail.smtp", "smtp://mail.example.org:587?username=diwan&password=RAW(se&cret)&mail.smtp.starttls.enable=true",
                "partner.missions.url", "https://partner.example.org/hooks/missions"));
        runtime = new CamelRuntime(new SimpleRegistry(), getClass().getClassLoader(), Duration.ofSeconds(2), false, null,
                settings);
        files = new RouteFiles(runtime.context(), settings);
    }

    @AfterEach
    void stopCamel() {
        runtime.close();
    }

    static List<Path> shippedRouteFiles() throws IOException {
        try (Stream<Path> found = Stream.concat(
                Files.walk(REPOSITORY.resolve("camel-routes")),
                Files.walk(REPOSITORY.resolve("plugins")).filter(path -> path.toString().contains("/camel/")))) {
            List<Path> routes = found.filter(RouteFiles::isRouteFile)
                    .filter(path -> !path.toString().contains("/target/")).sorted().toList();
            // the list itself is checked: a moved folder must not make this test pass on nothing
            assertThat(routes).extracting(path -> path.getFileName().toString())
                    .contains("diwan-heartbeat.camel.yaml", "missions-bulletin-delivery.camel.yaml", "notifications-mail.camel.yaml",
                            "diwan-record-events.camel.yaml");
            return routes;
        }
    }

    @ParameterizedTest
    @MethodSource("shippedRouteFiles")
    void passesTheRules(Path file) throws Exception {
        assertThat(files.validate(file)).isNotEmpty();
        assertThat(runtime.context().getRoutes()).isEmpty();
    }
}
