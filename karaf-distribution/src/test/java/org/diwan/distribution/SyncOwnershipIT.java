package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * Headquarters and two enrolled missions, TUN and EGY, as three processes. EGY's node is given TUN's record id
 * (its own letter's id rewritten in its stopped database, as someone with that machine could) and edits it as
 * usual: the change leaves with EGY's own login, through EGY's real link. Headquarters keeps TUN's record as
 * TUN's, sets EGY's change aside for the administrator with the record's real owner, logs it, and TUN's next
 * genuine edit still arrives. And a fourth node started with TUN's leaked code, secret and certificate is refused
 * at login, with an alarm, while TUN's own node goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncOwnershipIT {

    private SyncNetwork network;

    @BeforeAll
    void start() throws Exception {
        network = SyncNetwork.start("ownership-it", List.of("TUN", "EGY"), Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void aMissionCannotTakeOverAnotherMissionsRecordAtHeadquarters() throws Exception {
        SyncNetwork.MissionNode tun = network.mission("TUN");
        SyncNetwork.MissionNode egy = network.mission("EGY");
        WebClient hq = network.hqAdmin;
        tun.admin.get("/diwan/missions/correspondence");
        egy.admin.get("/diwan/missions/correspondence");
        String tuns = network.createOn(tun, "تقرير بعثة تونس عن الجالية");
        String egys = network.createOn(egy, "رسالة من بعثة القاهرة");
        assertThat(tuns).isNotNull();
        assertThat(egys).isNotNull();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> hq.get(SyncNetwork.LETTERS + "/" + tuns).statusCode() == 200 && hq.get(SyncNetwork.LETTERS + "/" + egys).statusCode() == 200);
        JsonNode original = letter(hq, tuns);
        assertThat(original.get("receivedFrom").asText()).isEqualTo("TUN");

        // EGY's node comes to hold TUN's id: its own letter renamed, at a version above TUN's
        egy.node.close();
        giveAnotherId(egy.node.data().resolve("derby/diwan"), egys, tuns, 5);
        egy.node.restart();
        egy.admin = SyncNetwork.login(egy.node);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> egy.admin.get(SyncNetwork.LETTERS + "/" + tuns).statusCode() == 200);
        egy.admin.get("/diwan/missions/correspondence");
        HttpResponse<String> forged = egy.admin.send("PUT", SyncNetwork.LETTERS + "/" + tuns, "application/json",
                network.json.writeValueAsString(edit(egy.missionId, "EGY/FORGED", "سجل بعثة تونس صار لبعثة القاهرة", 5)));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(200);

        // headquarters sets it aside, with who sent it and whose the record is
        String key = "missions.correspondence:" + tuns + ":6";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> setAside(hq, key).isPresent());
        JsonNode refused = setAside(hq, key).orElseThrow();
        assertThat(refused.get("missionCode").asText()).as("the sender").isEqualTo("EGY");
        assertThat(refused.at("/owner/role").asText()).isEqualTo("mission");
        assertThat(refused.at("/owner/missionCode").asText()).isEqualTo("TUN");
        assertThat(network.status(hq).at("/sync/refused").asInt()).isEqualTo(1);
        String page = hq.get("/admin/sync").body();
        assertThat(page).contains("id=\"refused\"", key, "EGY");
        assertThat(network.hq.log()).contains("WARN", "Sync: mission EGY sent missions.correspondence " + tuns
                + " (version 6), which belongs to mission TUN: refused and set aside");

        // the record is still TUN's, as TUN made it, and in TUN's inventory at headquarters
        JsonNode kept = letter(hq, tuns);
        assertThat(kept.get("receivedFrom").asText()).isEqualTo("TUN");
        assertThat(kept.get("version").asInt()).isEqualTo(1);
        assertThat(kept.get("subject").asText()).isEqualTo("تقرير بعثة تونس عن الجالية");
        assertThat(kept.get("mission").asText()).isEqualTo(tun.missionId);
        assertThat(network.inventory(hq, "TUN")).containsKey(tuns);
        assertThat(network.inventory(hq, "EGY")).doesNotContainKey(tuns);

        // TUN's next genuine edit is not taken for an older one
        tun.admin.get("/diwan/missions/correspondence");
        HttpResponse<String> genuine = tun.admin.send("PUT", SyncNetwork.LETTERS + "/" + tuns, "application/json",
                network.json.writeValueAsString(edit(tun.missionId, "TUN/EDIT", "تقرير بعثة تونس (منقح)", 1)));
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> letter(hq, tuns).get("version").asInt() == 2);
        JsonNode edited = letter(hq, tuns);
        assertThat(edited.get("subject").asText()).isEqualTo("تقرير بعثة تونس (منقح)");
        assertThat(edited.get("receivedFrom").asText()).isEqualTo("TUN");
        assertThat(network.inventory(hq, "TUN").get(tuns)).isEqualTo(network.inventory(tun.admin, null).get(tuns));
    }

    private JsonNode letter(WebClient client, String id) throws Exception {
        return network.json.readTree(client.get(SyncNetwork.LETTERS + "/" + id).body());
    }

    private Optional<JsonNode> setAside(WebClient client, String key) throws Exception {
        return StreamSupport.stream(network.status(client).at("/sync/setAside").spliterator(), false)
                .filter(p -> key.equals(p.path("key").asText())).findFirst();
    }

    private static Map<String, Object> edit(String missionId, String reference, String subject, int version) {
        Map<String, Object> edit = new HashMap<>(Map.of("mission", missionId, "counterpart", "HEADQUARTERS", "classification", "ECONOMIC",
                "referenceNo", reference, "documentDate", LocalDate.now().toString(), "subject", subject, "status", "OPEN"));
        edit.put("version", version);
        return edit;
    }

    /**
     * Renames a piece of correspondence in a stopped node's database, at {@code version}. The node's schema is found
     * by name, whatever case Derby keeps it in.
     */
    private static void giveAnotherId(Path database, String from, String to, int version) throws SQLException {
        String url = "jdbc:derby:" + database.toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url)) {
            String schema = null;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT schemaname FROM sys.sysschemas")) {
                while (rs.next()) {
                    if (rs.getString(1).equalsIgnoreCase("missions")) {
                        schema = rs.getString(1);
                    }
                }
            }
            assertThat(schema).as("the missions schema").isNotNull();
            try (PreparedStatement s = c.prepareStatement("UPDATE \"" + schema + "\".correspondence SET id = ?, version = ? WHERE id = ?")) {
                s.setString(1, to);
                s.setInt(2, version);
                s.setString(3, from);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException shutDown) {
                // 08006: the database is closed, so the node can boot it again
                assertThat(shutDown.getSQLState()).isEqualTo("08006");
            }
        }
    }

    @Test
    void aSecondNodeWithAMissionsLeakedSecretIsRefusedWithAnAlarmWhileTheMissionGoesOn() throws Exception {
        SyncNetwork.MissionNode tun = network.mission("TUN");
        WebClient hq = network.hqAdmin;
        DiwanNode impostor = network.startImpostorOf(tun, "ownership-it-impostor");

        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode missions = network.status(hq).path("link").path("missions");
            return StreamSupport.stream(missions.spliterator(), false)
                    .anyMatch(m -> m.path("missionCode").asText().equals("TUN") && m.path("alarm").asText().equals("other-node"));
        });
        assertThat(hq.get("/admin/sync").body()).contains("id=\"alarm-TUN\"");
        assertThat(network.hq.log()).contains("ALARM: mission TUN");
        // and every administrator is told in their inbox, once, with the unread count on every page (the alarm shows in
        // the status as it is raised, a moment before the inbox's row is written on the broker's login thread)
        await().atMost(Duration.ofSeconds(30)).until(() -> hq.get("/notifications").body().contains("TUN"));
        String inbox = hq.get("/notifications").body();
        assertThat(inbox).containsOnlyOnce("id=\"notification-").doesNotContain("admin.sync.alarm.notice");
        assertThat(hq.get("/").body()).contains("id=\"unread\"");
        WebClient impostorAdmin = SyncNetwork.login(impostor);
        // the impostor's pages come up one by one after its login page
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> network.status(impostorAdmin).path("link").has("connected")
                        && impostorAdmin.get("/api/missions/missions").statusCode() == 200);
        assertThat(network.status(impostorAdmin).path("link").path("connected").asBoolean()).isFalse();
        // headquarters' directory never reached the impostor: it never got in
        assertThat(impostorAdmin.get("/api/missions/missions/" + tun.missionId).statusCode()).isEqualTo(404);

        tun.admin.get("/diwan/missions/correspondence");
        String genuine = network.createOn(tun, "رسالة بعثة تونس بعد محاولة الانتحال");
        assertThat(genuine).isNotNull();
        await().atMost(Duration.ofSeconds(120)).until(() -> network.inventory(hq, "TUN").containsKey(genuine));
    }
}
