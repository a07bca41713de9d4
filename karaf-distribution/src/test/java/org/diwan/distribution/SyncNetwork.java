package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * Headquarters and any number of missions as real nodes on one machine, as an organisation runs them: each node
 * its own unpacked distribution with its own Derby database, broker and data folder; each mission connecting to
 * headquarters' link port through its own {@link LinkProxy}, which the test can break. Headquarters creates each
 * mission in its directory and enrols it from the administration page, as an administrator would; each mission
 * is configured with what its enrolment page printed.
 */
final class SyncNetwork implements AutoCloseable {

    static final String ADMIN = "chief";
    static final String PASSWORD = "sync test secret";
    static final String LETTERS = "/api/missions/correspondence";
    private static final Pattern CFG_SECRET = Pattern.compile("secret = ([A-Za-z0-9_-]+)");
    private static final Pattern PEM = Pattern.compile("id=\"enrolment-pem\">([^<]+)</pre>");

    /** One enrolled mission's node. */
    static final class MissionNode {
        final String code;
        final DiwanNode node;
        final LinkProxy proxy;
        /** The mission's id in headquarters' directory, which the mission receives. */
        final String missionId;
        /** What its enrolment handed over: the secret and headquarters' certificate. */
        final String secret;
        final String certificate;
        WebClient admin;

        private MissionNode(String code, DiwanNode node, LinkProxy proxy, String missionId, String secret, String certificate) {
            this.code = code;
            this.node = node;
            this.proxy = proxy;
            this.missionId = missionId;
            this.secret = secret;
            this.certificate = certificate;
        }
    }

    final ObjectMapper json = new ObjectMapper();
    final DiwanNode hq;
    WebClient hqAdmin;
    private final Map<String, MissionNode> missions = new LinkedHashMap<>();
    private final List<DiwanNode> others = new ArrayList<>();
    private int linkPort;
    private Path passwordFile;

    private SyncNetwork(DiwanNode hq, WebClient hqAdmin) {
        this.hq = hq;
        this.hqAdmin = hqAdmin;
    }

    /**
     * Starts headquarters, enrols the missions and starts their nodes; returns when each mission has received
     * headquarters' directory and serves its correspondence API.
     *
     * @param nodeName   a prefix for the nodes' folders under {@code target/nodes}; with one mission its node is
     *                   {@code <name>-mission}, with several {@code <name>-mission-<code>}
     * @param missionEnv extra environment of every mission node (its retry intervals, for the outage test)
     */
    static SyncNetwork start(String nodeName, List<String> codes, Map<String, String> missionEnv) throws Exception {
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve(nodeName + "-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        int linkPort = DiwanNode.freePort();
        DiwanNode hq = DiwanNode.unpack(nodeName + "-hq").bootWith("diwan-missions")
                .withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString()).withEnv("DIWAN_ADMIN_USER", ADMIN)
                .withEnv("DIWAN_NODE_ROLE", "hq").withEnv("DIWAN_LINK_HOST", "127.0.0.1")
                .withEnv("DIWAN_LINK_PORT", Integer.toString(linkPort)).withEnv("DIWAN_LINK_PUBLIC_ADDRESS", "127.0.0.1:" + linkPort)
                .start().awaitHttp();
        SyncNetwork network = new SyncNetwork(hq, login(hq));
        network.linkPort = linkPort;
        network.passwordFile = passwordFile;
        try {
            WebClient hqAdmin = network.hqAdmin;
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> hqAdmin.get("/diwan/missions/registry").statusCode() == 200);
            // each servlet registers on its own: the API and the sync page may come a moment after the pages
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> hqAdmin.get("/api/missions/missions").statusCode() == 200
                    && hqAdmin.get("/admin/sync").statusCode() == 200);

