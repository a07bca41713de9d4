package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two real nodes on one machine, as an organisation runs them: headquarters with its link port, and the
 * mission {@value #CODE} connecting to it through a {@link LinkProxy} the test can break. Each node is its own
 * unpacked distribution with its own Derby database, broker and data folder. Headquarters creates the mission
 * in its directory and enrols it from the administration page, as an administrator would; the mission is
 * configured with what the enrolment page printed.
 */
final class SyncPair implements AutoCloseable {

    static final String CODE = "TUN";
    static final String ADMIN = "chief";
    static final String PASSWORD = "sync test secret";
    static final String LETTERS = "/api/missions/correspondence";
    private static final Pattern CFG_SECRET = Pattern.compile("secret = ([A-Za-z0-9_-]+)");
    private static final Pattern PEM = Pattern.compile("id=\"enrolment-pem\">([^<]+)</pre>");

    final ObjectMapper json = new ObjectMapper();
    final DiwanNode hq;
    final DiwanNode mission;
    final LinkProxy proxy;
    final String missionId;
    WebClient hqAdmin;
    WebClient missionAdmin;

    private SyncPair(DiwanNode hq, DiwanNode mission, LinkProxy proxy, String missionId) {
        this.hq = hq;
        this.mission = mission;
        this.proxy = proxy;
        this.missionId = missionId;
    }

    /**
     * @param missionEnv extra environment of the mission node (its retry intervals, for the outage test)
     */
    static SyncPair start(String name, Map<String, String> missionEnv) throws Exception {
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve(name + "-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        int linkPort = DiwanNode.freePort();
        DiwanNode hq = DiwanNode.unpack(name + "-hq").bootWith("diwan-missions")
                .withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString()).withEnv("DIWAN_ADMIN_USER", ADMIN)
                .withEnv("DIWAN_NODE_ROLE", "hq").withEnv("DIWAN_LINK_HOST", "127.0.0.1")
                .withEnv("DIWAN_LINK_PORT", Integer.toString(linkPort)).withEnv("DIWAN_LINK_PUBLIC_ADDRESS", "127.0.0.1:" + linkPort)
                .start().awaitHttp();
        LinkProxy proxy = new LinkProxy(linkPort);
        WebClient hqAdmin = login(hq);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> hqAdmin.get("/diwan/missions/registry").statusCode() == 200);
        // each servlet registers on its own: the API and the sync page may come a moment after the pages
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> hqAdmin.get("/api/missions/missions").statusCode() == 200
                && hqAdmin.get("/admin/sync").statusCode() == 200);

        hqAdmin.get("/diwan/missions/registry");
        HttpResponse<String> created = hqAdmin.send("POST", "/api/missions/missions", "application/json",
                "{\"code\": \"" + CODE + "\", \"type\": \"MISSION\", \"country\": \"TN\", \"city\": \"تونس\", \"nameAr\": \"بعثة تونس\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String missionId = new ObjectMapper().readTree(created.body()).get("id").asText();

        hqAdmin.get("/admin/sync");
        HttpResponse<String> enrolled = hqAdmin.post("/admin/sync", Map.of("action", "enrol", "mission", CODE.toLowerCase()), true);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
        Matcher secret = CFG_SECRET.matcher(enrolled.body());
        Matcher pem = PEM.matcher(enrolled.body());
        assertThat(secret.find()).as("the enrolment shows the secret").isTrue();
        assertThat(pem.find()).as("the enrolment shows the certificate").isTrue();

        DiwanNode unpacked = DiwanNode.unpack(name + "-mission");
        Path certificate = unpacked.home().resolve("etc/diwan-hq.pem");
        Files.writeString(certificate, pem.group(1).replace("&#10;", "\n"));
        unpacked.bootWith("diwan-missions").withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString()).withEnv("DIWAN_ADMIN_USER", ADMIN)
                .withEnv("DIWAN_NODE_ROLE", "mission").withEnv("DIWAN_MISSION_CODE", CODE)
                .withEnv("DIWAN_HQ_ADDRESS", "127.0.0.1:" + proxy.port()).withEnv("DIWAN_LINK_SECRET", secret.group(1));
        missionEnv.forEach(unpacked::withEnv);
        DiwanNode mission = unpacked.start().awaitHttp();
        SyncPair pair = new SyncPair(hq, mission, proxy, missionId);
        pair.hqAdmin = hqAdmin;
        pair.missionAdmin = login(mission);
        // the directory arrives from headquarters: the mission's own office is what its correspondence names
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> pair.missionAdmin.get("/api/missions/missions/" + missionId).statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> pair.missionAdmin.get(LETTERS).statusCode() == 200);
        return pair;
    }

    static WebClient login(DiwanNode node) throws Exception {
        WebClient client = new WebClient(node.httpPort());
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> client.get("/login").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            HttpResponse<String> login = client.post("/login", Map.of("username", ADMIN, "password", PASSWORD), true);
            return login.statusCode() == 302;
        });
        return client;
    }

    /** Logs in again after a node restarted (its sessions went with it). */
    void relogin() throws Exception {
        hqAdmin = login(hq);
        missionAdmin = login(mission);
    }

    /** Registers a piece of correspondence on the mission through its API; returns its id, or null if refused or unreachable. */
    String createOnMission(WebClient client, String subject) throws IOException, InterruptedException {
        HttpResponse<String> created = client.send("POST", LETTERS, "application/json", json.writeValueAsString(Map.of(
                "mission", missionId, "counterpart", "HEADQUARTERS", "classification", "POLITICAL", "referenceNo", "TUN/" + subject.hashCode(),
                "documentDate", LocalDate.now().toString(), "subject", subject, "summary", "ملخص " + subject, "status", "OPEN")));
        return created.statusCode() == 201 ? json.readTree(created.body()).get("id").asText() : null;
    }

    /**
     * Every piece of correspondence a node holds: id to its version and the SHA-256 of the record as stored (the
     * node's own export, read from its database), what both sides must agree on.
     */
    Map<String, String> inventory(WebClient client) throws Exception {
        HttpResponse<String> response = client.get("/admin/sync/inventory?type=missions.correspondence");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, String> all = new TreeMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.split(" ", 2);
                assertThat(all.put(parts[0], parts[1])).as("the same id twice in one node's inventory").isNull();
            }
        }
        return all;
    }

    JsonNode status(WebClient client) throws Exception {
        return json.readTree(client.get("/admin/sync/status").body());
    }

    @Override
    public void close() throws Exception {
        proxy.close();
        mission.close();
        hq.close();
    }
}
