package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * The monthly bulletin end to end on a running node: built from the month's Arabic correspondence, edited
 * (with an English translation), issued; the PDF holds the Arabic text in logical order; the shipped route
 * (camel-routes/missions) delivers HTML and PDF to a real HTTP server and the PDF by mail to a real SMTP
 * server, both started by the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulletinIT {

    private static final String ADMIN = "editor";
    private static final String PASSWORD = "bulletin test secret";
    private static final String SUBJECT = "تقرير عن زيارة وزير الخارجية";
    private static final String SUMMARY = "بحث الجانبان التعاون الثقافي والاقتصادي بين الدول العربية وفرنسا";

    private final List<Map<String, Object>> posts = new CopyOnWriteArrayList<>();
    private HttpServer website;
    private GreenMail smtp;
    private DiwanNode node;
    private WebClient editor;

    @BeforeAll
    void start() throws Exception {
        website = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        website.createContext("/bulletins", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            posts.add(Map.of("type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "format", String.valueOf(exchange.getRequestHeaders().getFirst("DiwanFormat")),
                    "language", String.valueOf(exchange.getRequestHeaders().getFirst("DiwanLanguage")), "body", body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        website.start();
        smtp = new GreenMail(new ServerSetup(DiwanNode.freePort(), "127.0.0.1", "smtp"));
        smtp.start();

        DiwanNode unpacked = DiwanNode.unpack("bulletin-it");
        Path home = unpacked.home();
        Files.writeString(home.resolve("etc/org.diwan.routes.cfg"), String.join("\n",
                "missions.bulletin.website.url = http://127.0.0.1:" + website.getAddress().getPort() + "/bulletins",
                "missions.bulletin.mail.to = bulletin@lists.diwan.test",
                "missions.bulletin.mail.from = diwan@diwan.test",
                "missions.bulletin.mail.smtp = smtp://127.0.0.1:" + smtp.getSmtp().getPort(), ""));
        Files.copy(Path.of("..", "camel-routes", "missions", "missions-bulletin-delivery.camel.yaml"),
                home.resolve("deploy/missions-bulletin-delivery.camel.yaml"));
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        Files.writeString(features, Files.readString(features).replace("featuresBoot = \\\n", "featuresBoot = \\\n    diwan-missions, \\\n"));
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve("bulletin-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        node = unpacked.withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString()).withEnv("DIWAN_ADMIN_USER", ADMIN).start().awaitHttp();

        editor = new WebClient(node.httpPort());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> editor.get("/login").statusCode() == 200);
        assertThat(editor.post("/login", Map.of("username", ADMIN, "password", PASSWORD), true).statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> editor.get("/diwan/missions/bulletins").statusCode() == 200);
        // each servlet of the plugin registers on its own: the API may come a moment after the pages
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> editor.get("/api/missions/missions").statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> node.log().contains("missions-bulletin-delivery.camel.yaml"));
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (website != null) {
            website.stop(0);
        }
    }

    @Test
    void aBulletinIsBuiltEditedIssuedAndDelivered() throws Exception {
        LocalDate day = LocalDate.now().withDayOfMonth(1);
        String month = YearMonth.from(day).toString();
        editor.get("/diwan/missions/registry");
        HttpResponse<String> mission = editor.send("POST", "/api/missions/missions", "application/json",
                "{\"code\": \"PAR\", \"type\": \"MISSION\", \"country\": \"FR\", \"city\": \"باريس\", \"nameAr\": \"بعثة باريس\"}");
        String missionId = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(mission.body()).results().findFirst().orElseThrow().group(1);
        editor.get("/diwan/missions/correspondence/new");
        assertThat(editor.post("/diwan/missions/correspondence/new", Map.of("mission", missionId, "counterpart", "HEADQUARTERS",
                "classification", "POLITICAL", "referenceNo", "PAR/1", "documentDate", day.toString(), "subject", SUBJECT,
                "summary", SUMMARY, "status", "OPEN"), true).statusCode()).isEqualTo(302);

        editor.get("/diwan/missions/bulletins");
        HttpResponse<String> built = editor.post("/diwan/missions/bulletins/new", Map.of("month", month), true);
        assertThat(built.statusCode()).isEqualTo(302);
        String page = built.headers().firstValue("Location").orElseThrow();
        page = page.substring(page.indexOf("/diwan/")).replaceFirst("\\?.*", "");
        String editorPage = editor.get(page).body();
        assertThat(editorPage).contains(SUBJECT).contains("id=\"preview-ar\"").doesNotContain("id=\"preview-en\"");
        assertThat(editor.post("/diwan/missions/bulletins/new", Map.of("month", month), true).statusCode()).isEqualTo(422);

        // staff edit: a new title and an English translation of everything, so English is issued too
        editor.get(page);
        Matcher item = Pattern.compile("name=\"item\\.([0-9a-f-]{36})\\.heading\\.ar\"").matcher(editorPage);
        assertThat(item.find()).isTrue();
        String p = "item." + item.group(1) + ".";
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(editorPage);
        assertThat(version.find()).isTrue();
        Map<String, String> edit = new java.util.HashMap<>(Map.of("version", version.group(1), "title.ar", "نشرة البعثات الشهرية",
                "title.en", "Missions monthly bulletin", p + "included", "on", p + "position", "0", p + "heading.ar", SUBJECT,
                p + "heading.en", "Report on the foreign minister's visit", p + "text.ar", SUMMARY, p + "text.en", "Cooperation was discussed."));
        assertThat(editor.post(page + "/compose", edit, true).statusCode()).isEqualTo(302);
        editorPage = editor.get(page).body();
        assertThat(editorPage).contains("id=\"preview-en\"").doesNotContain("id=\"preview-fr\"");

        Matcher issueVersion = Pattern.compile("id=\"issue-form\">\\s*<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">\\s*"
                + "<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").matcher(editorPage);
        assertThat(issueVersion.find()).isTrue();
        HttpResponse<String> issued = editor.post(page + "/issue", Map.of("version", issueVersion.group(1)), true);
        assertThat(issued.statusCode()).isEqualTo(302);
        assertThat(issued.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?done=issue"));
        editorPage = editor.get(page + "?done=issue").body();
        assertThat(editorPage).contains("id=\"pdf-ar\"").contains("id=\"pdf-en\"").doesNotContain("id=\"pdf-fr\"").contains("id=\"issued\"")
                .doesNotContain("id=\"issue\"");
        // an issued bulletin is not edited any more
        assertThat(editor.post(page + "/compose", edit, true).statusCode()).isEqualTo(409);

        byte[] pdf = editor.download(page + "/pdf/ar").body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("نشرة البعثات الشهرية").contains(SUBJECT).contains(SUMMARY).contains("الشؤون السياسية").contains("فرنسا");
            Path png = Files.createDirectories(Path.of("target", "screenshots")).resolve("bulletin-ar.png");
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", png.toFile());
        }

        // the shipped route delivers: HTML and PDF per language to the website, the PDFs by mail
        await().atMost(Duration.ofSeconds(60)).until(() -> posts.size() >= 4);
        assertThat(posts).extracting(m -> m.get("language") + "/" + m.get("format")).containsExactlyInAnyOrder("ar/html", "ar/pdf", "en/html", "en/pdf");
        Map<String, Object> arabicPdf = posts.stream().filter(m -> "ar".equals(m.get("language")) && "pdf".equals(m.get("format"))).findFirst().orElseThrow();
        assertThat((byte[]) arabicPdf.get("body")).isEqualTo(pdf);
        assertThat(posts.stream().filter(m -> "html".equals(m.get("format"))).map(m -> new String((byte[]) m.get("body"), java.nio.charset.StandardCharsets.UTF_8)))
                .anySatisfy(html -> assertThat(html).contains("dir=\"rtl\"").contains(SUBJECT));

        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length >= 2);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).extracting(MimeMessage::getSubject).contains("نشرة البعثات الشهرية", "Missions monthly bulletin");
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("bulletin@lists.diwan.test");
        assertThat(attachments(mails)).anySatisfy(bytes -> assertThat(bytes).isEqualTo(pdf));
        assertThat(ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(Path.of("target", "screenshots", "bulletin-ar.png"))))).isNotNull();
    }

    private static List<byte[]> attachments(MimeMessage[] mails) throws Exception {
        List<byte[]> found = new java.util.ArrayList<>();
        for (MimeMessage mail : mails) {
            if (mail.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    Part part = multipart.getBodyPart(i);
                    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.isMimeType("application/pdf")) {
                        found.add(part.getInputStream().readAllBytes());
                    }
                }
            }
        }
        return found;
    }
}