            List<MissionNode> started = new ArrayList<>();
            for (String code : codes) {
                hqAdmin.get("/diwan/missions/registry");
                HttpResponse<String> created = hqAdmin.send("POST", "/api/missions/missions", "application/json",
                        "{\"code\": \"" + code + "\", \"type\": \"MISSION\", \"country\": \"TN\", \"city\": \"تونس\", \"nameAr\": \"بعثة " + code + "\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String missionId = network.json.readTree(created.body()).get("id").asText();

                hqAdmin.get("/admin/sync");
                HttpResponse<String> enrolled = hqAdmin.post("/admin/sync", Map.of("action", "enrol", "mission", code.toLowerCase()), true);
                assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
                Matcher secret = CFG_SECRET.matcher(enrolled.body());
                Matcher pem = PEM.matcher(enrolled.body());
                assertThat(secret.find()).as("the enrolment shows the secret").isTrue();
                assertThat(pem.find()).as("the enrolment shows the certificate").isTrue();

                LinkProxy proxy = new LinkProxy(linkPort);
                DiwanNode unpacked = DiwanNode.unpack(nodeName + (codes.size() == 1 ? "-mission" : "-mission-" + code.toLowerCase()));
                Files.writeString(unpacked.home().resolve("etc/diwan-hq.pem"), pem.group(1).replace("&#10;", "\n"));
                unpacked.bootWith("diwan-missions").withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString())
                        .withEnv("DIWAN_ADMIN_USER", ADMIN).withEnv("DIWAN_NODE_ROLE", "mission").withEnv("DIWAN_MISSION_CODE", code)
                        .withEnv("DIWAN_HQ_ADDRESS", "127.0.0.1:" + proxy.port()).withEnv("DIWAN_LINK_SECRET", secret.group(1));
                missionEnv.forEach(unpacked::withEnv);
                MissionNode mission = new MissionNode(code, unpacked, proxy, missionId, secret.group(1), pem.group(1).replace("&#10;", "\n"));
                network.missions.put(code, mission);
                started.add(mission);
                unpacked.start();
            }
            for (MissionNode mission : started) {
                mission.node.awaitHttp();
                mission.admin = login(mission.node);
                // the directory arrives from headquarters: the mission's own office is what its correspondence names
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> mission.admin.get("/api/missions/missions/" + mission.missionId).statusCode() == 200);
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> mission.admin.get(LETTERS).statusCode() == 200);
            }
            return network;
        } catch (Exception | AssertionError e) {
            network.close();
            throw e;
        }
    }

    /**
     * Starts another node that presents {@code mission}'s code, secret and headquarters' certificate, as a copy of
     * its configuration would (a leaked secret), but with a data folder, so a node key, of its own.
     */
    DiwanNode startImpostorOf(MissionNode mission, String name) throws Exception {
        DiwanNode impostor = DiwanNode.unpack(name);
        Files.writeString(impostor.home().resolve("etc/diwan-hq.pem"), mission.certificate);
        impostor.bootWith("diwan-missions").withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString()).withEnv("DIWAN_ADMIN_USER", ADMIN)
                .withEnv("DIWAN_NODE_ROLE", "mission").withEnv("DIWAN_MISSION_CODE", mission.code)
                .withEnv("DIWAN_HQ_ADDRESS", "127.0.0.1:" + linkPort).withEnv("DIWAN_LINK_SECRET", mission.secret);
        others.add(impostor);
        return impostor.start().awaitHttp();
    }

    /**
     * Logs in once on headquarters' link port with {@code mission}'s code, secret and headquarters' certificate but a
     * node key of its own, from the test JVM: what headquarters sees of a copy of the mission's configuration on
     * another machine, without booting that machine (see {@link #startImpostorOf} for the whole node). Throws what
     * the login met; headquarters refuses it with an {@code ActiveMQSecurityException} and raises its alarm.
     */
    void loginAsCopyOf(MissionNode mission) throws Exception {
        LinkLogin.once(linkPort, mission.certificate, mission.code, mission.secret, LinkLogin.newNodeKey());
    }

    MissionNode mission(String code) {
        MissionNode mission = missions.get(code);
        if (mission == null) {
            throw new IllegalArgumentException("no mission " + code + " in this network");
        }
        return mission;
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

    /** Registers a piece of correspondence of {@code missionId} through {@code client}; returns its id, or null if refused or unreachable. */
    String createLetter(WebClient client, String missionId, String referencePrefix, String subject) throws IOException, InterruptedException {
        HttpResponse<String> created = client.send("POST", LETTERS, "application/json", json.writeValueAsString(Map.of(
                "mission", missionId, "counterpart", "HEADQUARTERS", "classification", "POLITICAL",
                "referenceNo", referencePrefix + "/" + subject.hashCode(), "documentDate", LocalDate.now().toString(), "subject", subject,
                "summary", "ملخص " + subject, "status", "OPEN")));
        return created.statusCode() == 201 ? json.readTree(created.body()).get("id").asText() : null;
    }

    /** Registers a piece of correspondence on the mission, through its own API. */
    String createOn(MissionNode mission, String subject) throws IOException, InterruptedException {
        return createLetter(mission.admin, mission.missionId, mission.code, subject);
    }

    /**
     * Every piece of correspondence a node holds (on headquarters, of one mission when {@code missionCode} is
     * given): id to its version and the SHA-256 of the record as stored, what both sides must agree on.
     */
    Map<String, String> inventory(WebClient client, String missionCode) throws Exception {
        HttpResponse<String> response = client.get("/admin/sync/inventory?type=missions.correspondence"
                + (missionCode == null ? "" : "&mission=" + missionCode));
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

    /** Logs in again after nodes restarted (their sessions went with them). */
    void relogin() throws Exception {
        hqAdmin = login(hq);
        for (MissionNode mission : missions.values()) {
            mission.admin = login(mission.node);
        }
    }

    @Override
    public void close() throws Exception {
        for (DiwanNode other : others) {
            other.close();
        }
        for (MissionNode mission : missions.values()) {
            mission.proxy.close();
            mission.node.close();
        }
        hq.close();
    }
}
