package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * YAML routes in the distribution's deploy/ folder, seen from outside in the node's log: the shipped
 * heartbeat runs; a dropped route runs, is replaced when the file changes and stops when it is removed; a
 * broken file is reported in one line and harms neither the other routes nor the node; a file calling a Java class
 * is refused and never runs; tracing, switched on for one route while it runs, masks the route settings' values; a
 * deploy folder its group may write is refused; a route deployed at runtime receives the record event of a mission
 * registered through HTTP ({@code diwan.events.missions.created}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteDeployIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIN = "routes-admin";
    private static final String PASSWORD = "routes test secret";

    private DiwanNode node;
    private Path deploy;

    @BeforeAll
    void start() throws Exception {
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve("routes-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        node = DiwanNode.unpack("routes-it").withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString())
                .withEnv("DIWAN_ADMIN_USER", ADMIN).start().awaitHttp();
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

    @Test
    @Order(4)
    void aRouteFileCallingAJavaClassIsRefusedAndNeverRuns() throws Exception {
        Path marker = node.data().resolve("it-runtime-ran");
        // the shape from issue 12: a method call on java.lang.Runtime, then a simple expression calling exec
        Files.writeString(deploy.resolve("it-runtime.camel.yaml"), "- route:\n"
                + "    id: it-runtime\n"
                + "    from:\n"
                + "      uri: timer:it-runtime\n"
                + "      parameters:\n"
                + "        period: 300\n"
                + "      steps:\n"
                + "        - setBody:\n"
                + "            method:\n"
                + "              beanType: java.lang.Runtime\n"
                + "              method: getRuntime\n"
                + "        - setBody:\n"
                + "            simple: \"${body.exec('touch " + marker + "')}\"\n");

        await().atMost(WAIT).until(() -> node.log().contains("it-runtime.camel.yaml refused"));
        String log = node.log();
        assertThat(log).contains("route 'it-runtime', step 'setBody'", "beanType").doesNotContain("Routes [it-runtime]");
        // refused before any route was created: nothing of it can run later
        assertThat(marker).doesNotExist();
        int beats = count("keeper beats");
        await().atMost(WAIT).until(() -> count("keeper beats") > beats);
        assertThat(marker).doesNotExist();
    }

    @Test
    @Order(5)
    void tracingMasksRouteSettingsAndNamesOnlyTheTracedRoute() throws Exception {
        String token = "T0ken-IT-s3cr3t-9321";
        Path etc = node.home().resolve("etc");
        Files.writeString(etc.resolve("org.diwan.routes.cfg"), "it.partner.token = " + token + "\n");
        Files.writeString(etc.resolve("org.diwan.integration.cfg"), "tracing = true\ntracingRoutes = it-secret\n");
        await().atMost(WAIT).until(() -> node.log().contains("tracing on for routes [it-secret]"));
        Path keeper = deploy.resolve("it-keeper.camel.yaml");
        await().atMost(WAIT).until(() -> node.log().contains("Route settings (org.diwan.routes) changed"));

        Files.writeString(deploy.resolve("it-secret.camel.yaml"), "- route:\n"
                + "    id: it-secret\n"
                + "    from:\n"
                + "      uri: timer:it-secret\n"
                + "      parameters:\n"
                + "        period: 300\n"
                + "      steps:\n"
                + "        - setHeader:\n"
                + "            name: X-Partner\n"
                + "            constant: \"{{it.partner.token}}\"\n"
                + "        - setHeader:\n"
                + "            name: Authorization\n"
                + "            simple: \"Bearer {{it.partner.token}}\"\n"
                + "        - log:\n"
                + "            logName: org.diwan.it\n"
                + "            message: \"secret route ran\"\n");
        await().atMost(WAIT).until(() -> count("X-Partner") >= 3 && node.log().contains("secret route ran"));

        Path json = node.data().resolve("log/diwan.json");
        assertThat(node.log()).contains("{{it.partner.token}}").doesNotContain(token);
        assertThat(json).exists();
        assertThat(Files.readString(json)).doesNotContain(token);
        // under Camel's tracing logger; the keeper's route was not traced, and kept running through the change
        assertThat(node.log().lines().filter(line -> line.contains("| Tracing ") && line.contains("[it-secret"))).isNotEmpty();
        assertThat(node.log().lines().filter(line -> line.contains("| Tracing ") && line.contains("it-keeper"))).isEmpty();
        assertThat(keeper).exists();
        assertThat(node.log()).doesNotContain("Camel runtime 'diwan' stopped");

        Files.delete(deploy.resolve("it-secret.camel.yaml"));
        Files.writeString(etc.resolve("org.diwan.integration.cfg"), "tracing = false\n");
        await().atMost(WAIT).until(() -> node.log().contains("tracing off"));
    }

    @Test
    @Order(6)
    void aDeployFolderItsGroupMayWriteIsRefused() throws Exception {
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(deploy);
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxrwxr-x"));
        try {
            Files.writeString(deploy.resolve("it-group.camel.yaml"), route("it-group", "group beats"));

            await().atMost(WAIT).until(() -> node.log().contains("it-group.camel.yaml refused"));
            assertThat(node.log()).contains("is writable by its group (rwxrwxr-x)", "chmod go-w " + deploy)
                    .doesNotContain("group beats");
        } finally {
            Files.setPosixFilePermissions(deploy, before);
        }
    }

    @Test
    @Order(7)
    void aRouteDeployedAtRuntimeReceivesTheEventOfAMissionRegisteredThroughHttp() throws Exception {
        WebClient admin = WebClient.loggedIn(node.httpPort(), ADMIN, PASSWORD);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> admin.get("/admin/plugins").body().contains("diwan-missions"));
        assertThat(admin.post("/admin/plugins", Map.of("feature", "diwan-missions", "action", "install"), true).statusCode())
                .isIn(200, 302, 303);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> admin.get("/diwan/missions/registry").statusCode() == 200);

        // the guide's example address, as an integrator writes it: no setting needed
        Files.writeString(deploy.resolve("it-events.camel.yaml"), "- route:\n"
                + "    id: it-events\n"
                + "    from:\n"
                + "      uri: jms:topic:diwan.events.missions.created\n"
                + "      parameters:\n"
                + "        messageSelector: \"DiwanType = 'mission'\"\n"
                + "      steps:\n"
                + "        - log:\n"
                + "            logName: org.diwan.it\n"
                + "            message: \"it-event ${header.DiwanEvent} ${header.DiwanRecordId} v${header.DiwanVersion} by ${header.DiwanActor}: ${body}\"\n");
        await().atMost(WAIT).until(() -> node.log().contains("Routes [it-events] from it-events.camel.yaml started"));

        admin.get("/diwan/missions/registry/new");
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("code", "EVT");
        form.put("type", "MISSION");
        form.put("country", "FR");
        form.put("city", "ليون");
        form.put("nameAr", "بعثة الأحداث في ليون");
        form.put("status", "ACTIVE");
        form.put("reportEveryDays", "30");
        java.net.http.HttpResponse<String> created = admin.post("/diwan/missions/registry/new", form, true);
        assertThat(created.statusCode()).isEqualTo(302);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("/diwan/missions/registry/([0-9a-f-]{36})")
                .matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).isTrue();

        String expected = "it-event created " + id.group(1) + " v1 by " + ADMIN + ": ";
        await().atMost(WAIT).until(() -> node.log().contains(expected));
        String line = node.log().lines().filter(l -> l.contains(expected)).findFirst().orElseThrow();
        assertThat(line).contains("\"code\":\"EVT\"", "\"type\":\"mission\"", "\"plugin\":\"missions\"");
        Files.delete(deploy.resolve("it-events.camel.yaml"));
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
