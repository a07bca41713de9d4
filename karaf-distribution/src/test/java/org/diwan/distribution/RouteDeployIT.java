package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * YAML routes in the distribution's deploy/ folder, seen from outside in the node's log: the shipped
 * heartbeat runs; a dropped route runs, is replaced when the file changes and stops when it is removed; a
 * broken file is reported in one line and harms neither the other routes nor the node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteDeployIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private DiwanNode node;
    private Path deploy;

    @BeforeAll
    void start() throws Exception {
        node = DiwanNode.unpack("routes-it").start().awaitHttp();
        deploy = node.home().resolve("deploy");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> node.httpStatus("/health") == 200);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void theShippedHeartbeatRuns() {
        assertThat(deploy.resolve("diwan-heartbeat.camel.yaml")).exists();
        await().atMost(WAIT).until(() -> node.log().contains("Diwan heartbeat #1 from Camel runtime 'diwan'"));
    }

    @Test
    @Order(2)
    void aDroppedRouteRunsIsReplacedAndIsRemoved() throws Exception {
        Path file = deploy.resolve("it-echo.camel.yaml");
        Files.writeString(file, route("it-echo", "echo version one"));
        await().atMost(WAIT).until(() -> node.log().contains("echo version one"));

        Files.writeString(file, route("it-echo", "echo version two"));
        await().atMost(WAIT).until(() -> node.log().contains("echo version two"));
        int ones = count("echo version one");
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> count("echo version one") == ones);

        Files.delete(file);
        await().atMost(WAIT).until(() -> node.log().contains("Routes [it-echo] from it-echo.camel.yaml removed"));
        int twos = count("echo version two");
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> count("echo version two") == twos);
    }

    @Test
    @Order(3)
    void aBrokenFileIsReportedAndHarmsNothing() throws Exception {
        Files.writeString(deploy.resolve("it-keeper.camel.yaml"), route("it-keeper", "keeper beats"));
        await().atMost(WAIT).until(() -> node.log().contains("keeper beats"));

        Files.writeString(deploy.resolve("it-broken.camel.yaml"), "- route:\n    id: it-broken\n    from: [this is not: a route\n");
        Files.writeString(deploy.resolve("it-unknown.camel.yaml"), "- route:\n    id: it-unknown\n    from:\n      uri: nosuchcomponent:x\n      steps:\n        - log: x\n");
        await().atMost(WAIT).until(() -> node.log().contains("it-broken.camel.yaml refused") && node.log().contains("it-unknown.camel.yaml refused"));

        int beats = count("keeper beats");
        await().atMost(WAIT).until(() -> count("keeper beats") > beats);
        assertThat(node.httpStatus("/health")).isEqualTo(200);
    }

    private int count(String text) throws Exception {
        String log = node.log();
        int n = 0;
        for (int i = log.indexOf(text); i >= 0; i = log.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    private static String route(String id, String message) {
        return "- route:\n"
                + "    id: " + id + "\n"
                + "    from:\n"
                + "      uri: timer:" + id + "\n"
                + "      parameters:\n"
                + "        period: 300\n"
                + "      steps:\n"
                + "        - log:\n"
                + "            logName: org.diwan.it\n"
                + "            message: \"" + message + "\"\n";
    }
}
