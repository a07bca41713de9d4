package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import org.diwan.itkit.WebClient;

/**
 * Headquarters and a mission as two processes (two distributions, two Derby databases, two brokers) linked
 * over TLS: the mission works while headquarters is down and its records arrive when headquarters is back;
 * headquarters' bulletin reaches the mission; a mission's edit updates headquarters' copy; attachments travel
 * with their content; each side refuses
 * edits of what the other owns.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncIT {

    private SyncPair pair;

    @BeforeAll
    void start() throws Exception {
        pair = SyncPair.start("sync-it", Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    @Order(1)
    void recordsMadeOnTheMissionWhileHeadquartersIsDownArriveWhenItStarts() throws Exception {
        pair.hq.close();
        pair.missionAdmin.get("/diwan/missions/correspondence");
        long sentBefore = pair.status(pair.missionAdmin).at("/sync/sent").asLong();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = pair.createOnMission(pair.missionAdmin, "تقرير رقم " + i + " عن الجالية");
            assertThat(id).as("the mission works without headquarters").isNotNull();
            ids.add(id);
        }
        // they wait on the mission's own broker, the relay moving them there within moments
        await().atMost(Duration.ofSeconds(30)).until(() -> pair.status(pair.missionAdmin).at("/sync/sent").asLong() == sentBefore + 20);
        JsonNode waiting = pair.status(pair.missionAdmin);
        assertThat(waiting.at("/link/connected").asBoolean()).isFalse();
        assertThat(waiting.at("/sync/outbox").asLong()).isZero();
        assertThat(waiting.at("/link/outbound").asLong()).as("bundles of changes").isBetween(1L, 20L);

        pair.hq.restart();
        pair.relogin();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> pair.inventory(pair.hqAdmin).keySet().containsAll(ids));
        assertThat(pair.inventory(pair.hqAdmin)).isEqualTo(pair.inventory(pair.missionAdmin));
        JsonNode copy = pair.json.readTree(pair.hqAdmin.get(SyncPair.LETTERS + "/" + ids.get(0)).body());
        assertThat(copy.get("receivedFrom").asText()).isEqualTo(SyncPair.CODE);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> pair.status(pair.missionAdmin).at("/link/outbound").asLong() == 0);
    }

    @Test
    @Order(2)
    void anEditOnTheMissionUpdatesHeadquartersCopyAndHeadquartersCannotEditIt() throws Exception {
        pair.missionAdmin.get("/diwan/missions/correspondence");
        String id = pair.createOnMission(pair.missionAdmin, "رسالة ستعدل");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> pair.hqAdmin.get(SyncPair.LETTERS + "/" + id).statusCode() == 200);

        Map<String, Object> edit = Map.of("mission", pair.missionId, "counterpart", "HEADQUARTERS", "classification", "ECONOMIC",
                "referenceNo", "TUN/EDIT", "documentDate", LocalDate.now().toString(), "subject", "رسالة عدلت في البعثة", "status", "OPEN",
                "version", 1);
        HttpResponse<String> edited = pair.missionAdmin.send("PUT", SyncPair.LETTERS + "/" + id, "application/json",
                pair.json.writeValueAsString(edit));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> pair.json.readTree(pair.hqAdmin.get(SyncPair.LETTERS + "/" + id).body()).get("version").asInt() == 2);
        JsonNode copy = pair.json.readTree(pair.hqAdmin.get(SyncPair.LETTERS + "/" + id).body());
        assertThat(copy.get("subject").asText()).isEqualTo("رسالة عدلت في البعثة");
        assertThat(copy.get("classification").asText()).isEqualTo("ECONOMIC");

        // headquarters shows it read-only: the API and the page refuse an edit, so the two never compete
        pair.hqAdmin.get("/diwan/missions/correspondence/" + id);
        HttpResponse<String> refused = pair.hqAdmin.send("PUT", SyncPair.LETTERS + "/" + id, "application/json",
                pair.json.writeValueAsString(Map.of("subject", "edited at HQ", "version", 2)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(pair.hqAdmin.get("/diwan/missions/correspondence/" + id).body()).contains("id=\"received-from\"").doesNotContain("id=\"edit\"");
        assertThat(pair.hqAdmin.get("/diwan/missions/correspondence/" + id + "/edit").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void aFollowUpActionRecordedOnTheMissionReachesHeadquartersWithItsCorrespondence() throws Exception {
        pair.missionAdmin.get("/diwan/missions/correspondence");
        String id = pair.createOnMission(pair.missionAdmin, "رسالة تحتاج متابعة");
        String record = "/diwan/missions/correspondence/" + id;
        pair.missionAdmin.get(record);
        String action = "متابعة الطلب مع إدارة المراسم";
        assertThat(pair.missionAdmin.post(record + "/follow-ups", Map.of("action", action, "owner", "السفير",
                "deadline", LocalDate.now().plusDays(7).toString()), true).statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> pair.hqAdmin.get(record).body().contains(action));
        assertThat(pair.hqAdmin.get(record).body()).contains("id=\"follow-up-list\"").doesNotContain("name=\"status\" value=\"DONE\"");
    }

    @Test
    @Order(4)
    void anAttachmentMadeOnTheMissionReachesHeadquartersWithTheSameContent() throws Exception {
        pair.missionAdmin.get("/diwan/missions/correspondence");
        String id = pair.createOnMission(pair.missionAdmin, "رسالة مع مرفق كبير");
        String record = "/diwan/missions/correspondence/" + id;
        pair.missionAdmin.get(record);
        // 6 MB: the broker sends it as a large message, in chunks, on the files queue and bridge
        byte[] pdf = java.util.Arrays.copyOf("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII), 6 * 1024 * 1024);
        HttpResponse<String> attached = pair.missionAdmin.upload(record + "/attachments?_csrf=" + pair.missionAdmin.csrf(), "محضر.pdf",
                "application/pdf", pdf);
        assertThat(attached.statusCode()).isEqualTo(302);
        // a small record made after the large file arrives too
        String after = pair.createOnMission(pair.missionAdmin, "رسالة بعد المرفق");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> pair.json.readTree(pair.hqAdmin.get(SyncPair.LETTERS + "/" + id).body()).get("attachments").size() == 1);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> pair.hqAdmin.get(SyncPair.LETTERS + "/" + after).statusCode() == 200);
        JsonNode attachment = pair.json.readTree(pair.hqAdmin.get(SyncPair.LETTERS + "/" + id).body()).get("attachments").get(0);
        assertThat(attachment.get("fileName").asText()).isEqualTo("محضر.pdf");
        HttpResponse<byte[]> copy = pair.hqAdmin.download(attachment.get("href").asText());
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.body()).isEqualTo(pdf);
        // and headquarters does not attach to a mission's record. A small file: refused before its body is read, a 6 MiB
        // one may still be on its way when the answer closes the connection, which the JDK's client reports as a broken pipe
        pair.hqAdmin.get(record);
        byte[] small = java.util.Arrays.copyOf(pdf, 1024);
        assertThat(pair.hqAdmin.upload(record + "/attachments?_csrf=" + pair.hqAdmin.csrf(), "x.pdf", "application/pdf", small).statusCode())
                .isEqualTo(403);
    }

    @Test
    @Order(5)
    void theMissionCannotEditHeadquartersDirectory() throws Exception {
        pair.missionAdmin.get("/diwan/missions/registry");
        HttpResponse<String> refused = pair.missionAdmin.send("POST", "/api/missions/missions", "application/json",
                "{\"code\": \"XXX\", \"type\": \"MISSION\", \"country\": \"TN\", \"city\": \"تونس\", \"nameAr\": \"بعثة\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(pair.missionAdmin.get("/diwan/missions/registry/new").statusCode()).isEqualTo(403);
        assertThat(pair.missionAdmin.get("/diwan/missions/registry/" + pair.missionId).body()).contains("id=\"from-hq\"");
    }

    @Test
    @Order(6)
    void aMediaActivityPlannedAndReportedOnTheMissionReachesHeadquartersReadOnly() throws Exception {
        String title = "محاضرة عن العمل العربي المشترك";
        WebClient mission = pair.missionAdmin;
        mission.get("/diwan/missions/media");
        HttpResponse<String> planned = mission.post("/diwan/missions/media/new", Map.of("mission", pair.missionId, "kind", "LECTURE",
                "title", title, "plannedOn", LocalDate.now().toString()), true);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(302);
        Matcher link = Pattern.compile("href=\"/diwan/missions/media/([0-9a-f-]{36})\"><bdi>" + title)
                .matcher(mission.get("/diwan/missions/media").body());
        assertThat(link.find()).isTrue();
        String page = "/diwan/missions/media/" + link.group(1);
        mission.get(page);
        HttpResponse<String> reported = mission.post(page + "/edit", Map.of("version", "1", "status", "DONE", "heldOn", LocalDate.now().toString(),
                "audience", "85", "report", "حضرها أعضاء الجالية"), true);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> pair.hqAdmin.get(page).body().contains("حضرها أعضاء الجالية"));
        String atHq = pair.hqAdmin.get(page).body();
        assertThat(atHq).contains("id=\"received-from\"").doesNotContain("id=\"report-form\"");
        assertThat(pair.hqAdmin.post(page + "/edit", Map.of("version", "2", "status", "CANCELLED"), true).statusCode())
                .as("headquarters cannot report on a mission's activity").isEqualTo(403);
    }

    @Test
    @Order(7)
    void anEvaluationApprovedAtHeadquartersReachesTheMissionItEvaluatesReadOnly() throws Exception {
        String page = "/diwan/missions/monitoring/" + pair.missionId;
        WebClient hq = pair.hqAdmin;
        hq.get(page);
        Map<String, String> form = new java.util.HashMap<>(Map.of("period", "2026-H2", "evaluatedOn", LocalDate.now().toString(),
                "comments", "تقارير منتظمة وتحليل جيد"));
        for (String criterion : List.of("REPORT_TIMELINESS", "FINANCIAL_MANAGEMENT", "STAFF_MANAGEMENT", "ANALYSIS_QUALITY",
                "HOST_COUNTRY_RELATIONS", "MEDIA_ACTIVITY", "COMMUNITY_OUTREACH")) {
            form.put("score." + criterion, "4");
        }
        assertThat(hq.post(page + "/evaluations", form, true).statusCode()).isEqualTo(302);
        Matcher approve = Pattern.compile("action=\"(/diwan/missions/monitoring/[0-9a-f-]{36}/approve/[0-9a-f-]{36})\"")
                .matcher(hq.get(page).body());
        assertThat(approve.find()).isTrue();
        assertThat(hq.post(approve.group(1), Map.of("version", "1"), true).statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> pair.missionAdmin.get(page).body().contains("تقارير منتظمة وتحليل جيد"));
        String onMission = pair.missionAdmin.get(page).body();
        assertThat(onMission).contains("id=\"evaluations-from-hq\"").doesNotContain("id=\"evaluation-form\"");
        assertThat(pair.missionAdmin.post(page + "/evaluations", form, true).statusCode())
                .as("the mission does not evaluate itself").isEqualTo(403);
    }

    @Test
    @Order(8)
    void thePlanOfActionKeptAtHeadquartersReachesTheMissionReadOnly() throws Exception {
        String page = "/diwan/missions/plan/" + LocalDate.now().getYear();
        String objective = "تعزيز التنسيق بين البعثات والأمانة العامة";
        WebClient hq = pair.hqAdmin;
        hq.get(page);
        assertThat(hq.post(page + "/objectives", Map.of("objective", objective), true).statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> pair.missionAdmin.get(page).body().contains(objective));
        String onMission = pair.missionAdmin.get(page).body();
        assertThat(onMission).contains("id=\"plan-from-hq\"").doesNotContain("id=\"objective-form\"");
        assertThat(pair.missionAdmin.post(page + "/objectives", Map.of("objective", "هدف من البعثة"), true).statusCode())
                .as("the mission does not edit headquarters' plan").isEqualTo(403);
    }

    @Test
    @Order(9)
    void headquartersBulletinReachesTheMissionWithItsOwnPdf() throws Exception {
        String month = YearMonth.from(LocalDate.now()).toString();
        WebClient hq = pair.hqAdmin;
        hq.get("/diwan/missions/bulletins");
        HttpResponse<String> built = hq.post("/diwan/missions/bulletins/new", Map.of("month", month), true);
        assertThat(built.statusCode()).as(built.body()).isEqualTo(302);
        String page = built.headers().firstValue("Location").orElseThrow();
        page = page.substring(page.indexOf("/diwan/")).replaceFirst("\\?.*", "");
        String editorPage = hq.get(page).body();
        Matcher issueVersion = Pattern.compile("id=\"issue-form\">\\s*<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">\\s*"
                + "<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").matcher(editorPage);
        assertThat(issueVersion.find()).isTrue();
        assertThat(hq.post(page + "/issue", Map.of("version", issueVersion.group(1)), true).statusCode()).isEqualTo(302);

        String bulletin = page;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> pair.missionAdmin.get(bulletin).body().contains("id=\"pdf-ar\""));
        String onMission = pair.missionAdmin.get(bulletin).body();
        assertThat(onMission).contains("id=\"pdf-ar\"").doesNotContain("id=\"issue\"");
        HttpResponse<byte[]> pdf = pair.missionAdmin.download(bulletin + "/pdf/ar");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // and the mission cannot build bulletins of its own
        pair.missionAdmin.get("/diwan/missions/bulletins");
        assertThat(pair.missionAdmin.post("/diwan/missions/bulletins/new", Map.of("month", month), true).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(10)
    void bothAdministrationPagesShowTheLink() throws Exception {
        JsonNode hq = pair.status(pair.hqAdmin);
        assertThat(hq.at("/link/role").asText()).isEqualTo("hq");
        assertThat(hq.at("/link/missions/0/missionCode").asText()).isEqualTo(SyncPair.CODE);
        assertThat(hq.at("/sync/received").asLong()).isPositive();
        JsonNode mission = pair.status(pair.missionAdmin);
        assertThat(mission.at("/link/role").asText()).isEqualTo("mission");
        assertThat(mission.at("/link/connected").asBoolean()).isTrue();
        assertThat(mission.at("/sync/failed").asInt()).isZero();
        assertThat(pair.missionAdmin.get("/admin/sync").body()).contains("id=\"link-connected\"");
    }
}
