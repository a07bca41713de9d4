package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a route file may use: every shape that reached a Java class of the file's choosing is refused before any
 * route is created, naming the step; what Diwan ships still loads.
 */
class RouteRulesTest {

    @TempDir
    Path deploy;

    @TempDir
    Path outside;

    private CamelRuntime runtime;
    private ModelCamelContext context;
    private RouteFiles files;

    @BeforeEach
    void startCamel() {
        SimpleRegistry beans = new SimpleRegistry();
        beans.bind("greeter", new RouteFilesTest.Greeter());
        runtime = new CamelRuntime(beans, getClass().getClassLoader(), Duration.ofSeconds(2), false, null);
        context = runtime.context();
        files = new RouteFiles(context);
    }

    @AfterEach
    void stopCamel() {
        runtime.close();
    }

    @Test
    void refusesTheRuntimeTrickAndNeverRunsIt() throws Exception {
        Path marker = outside.resolve("ran");
        Path file = write("evil.camel.yaml", """
                - route:
                    id: evil
                    from:
                      uri: timer:evil
                      parameters:
                        repeatCount: 1
                        delay: 0
                      steps:
                        - setBody:
                            method:
                              beanType: java.lang.Runtime
                              method: getRuntime
                        - setBody:
                            simple: "${body.exec('touch %s')}"
                """.formatted(marker));

        assertThatThrownBy(() -> files.load(file)).isInstanceOfSatisfying(RouteFileException.class,
                e -> assertThat(e.reason()).contains("route 'evil'", "step 'setBody'", "beanType"));

        assertThat(context.getRoutes()).isEmpty();
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a bean step on a class
        "- bean:\n    beanType: java.lang.Runtime\n    method: getRuntime",
        // a bean step whose ref is a class name: Camel falls back to loading the class
        "- bean:\n    ref: java.lang.Runtime\n    method: getRuntime",
        // a published bean, but a chain of calls from it to any class
        "- bean:\n    ref: greeter\n    method: \"getClass().forName('java.lang.Runtime')\"",
        "- setBody:\n    method:\n      ref: greeter\n      method: getClass",
        "- setBody:\n    simple: \"${bean:greeter?method=getClass().getClassLoader()}\"",
        "- setBody:\n    simple: \"${bean:greeter.getClass()}\"",
        "- to: \"bean:greeter?method=getClass\"",
        // bean: endpoint on a class, and the class component
        "- to: bean:java.lang.Runtime?method=getRuntime",
        "- to: class:java.lang.Runtime?method=getRuntime",
        // simple calling classes and methods
        "- setBody:\n    simple: \"${bean:java.lang.Runtime?method=getRuntime}\"",
        "- setBody:\n    simple: \"${bean:type:java.lang.Runtime}\"",
        "- setBody:\n    simple: \"${type:java.lang.Runtime}\"",
        "- setBody:\n    simple: \"${body.getClass().forName('java.lang.Runtime')}\"",
        "- setBody:\n    simple: \"${camelContext.stop()}\"",
        "- setBody:\n    simple: \"${exchange.context.classResolver}\"",
        "- setBody:\n    simple: \"${header.x.getClass()}\"",
        "- setBody:\n    simple: \"${bodyAs(String).getClass()}\"",
        "- setBody:\n    simple: \"${uppercase(${body.toString()})}\"",
        "- setBody:\n    simple: \"$simple{body.class}\"",
        // a simple function hidden in a log message or an endpoint option evaluated at run time
        "- log: \"${bean:java.lang.Runtime?method=getRuntime}\"",
        "- to: \"file:out?fileName=${body.getClass()}\"",
        // #class: and #type: create or pick objects by class
        "- to:\n    uri: log:x\n    parameters:\n      exchangeFormatter: \"#class:java.lang.ProcessBuilder\"",
        "- to:\n    uri: log:x\n    parameters:\n      exchangeFormatter: \"#type:java.lang.Object\"",
        // components Diwan does not offer, also computed
        "- to: exec:touch",
        "- toD: \"exec:${body}\"",
        // languages that run code
        "- setBody:\n    ognl: \"@java.lang.Runtime@getRuntime()\"",
        "- setBody:\n    groovy: \"'touch x'.execute()\"",
        "- setBody:\n    joor: \"Runtime.getRuntime()\"",
        "- setBody:\n    java: \"Runtime.getRuntime()\"",
        "- setBody:\n    language:\n      language: groovy\n      expression: \"'touch x'.execute()\"",
        "- filter:\n    ognl: \"true\"\n    steps:\n      - log: x",
    })
    void refusesEachShapeThatReachesAJavaClass(String step) throws Exception {
        Path file = write("shape.camel.yaml", route("shape", step));

        assertThatThrownBy(() -> files.load(file)).isInstanceOfSatisfying(RouteFileException.class,
                e -> assertThat(e.reason()).doesNotContain("\n").containsAnyOf("route 'shape', ", "(line "));
        assertThat(context.getRoutes()).isEmpty();
    }

    @Test
    void namesTheStepAndWhyInTheReason() throws Exception {
        assertThat(reasonFor("- to: exec:touch")).contains("component 'exec' is not allowed", "routeComponents");
        assertThat(reasonFor("- bean:\n    beanType: java.lang.Runtime")).contains("step 'bean'", "beanType");
        assertThat(reasonFor("- setBody:\n    groovy: \"1\"")).contains("step 'setBody'", "language 'groovy'");
        assertThat(reasonFor("- setBody:\n    simple: \"${type:java.lang.Runtime}\""))
                .contains("step 'setBody'", "${type:java.lang.Runtime}", "Java class");
        assertThat(reasonFor("- setBody:\n    simple: \"${bean:java.lang.Runtime?method=getRuntime}\""))
                .contains("no bean named 'java.lang.Runtime'");
    }

    @Test
    void refusesBeansDeclaredInTheFileBeforeCamelCreatesThem() throws Exception {
        Path marker = outside.resolve("created");
        Path file = write("beans.camel.yaml", """
                - beans:
                    - name: out
                      type: java.io.FileOutputStream
                      constructors:
                        0: "%s"
                - route:
                    id: beans
                    from:
                      uri: direct:beans
                      steps:
                        - log: x
                """.formatted(marker));

        assertThatThrownBy(() -> files.load(file)).hasMessageContaining("'beans' is not supported in a route file");
        assertThat(marker).doesNotExist();
    }

    @Test
    void allowsPublishedBeansTheDocumentedFunctionsAndComponents() throws Exception {
        files.load(write("fine.camel.yaml", route("fine", """
                - setHeader:
                    name: who
                    simple: "${body}"
                - setBody:
                    simple: "${bean:greeter?method=greet(${header.who})} ${header[who]} ${exchangeProperty.CamelTimerCounter} ${date:now:yyyy} ${uppercase(${body})} ${routeId} ${camelContext.uptime.toMinutes()}"
                - setBody:
                    method:
                      ref: greeter
                      method: greet
                - bean:
                    ref: greeter
                    method: greet
                - to: log:fine
                """)));

        assertThat(context.createProducerTemplate().requestBody("direct:fine", "Amina", String.class))
                .startsWith("Salam, Salam, Salam, Amina Amina");
    }

    @Test
    void refusesAComputedEndpointOfAComponentThatIsNotAllowedWhenTheRouteRuns() throws Exception {
        files.load(write("dynamic.camel.yaml", route("dynamic", "- toD: \"${header.target}\"")));
        ProducerTemplate producer = context.createProducerTemplate();

        assertThatThrownBy(() -> producer.sendBodyAndHeader("direct:dynamic", "x", "target",
                "class:java.lang.Runtime?method=getRuntime"))
                .isInstanceOf(CamelExecutionException.class)
                .hasStackTraceContaining("component 'class' is not allowed");
        producer.sendBodyAndHeader("direct:dynamic", "x", "target", "seda:allowed");
        assertThat(context.createConsumerTemplate().receiveBody("seda:allowed", 5000, String.class)).isEqualTo("x");
    }

    @Test
    void neverResolvesClassesThatRunCommandsWhateverAsksForThem() {
        var classes = context.getClassResolver();

        assertThatThrownBy(() -> classes.resolveMandatoryClass("java.lang.Runtime")).hasMessageContaining("may not");
        assertThatThrownBy(() -> classes.resolveClass("java.lang.ProcessBuilder")).hasMessageContaining("may not");
        assertThatThrownBy(() -> classes.resolveClass("javax.script.ScriptEngineManager")).hasMessageContaining("may not");
        assertThatThrownBy(() -> classes.resolveClass("java.net.URLClassLoader")).hasMessageContaining("may not");
        assertThat(classes.resolveClass("java.lang.String")).isEqualTo(String.class);
        assertThat(classes.resolveClass("java.io.IOException")).isEqualTo(IOException.class);
    }

    @Test
    void takesTheComponentsFromTheConfiguration() throws Exception {
        Path file = write("queue.camel.yaml", route("queue", "- to: seda:queue"));
        runtime.allowComponents(List.of("direct", "log"));

        assertThatThrownBy(() -> files.load(file)).hasMessageContaining("component 'seda' is not allowed");

        runtime.allowComponents(List.of("direct", "log", "seda"));

        assertThat(files.load(file)).containsExactly("queue");
        assertThat(runtime.rules().components()).containsExactly("direct", "log", "seda");
        assertThat(RouteRules.DEFAULT_COMPONENTS).contains("timer", "jms", "https", "smtps").doesNotContain("class");
    }

    private String reasonFor(String step) throws IOException {
        Path file = write("reason.camel.yaml", route("reason", step));
        try {
            files.load(file);
        } catch (RouteFileException e) {
            return e.reason();
        }
        throw new AssertionError("not refused: " + step);
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(deploy.resolve(name), yaml);
    }

    private static String route(String id, String steps) {
        return """
                - route:
                    id: %s
                    from:
                      uri: direct:%s
                      steps:
                %s
                """.formatted(id, id, steps.indent(8).stripTrailing());
    }
}
