package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Camel's tracer as the runtime sets it up: secrets masked, narrowed to routes and switched while routes run. */
class RouteTracingTest {

    private static final String TOKEN = "T0ken-s3cr3t-4711";
    private static final String BEARER = "Bearer eyJhbGciOi-abc";
    private static final String COOKIE = "JSESSIONID=node0sessionvalue";

    @TempDir
    Path deploy;

    private CamelRuntime runtime;
    private RouteFiles files;
    private ProducerTemplate producer;

    @BeforeEach
    void startCamel() throws Exception {
        RouteSettings settings = new RouteSettings(Map.of("partner.api.token", TOKEN));
        // tracing on, as "tracing = true" in org.diwan.integration
        runtime = new CamelRuntime(new SimpleRegistry(), getClass().getClassLoader(), Duration.ofSeconds(2), true, null,
                settings);
        files = new RouteFiles(runtime.context(), settings);
        producer = runtime.context().createProducerTemplate();
        files.load(write("traced.camel.yaml", route("traced")));
        files.load(write("quiet.camel.yaml", route("quiet")));
    }

    @AfterEach
    void stopCamel() {
        runtime.close();
    }

    @Test
    void masksSettingValuesAndSecretHeadersInEveryTraceLine() {
        List<String> lines = stderrOf(() -> producer.sendBody("direct:traced", "hello"));

        List<String> trace = lines.stream().filter(line -> line.contains("[traced")).toList();
        // the tracer did write the steps, headers included
        assertThat(trace).hasSizeGreaterThanOrEqualTo(4);
        assertThat(String.join("\n", trace)).contains("X-Partner", "Authorization", "Cookie", "{{partner.api.token}}",
                MaskingExchangeFormatter.MASK);
        assertThat(lines).noneMatch(line -> line.contains(TOKEN) || line.contains("s3cr3t"))
                .noneMatch(line -> line.contains("eyJhbGciOi"))
                .noneMatch(line -> line.contains("node0sessionvalue"));
    }

    @Test
    void tracesOnlyTheNamedRoutesAndSwitchesWithoutRestartingThem() {
        Route quiet = runtime.context().getRoute("quiet");
        Route traced = runtime.context().getRoute("traced");

        runtime.trace(true, List.of("traced"));
        List<String> narrowed = stderrOf(() -> {
            producer.sendBody("direct:traced", "one");
            producer.sendBody("direct:quiet", "two");
        });
        runtime.trace(false, List.of());
        List<String> off = stderrOf(() -> producer.sendBody("direct:traced", "three"));

        assertThat(narrowed).anyMatch(line -> line.contains("[traced"));
        assertThat(narrowed).noneMatch(line -> line.contains("[quiet"));
        assertThat(off).noneMatch(line -> line.contains("org.apache.camel.Tracing") || line.contains("[traced"));
        assertThat(runtime.context().getRoute("quiet")).isSameAs(quiet);
        assertThat(runtime.context().getRoute("traced")).isSameAs(traced);
    }

    @Test
    void tracesOnlyTheMarkedMessageWhenAskedAndSwitchesBackWithoutRestart() {
        Route traced = runtime.context().getRoute("traced");

        runtime.trace(true, List.of(), true);
        List<String> marked = stderrOf(() -> {
            producer.sendBodyAndHeader("direct:traced", "unmarked-4711", RouteTracer.MARK_HEADER, "false");
            producer.sendBody("direct:quiet", "unmarked-4712");
            producer.sendBodyAndHeader("direct:traced", "marked-4713", RouteTracer.MARK_HEADER, "case 12");
        });
        runtime.trace(true, List.of(), false);
        List<String> all = stderrOf(() -> producer.sendBody("direct:quiet", "unmarked-4714"));

        assertThat(marked).anyMatch(line -> line.contains("marked-4713"));
        assertThat(marked).noneMatch(line -> line.contains("unmarked-4711") || line.contains("unmarked-4712"));
        assertThat(all).anyMatch(line -> line.contains("unmarked-4714") && line.contains("[quiet"));
        assertThat(runtime.context().getRoute("traced")).isSameAs(traced);
    }

    @Test
    void masksHeadersByNameAndSettingValuesUnderAnyName() {
        assertThat(MaskingExchangeFormatter.secretName("Authorization")).isTrue();
        assertThat(MaskingExchangeFormatter.secretName("Set-Cookie")).isTrue();
        assertThat(MaskingExchangeFormatter.secretName("X-Api-Key")).isTrue();
        assertThat(MaskingExchangeFormatter.secretName("partnerToken")).isTrue();
        assertThat(MaskingExchangeFormatter.secretName("DB_PASSWORD")).isTrue();
        assertThat(MaskingExchangeFormatter.secretName("DiwanBulletinId")).isFalse();
        assertThat(runtime.settings().mask("value " + TOKEN)).isEqualTo("value {{partner.api.token}}");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(deploy.resolve(name), yaml);
    }

    private static String route(String id) {
        return """
                - route:
                    id: %s
                    from:
                      uri: direct:%s
                      steps:
                        - setHeader:
                            name: X-Partner
                            constant: "{{partner.api.token}}"
                        - setHeader:
                            name: Authorization
                            constant: "%s"
                        - setHeader:
                            name: Cookie
                            constant: "%s"
                        - setBody:
                            simple: "${body} {{partner.api.token}}"
                        - to: log:%s?level=DEBUG
                """.formatted(id, id, BEARER, COOKIE, id);
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
