package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;

import org.apache.camel.ServiceStatus;
import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jms:} on a real Artemis broker, feeding {@code http:} to a real HTTP server. */
class LocalJmsComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    private TestBroker broker;
    private TestWebsite website;
    private CamelRuntime runtime;
    private RouteFiles files;

    @BeforeEach
    void start() throws Exception {
        broker = TestBroker.start(folder.resolve("broker"));
        website = new TestWebsite();
        RouteSettings settings = new RouteSettings(Map.of("test.website.url", website.url("/events")));
        runtime = new CamelRuntime(new SimpleRegistry(), getClass().getClassLoader(), Duration.ofSeconds(2), false,
                null, settings);
        files = new RouteFiles(runtime.context(), settings);
    }

    @AfterEach
    void stop() throws Exception {
        runtime.close();
        website.close();
        broker.close();
    }

    @Test
    void postsWhatArrivesOnATopicToAWebsiteWithItsPropertiesAsHeaders() throws Exception {
        runtime.bindConnectionFactory(broker.factory());
        files.load(write("forward.camel.yaml", forwardRoute("jms:topic:diwan.events.test.happened")));

        broker.publishText("diwan.events.test.happened", "<p>نشرة نوفمبر</p>",
                Map.of("DiwanBulletinId", "b-17", "DiwanBulletinTitle", "نشرة شهر نوفمبر", "DiwanNote", "100% done"));

        TestWebsite.Request request = website.next(WAIT);
        assertThat(request).isNotNull();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/events");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("<p>نشرة نوفمبر</p>");
        assertThat(request.header("Content-Type")).isEqualToIgnoringWhitespace("text/html;charset=UTF-8");
        assertThat(request.header("DiwanBulletinId")).isEqualTo("b-17");
        assertThat(request.header("DiwanNote")).isEqualTo("100% done");
        // not question marks: an RFC 8187 value, whose percent-encoded UTF-8 URLDecoder reads back
        assertThat(request.header("DiwanBulletinTitle")).startsWith("UTF-8''%D9%86");
        assertThat(URLDecoder.decode(request.header("DiwanBulletinTitle").substring(7), StandardCharsets.UTF_8))
                .isEqualTo("نشرة شهر نوفمبر");
        // the JMS headers stayed behind
        assertThat(request.headers().keySet()).noneMatch(name -> name.startsWith("jms"));
    }

    @Test
    void sendsToAQueueThroughTheSameComponent() throws Exception {
        runtime.bindConnectionFactory(broker.factory());
        files.load(write("forward.camel.yaml", forwardRoute("jms:queue:diwan.test.inbox")));
        files.load(write("produce.camel.yaml", """
                - route:
                    id: produce
                    from:
                      uri: direct:produce
                      steps:
                        - to: jms:queue:diwan.test.inbox
                """));

        runtime.context().createProducerTemplate().sendBodyAndHeader("direct:produce", "hello", "DiwanBulletinId", "b-1");

        TestWebsite.Request request = website.next(WAIT);
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(request.header("DiwanBulletinId")).isEqualTo("b-1");
    }

    @Test
    void returnsTheMessageToTheBrokerWhenATransactedRouteFails() throws Exception {
        runtime.bindConnectionFactory(broker.factory());
        files.load(write("forward.camel.yaml", forwardRoute("jms:queue:diwan.test.inbox?transacted=true")));
        website.failNext(1);

        broker.sendToQueue("diwan.test.inbox", "once", Map.of("DiwanBulletinId", "b-9"));

        // Camel's default error handler does not retry: the 503 rolls the session back, the broker delivers again
        assertThat(website.next(WAIT).header("DiwanBulletinId")).isEqualTo("b-9");
        assertThat(website.next(WAIT).header("DiwanBulletinId")).isEqualTo("b-9");
        await().atMost(WAIT).until(() -> broker.messagesIn("diwan.test.inbox") == 0);
        assertThat(website.next(Duration.ofMillis(300))).isNull();
    }

    @Test
    void refusesJmsRoutesWhileTheBrokerIsAbsentAndStartsThemWhenItArrives() throws Exception {
        RouteFileInstaller installer = new RouteFileInstaller(runtime);
        try {
            Path file = write("forward.camel.yaml", forwardRoute("jms:topic:diwan.events.test.happened"));

            List<String> lines = stderrOf(() -> installer.install(file.toFile()));

            assertThat(lines).filteredOn(line -> line.contains("ERROR")).singleElement().asString()
                    .contains("forward.camel.yaml refused")
                    .contains("the node's message broker is not available")
                    .contains("(diwan.messaging=local)");
            assertThat(runtime.context().getRoute("forward")).isNull();

            runtime.bindConnectionFactory(broker.factory());

            await().atMost(WAIT).until(() -> runtime.context().getRoute("forward") != null);
            broker.publishText("diwan.events.test.happened", "late", Map.of());
            assertThat(new String(website.next(WAIT).body(), StandardCharsets.UTF_8)).isEqualTo("late");
        } finally {
            installer.deactivate();
        }
    }

    @Test
    void reconnectsToTheBrokerThatReplacesAStoppedOne() throws Exception {
        runtime.bindConnectionFactory(broker.factory());
        files.load(write("forward.camel.yaml",
                forwardRoute("jms:queue:diwan.test.inbox?recoveryInterval=200")));
        broker.sendToQueue("diwan.test.inbox", "before", Map.of());
        assertThat(new String(website.next(WAIT).body(), StandardCharsets.UTF_8)).isEqualTo("before");

        // what a restart of the messaging bundle looks like: the service goes, the broker stops, a new one comes
        runtime.unbindConnectionFactory(broker.factory());
        broker.close();
        broker = TestBroker.start(folder.resolve("broker-2"));
        runtime.bindConnectionFactory(broker.factory());

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            broker.sendToQueue("diwan.test.inbox", "after", Map.of());
            TestWebsite.Request request = website.next(Duration.ofMillis(500));
            assertThat(request).isNotNull();
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("after");
        });
        assertThat(runtime.context().getRouteController().getRouteStatus("forward")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void runsWhatArrivesWithCamelsClassLoaderAsContextClassLoaderNotTheJmsClients() throws Exception {
        // in Karaf the JMS client's threads carry the messaging bundle's class loader, where Angus Mail and Jakarta
        // Activation would not find their providers and mailcap
        ClassLoader camels = new URLClassLoader(new URL[0], getClass().getClassLoader());
        ClassLoader messagingBundles = new URLClassLoader(new URL[0], getClass().getClassLoader());
        SimpleRegistry beans = new SimpleRegistry();
        beans.bind("contextClassLoader", new ContextClassLoaderProbe());
        CamelRuntime own = new CamelRuntime(beans, camels, Duration.ofSeconds(2), false, null, new RouteSettings(Map.of()));
        try {
            own.bindConnectionFactory(deliveringWith(messagingBundles, broker.factory()));
            new RouteFiles(own.context()).load(write("probe.camel.yaml", """
                    - route:
                        id: probe
                        from:
                          uri: jms:queue:diwan.test.probe
                          steps:
                            - bean:
                                ref: contextClassLoader
                                method: current
                            - to: seda:loaders
                    """));

            broker.sendToQueue("diwan.test.probe", "which?", Map.of());

            Object seen = own.context().createConsumerTemplate().receiveBody("seda:loaders", WAIT.toMillis());
            assertThat(seen).isSameAs(camels);
        } finally {
            own.close();
        }
    }

    @Test
    void refusesAJmsUriWithAnUnknownOption() throws Exception {
        runtime.bindConnectionFactory(broker.factory());
        Path file = write("typo.camel.yaml", forwardRoute("jms:topic:diwan.events.test.happened?durableSubscription=x"));

        assertThatThrownBy(() -> files.load(file)).isInstanceOf(RouteFileException.class)
                .hasMessageContaining("durableSubscription");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(folder.resolve(name), yaml);
    }

    private static String forwardRoute(String from) {
        return """
                - route:
                    id: forward
                    from:
                      uri: "%s"
                      steps:
                        - removeHeaders:
                            pattern: "*"
                            excludePattern: "Diwan*"
                        - setHeader:
                            name: Content-Type
                            constant: text/html;charset=UTF-8
                        - setHeader:
                            name: CamelHttpMethod
                            constant: POST
                        - to: "{{test.website.url}}"
                """.formatted(from);
    }

    /**
     * The factory, with every message listener called with {@code classLoader} as context class loader, as the
     * messaging bundle's client threads do in Karaf.
     */
    private static ConnectionFactory deliveringWith(ClassLoader classLoader, ConnectionFactory factory) {
        return wrap(ConnectionFactory.class, factory, classLoader);
    }

    private static <T> T wrap(Class<T> type, T target, ClassLoader classLoader) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("setMessageListener") && args[0] instanceof MessageListener listener) {
                args = new Object[] { (MessageListener) message -> {
                    Thread.currentThread().setContextClassLoader(classLoader);
                    listener.onMessage(message);
                } };
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            for (Class<?> wrapped : List.of(Connection.class, Session.class, MessageConsumer.class)) {
                if (method.getReturnType() == wrapped || (wrapped == MessageConsumer.class
                        && MessageConsumer.class.isAssignableFrom(method.getReturnType()) && result != null)) {
                    return wrap(rawType(wrapped), result, classLoader);
                }
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(LocalJmsComponentTest.class.getClassLoader(), new Class<?>[] { type },
                handler));
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> rawType(Class<?> type) {
        return (Class<T>) type;
    }

    public static final class ContextClassLoaderProbe {
        public ClassLoader current() {
            return Thread.currentThread().getContextClassLoader();
        }
    }

    /** slf4j-simple writes to whatever System.err is at the time of each line. */
    static List<String> stderrOf(Runnable action) {
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
