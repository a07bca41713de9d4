package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import com.fasterxml.jackson.databind.ObjectMapper;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.JsonClient;
import org.diwan.itkit.WebClient;

/**
 * The missions plugin on a running node, from outside: installed from the admin's plugins page, its registry
 * pages and REST API create, list, filter and edit offices in Arabic; bad input is refused whole with messages
 * in the user's language; two edits of one version cannot both win; a reader without write permission is
 * refused on both paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MissionsIT {

    private static final String ADMIN = "chief";
    private static final String PASSWORD = "missions test secret";
    private static final String REGISTRY = "/diwan/missions/registry";
    private static final String API = "/api/missions/missions";
    private static final String CORRESPONDENCE = "/diwan/missions/correspondence";
    private static final String MONITORING = "/diwan/missions/monitoring";
    private static final String CORRESPONDENCE_API = "/api/missions/correspondence";
    private static final String MEDIA = "/diwan/missions/media";
    private static final String PLAN = "/diwan/missions/plan";
    private static final String REPORT = "/diwan/missions/report";
    private static final Pattern MISSION_ID = Pattern.compile(REGISTRY + "/([0-9a-f-]{36})");

    private final ObjectMapper json = new ObjectMapper();
    private DiwanNode node;
    private WebClient admin;

    @BeforeAll
    void start() throws Exception {
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve("missions-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        DiwanNode unpacked = DiwanNode.unpack("missions-it");
        // a small attachment limit, so that the oversize refusal is tested without megabytes of traffic
        Files.writeString(unpacked.home().resolve("etc/org.diwan.documents.cfg"), "maxSizeBytes = 1048576\n");
        node = unpacked.withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString())
                .withEnv("DIWAN_ADMIN_USER", ADMIN).start().awaitHttp();
        admin = login(ADMIN, PASSWORD);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> admin.get("/admin/plugins").body().contains("diwan-missions"));
        admin.get("/admin/plugins");
        HttpResponse<String> install = admin.post("/admin/plugins", Map.of("feature", "diwan-missions", "action", "install"), true);
        assertThat(install.statusCode()).isIn(200, 302, 303);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> admin.get(REGISTRY).statusCode() == 200);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void aMissionCreatedInArabicShowsInTheListAndItsPage() throws Exception {
        assertThat(admin.get("/").body()).contains(REGISTRY);
        admin.get(REGISTRY + "/new");
        HttpResponse<String> created = admin.post(REGISTRY + "/new", paris(), true);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        Matcher id = MISSION_ID.matcher(location);
        assertThat(id.find()).isTrue();

        String page = admin.get(location.substring(location.indexOf(REGISTRY))).body();
        assertThat(page).contains("بعثة جامعة الدول العربية في باريس").contains("فرنسا").contains("id=\"saved\"").contains("dir=\"rtl\"");
        // the list finds it by a variant spelling: hamza-less alef, taa marbuta written as haa
        String list = admin.get(REGISTRY + "?q=" + enc("بعثه جامعه الدول العربيه")).body();
        assertThat(list).contains("PAR").contains("العدد: ١");
        assertThat(admin.get(REGISTRY + "?country=DE").body()).contains("id=\"empty\"");
    }

    @Test
    @Order(2)
    void badInputIsRefusedWholeWithMessagesAndKeepsWhatWasTyped() throws Exception {
        int before = total();
        admin.get(REGISTRY + "/new");
        Map<String, String> form = paris();
        form.put("code", "BER");
        form.put("nameAr", "بعثة\u202Eبرلين");
        form.put("city", "");
        form.put("head", "<script>alert(1)</script>");
        form.put("country", "XX");
        HttpResponse<String> refused = admin.post(REGISTRY + "/new", form, true);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"form-error\"").contains("id=\"err-nameAr\"").contains("id=\"err-city\"")
                .contains("id=\"err-head\"").contains("id=\"err-country\"").contains("value=\"BER\"")
                .contains("محارف تحكّم في اتجاه الكتابة").doesNotContain("<script>alert(1)</script>");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void theApiCreatesListsAndRefusesBadRequestsInJson() throws Exception {
        admin.get(REGISTRY);
        HttpResponse<String> created = admin.send("POST", API, "application/json", json.writeValueAsString(Map.of("code", "CAI-C",
                "type", "CENTRE", "country", "br", "city", "ساو باولو", "nameAr", "مركز الجامعة العربية في البرازيل",
                "nameEn", "Arab League Centre in Brazil")));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode centre = json.readTree(created.body());
        assertThat(centre.get("country").asText()).isEqualTo("BR");
        assertThat(created.headers().firstValue("Location")).hasValue(API + "/" + centre.get("id").asText());

        JsonNode brazil = json.readTree(admin.get(API + "?country=BR").body());
        assertThat(brazil.get("total").asInt()).isEqualTo(1);
        assertThat(admin.get(API + "/" + centre.get("id").asText()).statusCode()).isEqualTo(200);
        assertThat(admin.get(API + "/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);

        assertThat(admin.send("POST", API, "application/json", "{\"code\": ").statusCode()).isEqualTo(400);
        assertThat(admin.send("POST", API, "text/plain", "code=X").statusCode()).isEqualTo(415);
        assertThat(admin.send("POST", API, "application/json", "{\"code\": [\"X\"]}").statusCode()).isEqualTo(422);
        HttpResponse<String> invalid = admin.send("POST", API, "application/json", "{\"code\": \"x y\", \"type\": \"EMBASSY\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(json.readTree(invalid.body()).get("fields").fieldNames()).toIterable().contains("code", "type", "country", "city", "nameAr");
        assertThat(admin.send("POST", API, "application/json", "{\"a\": \"" + "x".repeat(70_000) + "\"}").statusCode()).isEqualTo(413);
    }

    @Test
    @Order(4)
    void twoEditsOfTheSameVersionCannotBothWin() throws Exception {
        JsonNode paris = json.readTree(admin.get(API + "?q=PAR").body()).get("items").get(0);
        String id = paris.get("id").asText();
        int version = paris.get("version").asInt();

        Map<String, Object> first = fields(paris);
        first.put("head", "السفير الأول");
        first.put("version", version);
        assertThat(admin.send("PUT", API + "/" + id, "application/json", json.writeValueAsString(first)).statusCode()).isEqualTo(200);

        Map<String, Object> second = fields(paris);
        second.put("head", "السفير الثاني");
        second.put("version", version);
        HttpResponse<String> stale = admin.send("PUT", API + "/" + id, "application/json", json.writeValueAsString(second));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(stale.body()).get("current").get("head").asText()).isEqualTo("السفير الأول");

        // the same through the form: the page says who changed it and keeps what was typed
        admin.get(REGISTRY + "/" + id + "/edit");
        Map<String, String> form = paris();
        form.put("head", "السفير الثالث");
        form.put("version", Integer.toString(version));
        HttpResponse<String> conflict = admin.post(REGISTRY + "/" + id + "/edit", form, true);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"conflict\"").contains(ADMIN).contains("value=\"السفير الثالث\"");
        assertThat(json.readTree(admin.get(API + "/" + id).body()).get("head").asText()).isEqualTo("السفير الأول");

        // the same through If-Match: the ETag of a read names the version
        JsonClient api = JsonClient.session(admin);
        JsonClient.Answer read = api.get(API + "/" + id);
        Map<String, Object> tagged = fields(read.json());
        tagged.put("head", "السفير الرابع");
        assertThat(api.put(API + "/" + id, tagged, read.etag()).status()).isEqualTo(200);
        JsonClient.Answer late = api.put(API + "/" + id, tagged, read.etag());
        assertThat(late.status()).isEqualTo(412);
        assertThat(late.get("current").get("head").asText()).isEqualTo("السفير الرابع");
    }

    @Test
    @Order(4)
    void theApiDescribesItselfInAnOpenApiDocument() throws Exception {
        HttpResponse<String> document = admin.get("/api/missions/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        io.swagger.v3.parser.core.models.SwaggerParseResult parsed = new io.swagger.v3.parser.OpenAPIV3Parser()
                .readContents(document.body(), null, null);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys(API, API + "/{id}", "/api/missions/public/missions",
                "/api/missions/public/missions/{id}");
        assertThat(parsed.getOpenAPI().getPaths().get("/api/missions/public/missions").getPost()).as("public records are read only").isNull();
        assertThat(admin.get("/api/nothing/openapi.json").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/missions/nothing").headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    @Order(5)
    void aReaderReadsButCannotWrite() throws Exception {
        admin.get("/admin/users");
        admin.post("/admin/users", Map.of("action", "saveRole", "roleName", "missions-reader", "permission", "missions:registry:read"), true);
        admin.get("/admin/users");
        HttpResponse<String> user = admin.post("/admin/users", Map.of("action", "createUser", "username", "reader1",
                "displayName", "قارئ", "password", "a long enough reading password", "role", "missions-reader"), true);
        assertThat(user.statusCode()).isIn(200, 302, 303);

        WebClient reader = login("reader1", "a long enough reading password");
        assertThat(reader.get(REGISTRY).statusCode()).isEqualTo(200);
        assertThat(reader.get(REGISTRY).body()).doesNotContain("id=\"new-mission\"");
        assertThat(reader.get(REGISTRY + "/new").statusCode()).isEqualTo(403);
        assertThat(reader.post(REGISTRY + "/new", paris(), true).statusCode()).isEqualTo(403);
        JsonClient.Answer forbidden = JsonClient.session(reader).post(API, "{}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(forbidden.body()).contains("\"status\":403").contains("\"error\":\"forbidden\"");
        assertThat(reader.get(API).statusCode()).isEqualTo(200);

        WebClient anonymous = new WebClient(node.httpPort());
        assertThat(anonymous.get(API).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void correspondenceInArabicWithAnAttachmentAndAFollowUp() throws Exception {
        String paris = json.readTree(admin.get(API + "?q=PAR").body()).get("items").get(0).get("id").asText();
        admin.get(CORRESPONDENCE + "/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mission", paris);
        form.put("counterpart", "HOST_INSTITUTION");
        form.put("counterpartName", "وزارة الخارجية الفرنسية");
        form.put("classification", "POLITICAL");
        form.put("referenceNo", "PAR/2026/117");
        form.put("documentDate", "2026-11-02");
        form.put("receivedDate", "2026-11-04");
        form.put("subject", "تقرير عن زيارة وزير الخارجية");
        form.put("summary", "ملخص اللقاء\nوالنقاط المتفق عليها");
        form.put("status", "OPEN");
        HttpResponse<String> created = admin.post(CORRESPONDENCE + "/new", form, true);
        assertThat(created.statusCode()).isEqualTo(302);
        String record = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
        record = record.substring(record.indexOf(CORRESPONDENCE));
        String page = admin.get(record).body();
        assertThat(page).contains("تقرير عن زيارة وزير الخارجية").contains("وزارة الخارجية الفرنسية").contains("id=\"upload\"");

        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        String uploadPath = record + "/attachments?_csrf=" + admin.csrf();
        HttpResponse<String> attached = admin.upload(uploadPath, "محضر اللقاء.pdf", "application/pdf", pdf);
        assertThat(attached.statusCode()).isEqualTo(302);
        page = admin.get(record).body();
        assertThat(page).contains("محضر اللقاء.pdf").contains("application/pdf");
        Matcher link = Pattern.compile("href=\"(" + Pattern.quote(record) + "/attachments/[0-9a-f-]{36})\"").matcher(page);
        assertThat(link.find()).isTrue();
        HttpResponse<byte[]> download = admin.download(link.group(1));
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // a Windows program named .pdf, an oversize file and an upload without the token are refused
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        HttpResponse<String> disguised = admin.upload(record + "/attachments?_csrf=" + admin.csrf(), "تقرير.pdf", "application/pdf", exe);
        assertThat(disguised.statusCode()).isEqualTo(422);
        assertThat(disguised.body()).contains("id=\"upload-error\"").contains("غير مقبول");
        // refused from its declared length before any of it is read, and the connection closed: a client that sends the
        // whole body first (the JDK's) may meet the closed connection before it reads the answer, so send only the head
        try (RawUpload oversize = RawUpload.open(node.httpPort(), record + "/attachments?_csrf=" + admin.csrf(), admin.cookieHeader(), 1_500_000)) {
            oversize.send(RawUpload.partHead("كبير.pdf"));
            RawUpload.Answer answer = oversize.answer();
            assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        }
        assertThat(admin.upload(record + "/attachments", "x.pdf", "application/pdf", pdf).statusCode()).isEqualTo(403);
        assertThat(admin.get(record).body().split("/attachments/[0-9a-f-]{36}\"", -1)).hasSize(2);

        admin.get(record);
        HttpResponse<String> followUp = admin.post(record + "/follow-ups", Map.of("action", "إعداد مشروع رد", "owner", "amina",
                "deadline", "2026-01-15"), true);
        assertThat(followUp.statusCode()).isEqualTo(302);
        assertThat(admin.get(record).body()).contains("إعداد مشروع رد").contains("class=\"overdue\"");
    }

    @Test
    @Order(7)
    void correspondenceWithWrongDatesIsRefusedWhole() throws Exception {
        String paris = json.readTree(admin.get(API + "?q=PAR").body()).get("items").get(0).get("id").asText();
        int before = correspondenceCount();
        admin.get(CORRESPONDENCE + "/new");
        HttpResponse<String> refused = admin.post(CORRESPONDENCE + "/new", Map.of("mission", paris, "classification", "MEDIA",
                "referenceNo", "PAR/2026/200", "documentDate", "2026-11-10", "receivedDate", "2026-11-01", "subject", "",
                "counterpart", "HEADQUARTERS"), true);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"err-receivedDate\"").contains("id=\"err-subject\"").contains("value=\"PAR/2026/200\"");
        assertThat(correspondenceCount()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void theDashboardFlagsAMissionOverdueAndAnEvaluationIsRecorded() throws Exception {
        admin.get(REGISTRY);
        JsonNode rome = json.readTree(admin.send("POST", API, "application/json", json.writeValueAsString(Map.of("code", "ROM",
                "type", "MISSION", "country", "IT", "city", "روما", "nameAr", "بعثة الجامعة في روما", "reportEveryDays", 30))).body());
        String late = java.time.LocalDate.now().minusDays(40).toString();
        admin.get(CORRESPONDENCE + "/new");
        assertThat(admin.post(CORRESPONDENCE + "/new", Map.of("mission", rome.get("id").asText(), "counterpart", "HEADQUARTERS",
                "classification", "POLITICAL", "referenceNo", "ROM/2026/9", "documentDate", late, "subject", "التقرير الشهري",
                "status", "OPEN"), true).statusCode()).isEqualTo(302);

        String dashboard = admin.get(MONITORING).body();
        assertThat(dashboard).contains("id=\"overdue-ROM\"").contains("id=\"regular-PAR\"").doesNotContain("id=\"overdue-PAR\"");

        String page = MONITORING + "/" + rome.get("id").asText();
        admin.get(page);
        Map<String, String> evaluation = new LinkedHashMap<>(Map.of("period", "2026-H2", "evaluatedOn", java.time.LocalDate.now().toString(),
                "comments", "تحسن ملحوظ في التقارير"));
        for (String criterion : java.util.List.of("REPORT_TIMELINESS", "FINANCIAL_MANAGEMENT", "STAFF_MANAGEMENT", "ANALYSIS_QUALITY",
                "HOST_COUNTRY_RELATIONS", "MEDIA_ACTIVITY")) {
            evaluation.put("score." + criterion, "4");
        }
        HttpResponse<String> incomplete = admin.post(page + "/evaluations", evaluation, true);
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(incomplete.body()).contains("id=\"err-score.COMMUNITY_OUTREACH\"").contains("value=\"2026-H2\"");
        evaluation.put("score.COMMUNITY_OUTREACH", "2");
        assertThat(admin.post(page + "/evaluations", evaluation, true).statusCode()).isEqualTo(302);
        assertThat(admin.get(page).body()).contains("تحسن ملحوظ في التقارير").contains("٣٫٥").contains("٤٫٠");
        Matcher approve = Pattern.compile("action=\"(" + MONITORING + "/[0-9a-f-]{36}/approve/[0-9a-f-]{36})\"").matcher(admin.get(page).body());
        assertThat(approve.find()).isTrue();
        assertThat(admin.post(approve.group(1), Map.of("version", "1"), true).statusCode()).isEqualTo(302);
        // approved already: the second approval says who approved it and when, and changes nothing
        HttpResponse<String> again = admin.post(approve.group(1), Map.of("version", "1"), true);
        assertThat(again.statusCode()).isEqualTo(409);
        String refusal = again.body().substring(again.body().indexOf("id=\"approve-error\""));
        assertThat(refusal.substring(0, refusal.indexOf("</p>"))).contains(ADMIN);
    }

    @Test
    @Order(9)
    void uninstallingThePluginKeepsTheShellServingAndReinstallingFindsTheRecords() throws Exception {
        int missions = total();
        int letters = correspondenceCount();
        assertThat(missions).isPositive();

        admin.get("/admin/plugins");
        assertThat(admin.post("/admin/plugins", Map.of("feature", "diwan-missions", "action", "uninstall"), true).statusCode()).isIn(200, 302, 303);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> admin.get(REGISTRY).statusCode() == 404);
        assertThat(admin.get("/").statusCode()).isEqualTo(200);
        assertThat(admin.get("/").body()).doesNotContain(REGISTRY);
        assertThat(admin.get("/admin/audit").statusCode()).isEqualTo(200);
        assertThat(admin.get(API).statusCode()).isEqualTo(404);

        admin.get("/admin/plugins");
        assertThat(admin.post("/admin/plugins", Map.of("feature", "diwan-missions", "action", "install"), true).statusCode()).isIn(200, 302, 303);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> admin.get(REGISTRY).statusCode() == 200);
        assertThat(total()).isEqualTo(missions);
        assertThat(correspondenceCount()).isEqualTo(letters);
        assertThat(admin.get(CORRESPONDENCE).body()).contains("تقرير عن زيارة وزير الخارجية");
    }

    @Test
    @Order(10)
    void correspondenceThroughTheApi() throws Exception {
        admin.get(CORRESPONDENCE);
        JsonNode political = json.readTree(admin.get(CORRESPONDENCE_API + "?classification=POLITICAL&q=" + enc("زياره وزير")).body());
        assertThat(political.get("total").asInt()).isEqualTo(1);
        String id = political.get("items").get(0).get("id").asText();
        JsonNode record = json.readTree(admin.get(CORRESPONDENCE_API + "/" + id).body());
        assertThat(record.get("attachments")).hasSize(1);
        assertThat(record.get("attachments").get(0).get("fileName").asText()).isEqualTo("محضر اللقاء.pdf");
        assertThat(record.get("followUps").get(0).get("overdue").asBoolean()).isTrue();

        String paris = record.get("mission").asText();
        HttpResponse<String> future = admin.send("POST", CORRESPONDENCE_API, "application/json", json.writeValueAsString(Map.of(
                "mission", paris, "classification", "ECONOMIC", "referenceNo", "PAR/API/1", "subject", "منتدى اقتصادي",
                "documentDate", java.time.LocalDate.now().plusDays(3).toString())));
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(json.readTree(future.body()).get("fields").get("documentDate").asText()).isEqualTo("لا يمكن أن يكون التاريخ في المستقبل.");
        HttpResponse<String> created = admin.send("POST", CORRESPONDENCE_API, "application/json", json.writeValueAsString(Map.of(
                "mission", paris, "classification", "ECONOMIC", "referenceNo", "PAR/API/1", "subject", "منتدى اقتصادي",
                "documentDate", java.time.LocalDate.now().toString())));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode forum = json.readTree(created.body());
        Map<String, Object> edit = fields(forum);
        edit.put("subject", "منتدى اقتصادي عربي فرنسي");
        assertThat(admin.send("PUT", CORRESPONDENCE_API + "/" + forum.get("id").asText(), "application/json", json.writeValueAsString(edit))
                .statusCode()).isEqualTo(200);
        assertThat(admin.send("PUT", CORRESPONDENCE_API + "/" + forum.get("id").asText(), "application/json", json.writeValueAsString(edit))
                .statusCode()).isEqualTo(409);

        // an attachment through the API (the record's upload action), and back through the href the record lists
        String forumApi = CORRESPONDENCE_API + "/" + forum.get("id").asText();
        byte[] minutes = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> attached = admin.upload(forumApi + "/attachments?_csrf=" + admin.csrf(), "محضر المنتدى.pdf", "application/pdf", minutes);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        JsonNode withFile = json.readTree(attached.body());
        assertThat(withFile.get("attachments").get(0).get("fileName").asText()).isEqualTo("محضر المنتدى.pdf");
        String href = withFile.get("attachments").get(0).get("href").asText();
        assertThat(href).startsWith(forumApi + "/attachments/");
        HttpResponse<byte[]> back = admin.download(href);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).isEqualTo(minutes);
        HttpResponse<String> empty = admin.upload(forumApi + "/attachments?_csrf=" + admin.csrf(), "فارغ.pdf", "application/pdf", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(admin.get(forumApi + "/attachments").statusCode()).as("not a declared action on GET").isEqualTo(405);
    }

    @Test
    @Order(11)
    void aMediaActivityIsPlannedThenReported() throws Exception {
        String paris = json.readTree(admin.get(API + "?q=PAR").body()).get("items").get(0).get("id").asText();
        String today = java.time.LocalDate.now().toString();
        admin.get(MEDIA);
        HttpResponse<String> refused = admin.post(MEDIA + "/new", Map.of("mission", paris, "kind", "SPEECH", "title", "", "plannedOn", today),
                true);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"err-kind\"").contains("id=\"err-title\"");
        assertThat(admin.post(MEDIA + "/new", Map.of("mission", paris, "kind", "LECTURE", "title", "محاضرة عن الثقافة العربية", "plannedOn", today),
                true).statusCode()).isEqualTo(302);
        String plan = admin.get(MEDIA).body();
        assertThat(plan).contains("محاضرة عن الثقافة العربية").contains("id=\"summary-PAR\"");
        Matcher link = Pattern.compile("href=\"(" + MEDIA + "/[0-9a-f-]{36})\"").matcher(plan);
        assertThat(link.find()).isTrue();
        String page = admin.get(link.group(1)).body();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).isTrue();
        HttpResponse<String> noDate = admin.post(link.group(1) + "/edit", Map.of("version", version.group(1), "status", "DONE", "audience", "150"), true);
        assertThat(noDate.statusCode()).isEqualTo(422);
        assertThat(noDate.body()).contains("id=\"err-heldOn\"").contains("value=\"150\"");
        assertThat(admin.post(link.group(1) + "/edit", Map.of("version", version.group(1), "status", "DONE", "heldOn", today, "audience", "150",
                "report", "حضر الندوة طلاب وأساتذة"), true).statusCode()).isEqualTo(302);
        // the same report again, from the version it no longer is: who reported it since, and when
        HttpResponse<String> stale = admin.post(link.group(1) + "/edit", Map.of("version", version.group(1), "status", "CANCELLED"), true);
        assertThat(stale.statusCode()).isEqualTo(409);
        String banner = stale.body().substring(stale.body().indexOf("id=\"conflict\""));
        assertThat(banner.substring(0, banner.indexOf("</div>"))).contains(ADMIN);
        assertThat(admin.get(link.group(1)).body()).contains("حضر الندوة طلاب وأساتذة").contains("منفَّذ");
    }

    @Test
    @Order(12)
    void thePlanOfActionTracksProgressAndReportsToTheAssistantSecretaryGeneral() throws Exception {
        int year = java.time.LocalDate.now().getYear();
        String plan = PLAN + "/" + year;
        admin.get(plan);
        assertThat(admin.post(plan + "/objectives", Map.of("objective", ""), true).statusCode()).isEqualTo(422);
        assertThat(admin.post(plan + "/objectives", Map.of("objective", "تعزيز حضور الجامعة العربية في المحافل الدولية"), true).statusCode())
                .isEqualTo(302);
        String page = admin.get(plan).body();
        Matcher objective = Pattern.compile("<option value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(objective.find()).isTrue();
        assertThat(admin.post(plan + "/tasks", Map.of("objectiveId", objective.group(1), "task", "تنظيم ندوة في جنيف", "owner", "amina",
                "deadline", java.time.LocalDate.now().minusDays(5).toString()), true).statusCode()).isEqualTo(302);
        page = admin.get(plan).body();
        assertThat(page).contains("تنظيم ندوة في جنيف").contains("class=\"overdue\"");
        Matcher task = Pattern.compile("action=\"(" + PLAN + "/" + year + "/tasks/[0-9a-f-]{36})\"").matcher(page);
        assertThat(task.find()).isTrue();
        assertThat(admin.post(task.group(1), Map.of("version", "1", "progress", "140"), true).statusCode()).isEqualTo(422);
        assertThat(admin.post(task.group(1), Map.of("version", "1", "progress", "100", "note", "عُقدت الندوة"), true).statusCode()).isEqualTo(302);
        assertThat(admin.post(task.group(1), Map.of("version", "1", "progress", "50"), true).statusCode()).isEqualTo(409);
        page = admin.get(plan).body();
        assertThat(page).doesNotContain("class=\"overdue\"").contains("١٠٠%");
        Matcher version = Pattern.compile("id=\"recommendations-form\"[^>]*>\\s*<h2[^<]*</h2>\\s*<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">"
                + "\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).isTrue();
        assertThat(admin.post(plan + "/edit", Map.of("version", version.group(1), "recommendations", "توسيع الحضور في آسيا"), true)
                .statusCode()).isEqualTo(302);
        HttpResponse<String> stale = admin.post(plan + "/edit", Map.of("version", version.group(1), "recommendations", "غير ذلك"), true);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"conflict\"").contains(ADMIN);
        assertThat(page).contains("/pdf/ar\"");
        byte[] pdf = admin.download(plan + "/pdf/ar").body();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            assertThat(stripper.getText(document).replaceAll("\\s+", " ")).contains("تعزيز حضور الجامعة العربية في المحافل الدولية")
                    .contains("توسيع الحضور في آسيا").contains("تنظيم ندوة في جنيف");
        }
        // a far year is shown empty and read-only: opening it makes no plan (which sync would send to every mission)
        String far = PLAN + "/" + (year - 20);
        String farPage = admin.get(far).body();
        assertThat(farPage).doesNotContain("id=\"save-recommendations\"");
        assertThat(admin.post(far + "/objectives", Map.of("objective", "هدف قديم"), true).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(13)
    void theAnnualReportGathersTheYearByRegionAndTopicAndIsIssuedAsPdf() throws Exception {
        int year = java.time.LocalDate.now().getYear();
        String report = REPORT + "/" + year;
        String page = admin.get(report).body();
        assertThat(page).contains("أوروبا").contains("الشؤون السياسية").contains("تقرير عن زيارة وزير الخارجية");
        Matcher version = Pattern.compile("id=\"report-form\"[^>]*>\\s*<h2[^<]*</h2>\\s*<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">"
                + "\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).isTrue();
        assertThat(admin.post(report + "/edit", Map.of("version", version.group(1), "title", ""), true).statusCode()).isEqualTo(422);
        assertThat(admin.post(report + "/edit", Map.of("version", version.group(1), "title", "التقرير السنوي " + year,
                "observations", "تزايد الاهتمام الأوروبي بالقضايا العربية", "proposals", "فتح مكتب جديد في أمستردام"), true).statusCode())
                .isEqualTo(302);
        int next = Integer.parseInt(version.group(1)) + 1;
        assertThat(admin.post(report + "/issue", Map.of("version", Integer.toString(next)), true).statusCode()).isEqualTo(302);
        assertThat(admin.post(report + "/edit", Map.of("version", Integer.toString(next + 1), "title", "x"), true).statusCode()).isEqualTo(409);
        assertThat(admin.get(report).body()).contains("/issued/pdf\"");
        byte[] pdf = admin.download(report + "/issued/pdf").body();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            assertThat(stripper.getText(document).replaceAll("\\s+", " ")).contains("تزايد الاهتمام الأوروبي بالقضايا العربية")
                    .contains("فتح مكتب جديد في أمستردام").contains("أوروبا").contains("تقرير عن زيارة وزير الخارجية");
        }
    }

    private int correspondenceCount() throws Exception {
        Matcher m = Pattern.compile("id=\"total\">[^<]*?([0-9٠-٩]+)<").matcher(admin.get(CORRESPONDENCE).body());
        return m.find() ? Integer.parseInt(org.diwan.api.i18n.DigitStyle.toLatin(m.group(1))) : -1;
    }

    private WebClient login(String user, String password) throws Exception {
        return WebClient.loggedIn(node, user, password);
    }

    private int total() throws Exception {
        return json.readTree(admin.get(API).body()).get("total").asInt();
    }

    private static Map<String, String> paris() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", "PAR");
        form.put("type", "MISSION");
        form.put("country", "FR");
        form.put("city", "باريس");
        form.put("nameAr", "بعثة جامعة الدول العربية في باريس");
        form.put("nameEn", "League of Arab States Mission in Paris");
        form.put("nameFr", "Mission de la Ligue des États arabes à Paris");
        form.put("email", "paris@mission.example.org");
        form.put("phone", "+33 1 45 00 00 00");
        form.put("status", "ACTIVE");
        return form;
    }

    private static Map<String, Object> fields(JsonNode mission) {
        Map<String, Object> fields = new LinkedHashMap<>();
        mission.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                fields.put(e.getKey(), e.getValue().asText());
            }
        });
        return fields;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
