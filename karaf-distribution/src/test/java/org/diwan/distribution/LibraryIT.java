package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * The library plugin on a running node, from outside: installed from the plugins page; a cataloguer makes
 * authorities and records through the Arabic forms, naming authorities as typed; the public catalogue, with no
 * login, finds a resolution by an Arabic variant spelling and never shows a restricted record; a reader cannot
 * write; bad input is refused whole; the OAI-PMH endpoint answers every hostile request (forged tokens, control
 * characters, oversized bodies) with a complete XML document and the protocol's error, while harvests go on; the
 * circulation desk lends, takes back and puts a copy on the hold shelf for a reader's reservation, and an overdue loan's
 * notice reaches its borrower by mail (notification mail on, the shipped mail route, a real SMTP server: GreenMail); a
 * cataloguer deletes a record (a reader may not) and harvesters are told by a deleted header; a saved search with
 * e-mail alerts mails the record catalogued since.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryIT {

    private static final String ADMIN = "librarian";
    private static final String PASSWORD = "library test secret";
    private static final String CATALOGUE = "/diwan/library/catalogue";
    private static final String AUTHORITIES = "/diwan/library/authorities";
    private static final String PUBLIC = "/public/library";
    private static final Pattern RECORD_ID = Pattern.compile(CATALOGUE + "/([0-9a-f-]{36})");

    private DiwanNode node;
    private WebClient admin;
    private String publicResolution;
    private String restrictedReport;
    private GreenMail smtp;

    @BeforeAll
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(DiwanNode.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve("library-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        node = DiwanNode.unpack("library-it").withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString())
                .withEnv("DIWAN_ADMIN_USER", ADMIN);
        // the smallest page an administrator may set, so that a dozen records already need resumption tokens
        Files.writeString(node.home().resolve("etc/org.diwan.library.oai.cfg"), "pageSize = 10\n");
        // notifications by mail, for the overdue notices: on from the start, through the shipped route to GreenMail
        Files.writeString(node.home().resolve("etc/org.diwan.routes.cfg"), String.join("\n",
                "notifications.mail.from = Diwan <diwan@library.diwan.test>",
                "notifications.mail.smtp = smtp://127.0.0.1:" + smtp.getSmtp().getPort(), ""));
        Files.writeString(node.home().resolve("etc/org.diwan.notifications.cfg"), "mail.enabled = true\n");
        // saved-search alerts every minute rather than every day, so that the alert comes within the test
        Files.writeString(node.home().resolve("etc/org.diwan.library.alerts.cfg"), "intervalMinutes = 1\n");
        Files.copy(Path.of("..", "camel-routes", "notifications", "notifications-mail.camel.yaml"),
                Files.createDirectories(node.home().resolve("deploy")).resolve("notifications-mail.camel.yaml"));
        node.start().awaitHttp();
        admin = login(ADMIN, PASSWORD);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> admin.get("/admin/plugins").body().contains("diwan-library"));
        admin.get("/admin/plugins");
        HttpResponse<String> install = admin.post("/admin/plugins", Map.of("feature", "diwan-library", "action", "install"), true);
        assertThat(install.statusCode()).isIn(200, 302, 303);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> admin.get(CATALOGUE).statusCode() == 200);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void aCataloguerMakesAuthoritiesAndRecordsInArabic() throws Exception {
        authority("BODY", "مجلس جامعة الدول العربية", "Council of the League of Arab States", "مجلس الجامعة");
        authority("SUBJECT", "الأمن المائي", "Water security", "");
        authority("COUNTRY", "مصر", "Egypt", "جمهورية مصر العربية");

        Map<String, String> resolution = resolution("قرار بشأن الأمن المائي العربي", "PUBLIC");
        resolution.put("body", "مجلس الجامعه");                 // typed as a variant, with haa for taa marbuta
        resolution.put("subject", "الامن المائي");
        resolution.put("country", "Egypt");
        publicResolution = created(resolution);
        Map<String, String> report = resolution("تقرير سري عن الأمن المائي", "RESTRICTED");
        report.put("body", "مجلس جامعة الدول العربية");
        restrictedReport = created(report);

        String page = admin.get(CATALOGUE + "/" + publicResolution + "?saved=1").body();
        assertThat(page).contains("dir=\"rtl\"").contains("id=\"saved\"").contains("مجلس جامعة الدول العربية").contains("الأمن المائي")
                .contains("مصر");
        String staffSearch = admin.get(CATALOGUE + "?q=" + enc("الامن المائى")).body();
        assertThat(staffSearch).contains(publicResolution).contains(restrictedReport).contains("id=\"facet-body\"");
    }

    @Test
    @Order(2)
    void thePublicFindsAResolutionByAVariantSpellingAndNeverARestrictedRecord() throws Exception {
        WebClient visitor = new WebClient(node.httpPort());
        HttpResponse<String> found = visitor.get(PUBLIC + "?q=" + enc("قرارات الامن المائى"));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(PUBLIC + "/" + publicResolution).doesNotContain(restrictedReport).contains("id=\"public-note\"");
        assertThat(visitor.get(PUBLIC + "?q=" + enc("سري")).body()).contains("id=\"empty\"").doesNotContain(restrictedReport);
        assertThat(visitor.get(PUBLIC + "/" + publicResolution).body()).contains("قرار بشأن الأمن المائي العربي")
                .doesNotContain("id=\"access-");
        assertThat(visitor.get(PUBLIC + "/" + restrictedReport).statusCode()).isEqualTo(404);
        assertThat(visitor.get(PUBLIC + "/not-an-id").statusCode()).isEqualTo(404);
        // nothing else of the library opens without a login
        assertThat(visitor.get(CATALOGUE).statusCode()).isEqualTo(302);
        assertThat(visitor.get(AUTHORITIES).statusCode()).isEqualTo(302);
        assertThat(visitor.post(PUBLIC, Map.of("q", "x"), true).statusCode()).isIn(403, 405);
    }

    @Test
    @Order(3)
    void badInputIsRefusedWholeWithMessagesAndKeepsWhatWasTyped() throws Exception {
        admin.get(CATALOGUE + "/new");
        Map<String, String> bad = resolution("", "PUBLIC");
        bad.put("titleEn", "Resolution\u202Eevil");
        bad.put("body", "هيئة لا وجود لها");
        bad.put("language", "arabic");
        bad.put("year", "abc");
        HttpResponse<String> refused = admin.post(CATALOGUE + "/new", bad, true);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"form-error\"").contains("id=\"err-titleEn\"").contains("id=\"err-body\"")
                .contains("هيئة لا وجود لها").contains("id=\"err-language\"").contains("id=\"err-year\"");
        assertThat(admin.get(CATALOGUE + "?q=" + enc("evil")).body()).contains("id=\"empty\"");
    }

    @Test
    @Order(4)
    void aReaderSearchesButCannotWriteAndDoesNotSeeRestrictedRecords() throws Exception {
        admin.get("/admin/users");
        admin.post("/admin/users", Map.of("action", "saveRole", "roleName", "library-reader", "permission", "library:catalogue:read"), true);
        admin.get("/admin/users");
        HttpResponse<String> user = admin.post("/admin/users", Map.of("action", "createUser", "username", "reader1",
                "displayName", "قارئ", "password", "a long enough reading password", "role", "library-reader"), true);
        assertThat(user.statusCode()).isIn(200, 302, 303);
        WebClient reader = login("reader1", "a long enough reading password");

        assertThat(reader.get(CATALOGUE + "?q=" + enc("الامن المائي")).body()).contains(publicResolution).doesNotContain(restrictedReport)
                .doesNotContain("id=\"new-record\"");
        assertThat(reader.get(CATALOGUE + "/" + restrictedReport).statusCode()).isEqualTo(404);
        assertThat(reader.get(CATALOGUE + "/new").statusCode()).isEqualTo(403);
        assertThat(reader.post(CATALOGUE + "/new", resolution("x", "PUBLIC"), true).statusCode()).isEqualTo(403);
        assertThat(reader.post(AUTHORITIES + "/new", Map.of("kind", "PERSON", "nameAr", "س"), true).statusCode()).isEqualTo(403);
        assertThat(reader.get(AUTHORITIES + "?q=" + enc("مجلس الجامعه")).body()).contains("مجلس جامعة الدول العربية");
    }

    @Test
    @Order(5)
    void anAuthorityPageOffersItsDuplicatesAndMergingKeepsEveryRecordLinked() throws Exception {
        String kept = authority("PERSON", "طه حسين", "Taha Hussein", "");
        String duplicate = authority("PERSON", "طه حسين عبد الله", "Taha Husayn", "");
        Map<String, String> book = resolution("الأيام", "PUBLIC");
        book.put("type", "BOOK");
        book.put("author", "Taha Husayn");
        String record = created(book);

        String page = admin.get(AUTHORITIES + "/" + duplicate).body();
        assertThat(page).contains("id=\"duplicates\"").contains("merge-into-" + kept);
        HttpResponse<String> merged = admin.post(AUTHORITIES + "/" + duplicate + "/merge", Map.of("into", kept), true);
        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(merged.headers().firstValue("Location").orElseThrow()).endsWith(AUTHORITIES + "/" + kept + "?done=merge");
        assertThat(admin.get(AUTHORITIES + "/" + kept + "?done=merge").body()).contains("id=\"merged\"").contains("Taha Husayn");
        // the duplicate's old address answers with the one kept
        assertThat(admin.get(AUTHORITIES + "/" + duplicate).headers().firstValue("Location").orElseThrow()).endsWith(AUTHORITIES + "/" + kept);
        assertThat(admin.get(AUTHORITIES + "/" + duplicate).headers().firstValue("Location").orElse("")).endsWith(kept);
        assertThat(admin.get(CATALOGUE + "/" + record).body()).contains("طه حسين").doesNotContain("طه حسين عبد الله");
        String form = admin.get(CATALOGUE + "/" + record + "/edit").body();
        assertThat(form).contains("id=\"record-form\"").contains(">طه حسين</textarea>");
        assertThat(admin.get(CATALOGUE + "?f.author=" + kept).body()).contains(record).contains("aria-current=\"true\"");
    }

    @Test
    @Order(6)
    void aScanIsAttachedWithItsChecksumAndThePublicOpensItButNeverARestrictedOne() throws Exception {
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        admin.get(CATALOGUE + "/" + publicResolution);
        HttpResponse<String> attached = admin.upload(CATALOGUE + "/" + publicResolution + "/objects?_csrf=" + admin.csrf(), "قرار 245.pdf",
                "application/pdf", pdf);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(302);
        admin.get(CATALOGUE + "/" + publicResolution);
        assertThat(admin.upload(CATALOGUE + "/" + publicResolution + "/objects?objectAccess=RESTRICTED&_csrf=" + admin.csrf(), "annex.pdf",
                "application/pdf", pdf).statusCode()).isEqualTo(302);
        admin.get(CATALOGUE + "/" + publicResolution);
        HttpResponse<String> program = admin.upload(CATALOGUE + "/" + publicResolution + "/objects?_csrf=" + admin.csrf(), "scan.pdf",
                "application/pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0});
        assertThat(program.statusCode()).isEqualTo(422);
        assertThat(program.body()).contains("id=\"upload-error\"");

        String staffPage = admin.get(CATALOGUE + "/" + publicResolution + "?attached=1").body();
        assertThat(staffPage).contains(sha256).contains("قرار 245.pdf").contains("annex.pdf").contains("id=\"attached\"");
        WebClient visitor = new WebClient(node.httpPort());
        String publicPage = visitor.get(PUBLIC + "/" + publicResolution).body();
        assertThat(publicPage).contains(sha256).contains("قرار 245.pdf").doesNotContain("annex.pdf");
        Matcher links = Pattern.compile(PUBLIC + "/" + publicResolution + "/objects/([0-9a-f-]{36})").matcher(publicPage);
        assertThat(links.find()).isTrue();
        HttpResponse<byte[]> opened = visitor.download(PUBLIC + "/" + publicResolution + "/objects/" + links.group(1));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(pdf);
        assertThat(opened.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(opened.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
        Matcher every = Pattern.compile("id=\"object-([0-9a-f-]{36})\"").matcher(staffPage);
        java.util.List<String> ids = new java.util.ArrayList<>();
        while (every.find()) {
            ids.add(every.group(1));
        }
        assertThat(ids).hasSize(2);
        String annex = ids.get(1);
        assertThat(visitor.download(PUBLIC + "/" + publicResolution + "/objects/" + annex).statusCode()).isEqualTo(404);
        assertThat(admin.download(CATALOGUE + "/" + publicResolution + "/objects/" + annex).statusCode()).isEqualTo(200);
        assertThat(visitor.download(PUBLIC + "/" + restrictedReport + "/objects/" + links.group(1)).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void marcComesInWithAReportAndGoesOutAsMarcAndDublinCore() throws Exception {
        byte[] marc = Files.readAllBytes(Path.of("..", "plugins", "library", "src", "test", "resources", "marc", "another-library.xml"));
        admin.get("/diwan/library/exchange");
        HttpResponse<String> imported = admin.upload("/diwan/library/exchange/import?_csrf=" + admin.csrf(), "another-library.xml",
                "application/xml", marc);
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("id=\"counts\"").contains("id=\"created\"").doesNotContain("id=\"refused\"");
        admin.get("/diwan/library/exchange");
        byte[] xxe = Files.readAllBytes(Path.of("..", "plugins", "library", "src", "test", "resources", "marc", "xxe.xml"));
        HttpResponse<String> refused = admin.upload("/diwan/library/exchange/import?_csrf=" + admin.csrf(), "xxe.xml", "application/xml", xxe);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"import-error\"").doesNotContain("root:");

        HttpResponse<byte[]> dc = new WebClient(node.httpPort()).download(PUBLIC + "/" + publicResolution + "/dc.xml");
        assertThat(dc.statusCode()).isEqualTo(200);
        assertThat(new String(dc.body(), StandardCharsets.UTF_8)).contains("<oai_dc:dc").contains("قرار بشأن الأمن المائي العربي")
                .contains("xml:lang=\"ar\"");
        assertThat(new WebClient(node.httpPort()).download(PUBLIC + "/" + restrictedReport + "/marc.xml").statusCode()).isEqualTo(404);
        String all = new String(admin.download("/diwan/library/exchange/catalogue.xml").body(), StandardCharsets.UTF_8);
        assertThat(all).contains(publicResolution).contains(restrictedReport).contains("A history of the Arab peoples");

        originalScriptRecordsAreKeptFoundAndAskedAboutWhenTheyComeAgain();
    }

    /** A Library of Congress record (romanized, the Arabic in linked 880s): both forms shown and found; sent again, held for a choice. */
    private void originalScriptRecordsAreKeptFoundAndAskedAboutWhenTheyComeAgain() throws Exception {
        byte[] lc = Files.readAllBytes(Path.of("..", "plugins", "library", "src", "test", "resources", "marc", "lc-arabic-880.xml"));
        admin.get("/diwan/library/exchange");
        HttpResponse<String> imported = admin.upload("/diwan/library/exchange/import?_csrf=" + admin.csrf(), "lc.xml", "application/xml", lc);
        assertThat(imported.statusCode()).isEqualTo(200);
        Matcher made = RECORD_ID.matcher(imported.body());
        assertThat(made.find()).as(imported.body()).isTrue();
        String book = made.group(1);
        assertThat(admin.get(CATALOGUE + "/" + book).body()).contains("كتاب الأيام").contains("lang=\"ar-Latn\"").contains("Kitāb al-ayyām")
                .contains("id=\"marc-view\"").contains("245-02/(3/r").contains("Silsilat al-adab");
        assertThat(admin.get(CATALOGUE + "?q=" + enc("كتاب الايام")).body()).contains(book);

        admin.get("/diwan/library/exchange");
        HttpResponse<String> again = admin.upload("/diwan/library/exchange/import?_csrf=" + admin.csrf(), "lc.xml", "application/xml", lc);
        assertThat(again.body()).contains("id=\"held\"").contains(CATALOGUE + "/" + book);
        Matcher held = Pattern.compile("name=\"choice\\.([0-9a-f-]{36})\"").matcher(again.body());
        Matcher batch = Pattern.compile("held\\?batch=([0-9a-f-]{36})").matcher(again.body());
        assertThat(held.find() && batch.find()).isTrue();
        String choose = "/diwan/library/exchange/held?batch=" + batch.group(1);
        // a reader may not choose: refused before the form is read
        WebClient reader = login("reader1", "a long enough reading password");
        reader.get(CATALOGUE);
        assertThat(reader.post(choose, Map.of("choice." + held.group(1), "new"), true).statusCode()).isEqualTo(403);
        HttpResponse<String> skipped = admin.post(choose, Map.of("choice." + held.group(1), "skip"), true);
        assertThat(skipped.statusCode()).isEqualTo(200);
        assertThat(skipped.body()).contains("id=\"skipped-count\"").doesNotContain("id=\"held\"");

        String exported = new String(admin.download("/diwan/library/exchange/catalogue.xml").body(), StandardCharsets.UTF_8);
        assertThat(exported).contains("245-02/(3/r").contains("كتاب الأيام /").contains("Kitāb al-ayyām /");
    }

    @Test
    @Order(8)
    void harvestersGetPublicRecordsOverOaiPmhByGetAndPostWithoutALogin() throws Exception {
        WebClient harvester = new WebClient(node.httpPort());
        HttpResponse<String> identify = harvester.get(PUBLIC + "/oai?verb=Identify");
        assertThat(identify.statusCode()).isEqualTo(200);
        assertThat(identify.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(identify.body()).contains("<protocolVersion>2.0</protocolVersion>").contains("<deletedRecord>persistent</deletedRecord>");
        HttpResponse<String> records = harvester.post(PUBLIC + "/oai", Map.of("verb", "ListRecords", "metadataPrefix", "oai_dc"), false);
        assertThat(records.statusCode()).isEqualTo(200);
        assertThat(records.body()).contains("oai:diwan.library:" + publicResolution).doesNotContain(restrictedReport)
                .contains("<dc:title xml:lang=\"ar\">قرار بشأن الأمن المائي العربي</dc:title>");
        assertThat(harvester.get(PUBLIC + "/oai?verb=Harvest").body()).contains("code=\"badVerb\"");
        // the exemption is the endpoint's alone: other public pages still refuse a POST without the session's token
        assertThat(harvester.post(PUBLIC + "/" + publicResolution, Map.of("x", "y"), false).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(9)
    void aReaderSavesASearchAndSeesWhatIsNewWhileOthersCannotReachIt() throws Exception {
        String search = admin.get(CATALOGUE + "?q=" + enc("الامن المائي")).body();
        assertThat(search).contains("id=\"save-search\"");
        HttpResponse<String> saved = admin.post("/diwan/library/searches", Map.of("name", "الأمن المائي", "query", "q=" + enc("الامن المائي")), true);
        assertThat(saved.statusCode()).isEqualTo(302);
        String list = admin.get("/diwan/library/searches?saved=1").body();
        assertThat(list).contains("id=\"saved\"").contains("الأمن المائي")
                // when it was last seen, in both calendars like every date in Diwan (it was a bare ISO date)
                .containsPattern("١٤[٤-٥][٠-٩]");
        Matcher id = Pattern.compile("id=\"search-([0-9a-f-]{36})\"").matcher(list);
        assertThat(id.find()).isTrue();
        HttpResponse<String> opened = admin.get("/diwan/library/searches/" + id.group(1));
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElse("")).contains(CATALOGUE + "?q=");

        WebClient reader = login("reader1", "a long enough reading password");
        assertThat(reader.get("/diwan/library/searches").body()).contains("id=\"none\"");
        assertThat(reader.get("/diwan/library/searches/" + id.group(1)).statusCode()).isEqualTo(404);
        assertThat(reader.post("/diwan/library/searches/" + id.group(1) + "/delete", Map.of(), true).statusCode()).isEqualTo(404);
        assertThat(admin.post("/diwan/library/searches/" + id.group(1) + "/delete", Map.of(), true).statusCode()).isEqualTo(302);
    }

    @Test
    @Order(10)
    void theAdministratorSeesTheIndexAndRebuildsItWhileReadersCannot() throws Exception {
        String page = admin.get("/admin/search").body();
        assertThat(page).contains("id=\"collection-library.record\"").contains("id=\"collection-library.authority\"");
        HttpResponse<String> rebuilt = admin.post("/admin/search", Map.of("collection", "library.record"), true);
        assertThat(rebuilt.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/search?started=library.record").body()).contains("id=\"rebuild-started\"");
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.get(PUBLIC + "?q=" + enc("الامن المائي")).body().contains(publicResolution));
        admin.get("/admin/search");
        assertThat(admin.post("/admin/search", Map.of("collection", "nothing.here"), true).statusCode()).isEqualTo(400);

        WebClient reader = login("reader1", "a long enough reading password");
        assertThat(reader.get("/admin/search").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(11)
    void oaiPmhAnswersEveryHostileRequestWithACompleteDocumentAndTheRightErrorWhileHarvestsGoOn() throws Exception {
        List<String> made = new ArrayList<>(List.of(publicResolution));
        for (int i = 0; i < 11; i++) {
            Map<String, String> more = resolution("قرار رقم " + i + " بشأن الحصاد", "PUBLIC");
            more.put("body", "مجلس جامعة الدول العربية");
            made.add(created(more));
        }
        OaiProbe oai = new OaiProbe(node.httpPort());

        // a legitimate harvest, its pages asked for by GET and POST in turn, gives every public record once
        List<String> harvested = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        OaiProbe.Answer page = oai.get("verb=ListIdentifiers&metadataPrefix=oai_dc");
        while (true) {
            Document doc = OaiProbe.xml(page, "harvest page " + tokens.size());
            assertThat(page.status()).isEqualTo(200);
            assertThat(OaiProbe.error(doc, "harvest")).isNull();
            OaiProbe.texts(doc, "identifier").forEach(id -> harvested.add(id.substring("oai:diwan.library:".length())));
            List<String> next = OaiProbe.texts(doc, "resumptionToken");
            if (next.isEmpty() || next.get(0).isEmpty()) {
                break;
            }
            tokens.add(next.get(0));
            String args = "verb=ListIdentifiers&resumptionToken=" + OaiProbe.enc(next.get(0));
            page = tokens.size() % 2 == 0 ? oai.get(args) : oai.postForm(args);
        }
        assertThat(tokens).isNotEmpty();
        assertThat(harvested).doesNotHaveDuplicates().containsAll(made).doesNotContain(restrictedReport);

        // every verb, every argument, every hostile shape, by GET and by POST; every failing shape is reported
        List<String> failures = new ArrayList<>();
        int asked = 0;
        for (String verb : OaiProbe.VERBS) {
            for (String argument : OaiProbe.ARGUMENTS) {
                for (OaiProbe.Hostile value : OaiProbe.hostileValues()) {
                    String query = OaiProbe.query(verb, argument, value.wire(), "oai:diwan.library:" + publicResolution);
                    String expected = OaiProbe.expected(verb, argument, value);
                    for (boolean post : new boolean[] {false, true}) {
                        String what = (post ? "POST " : "GET ") + verb + " " + argument + "=" + value.label();
                        failures.add(OaiProbe.verdict(what, post ? oai.postForm(query) : oai.get(query), 200, expected));
                        asked++;
                    }
                }
            }
        }
        assertThat(asked).isGreaterThan(2000);

        // resumption tokens: forged, changed, cut, out of range
        String token = tokens.get(0);
        int dot = token.indexOf('.') < 0 ? token.length() : token.indexOf('.');
        char flipped = token.charAt(dot / 2) == 'A' ? 'B' : 'A';
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("forged, until Long.MAX", OaiProbe.forgedToken(Long.MAX_VALUE, 0));
        badTokens.put("forged, until Long.MIN", OaiProbe.forgedToken(Long.MIN_VALUE, 0));
        badTokens.put("forged, negative cursor", OaiProbe.forgedToken(1_700_000_000_000L, -1));
        badTokens.put("payload changed", token.substring(0, dot / 2) + flipped + token.substring(dot / 2 + 1));
        badTokens.put("cut short", token.substring(0, token.length() - 5));
        badTokens.put("signature dropped", token.substring(0, dot));
        badTokens.put("grown", token + "AAAA");
        badTokens.put("garbage base64", "@@@@.####");
        for (Map.Entry<String, String> bad : badTokens.entrySet()) {
            for (String verb : List.of("ListRecords", "ListIdentifiers")) {
                String args = "verb=" + verb + "&resumptionToken=" + OaiProbe.enc(bad.getValue());
                failures.add(OaiProbe.verdict("GET " + verb + " token " + bad.getKey(), oai.get(args), 200, "badResumptionToken"));
                failures.add(OaiProbe.verdict("POST " + verb + " token " + bad.getKey(), oai.postForm(args), 200, "badResumptionToken"));
            }
        }

        // repeated and misnamed arguments, across the query string and the body too
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("verb=Identify&verb=Identify", "badVerb");
        shapes.put("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument");
        shapes.put("verb=ListRecords&metadataPrefix=oai_dc&set=type:book&set=type:book", "badArgument");
        shapes.put("verb=Identify&%00=1", "badArgument");
        shapes.put("verb%00=Identify", "badVerb");
        shapes.put("verb=Identify&" + "x=1&".repeat(500) + "y=2", "badArgument");
        shapes.put("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=" + OaiProbe.enc(token), "badArgument");
        shapes.put("verb=ListRecords&metadataPrefix=oai_dc&from=2003-01-01&until=2003-01-01T00:00:00Z", "badArgument");
        shapes.put("verb=ListRecords&metadataPrefix=oai_dc&from=2010-01-01&until=2009-01-01", "badArgument");
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            failures.add(OaiProbe.verdict("GET " + shape.getKey(), oai.get(shape.getKey()), 200, shape.getValue()));
            failures.add(OaiProbe.verdict("POST " + shape.getKey(), oai.postForm(shape.getKey()), 200, shape.getValue()));
        }
        failures.add(OaiProbe.verdict("verb in query and body", oai.post("verb=Identify", "application/x-www-form-urlencoded",
                "verb=Identify".getBytes(StandardCharsets.US_ASCII)), 200, "badVerb"));

        // bodies: too large, not a form, and methods the protocol does not use
        failures.add(OaiProbe.verdict("200 KiB body", oai.postForm("verb=ListRecords&metadataPrefix=oai_dc&set=" + "a".repeat(200 * 1024)), 413,
                "badArgument"));
        failures.add(OaiProbe.verdict("60 KiB body", oai.postForm("verb=ListRecords&metadataPrefix=oai_dc&set=" + "a".repeat(60 * 1024)), 200,
                "badArgument"));
        for (String type : List.of("text/plain", "application/json", "multipart/form-data; boundary=x", "application/xml")) {
            failures.add(OaiProbe.verdict("POST as " + type, oai.post(null, type, "verb=Identify".getBytes(StandardCharsets.US_ASCII)), 415,
                    "badArgument"));
        }
        failures.add(OaiProbe.verdict("PUT", oai.send("PUT", "verb=Identify"), 405, "badArgument"));
        failures.removeIf(Objects::isNull);
        assertThat(failures).as("OAI-PMH answers that are wrong").isEmpty();

        // and the node kept calm: no stack trace for any of it
        assertThat(node.log()).doesNotContain("at org.diwan.library.internal.oai.").doesNotContain("at org.diwan.library.internal.web.OaiServlet")
                .doesNotContain("OAI-PMH answer failed");
        // a harvest still works after all of it
        assertThat(OaiProbe.error(OaiProbe.xml(oai.get("verb=ListRecords&metadataPrefix=marcxml"), "after"), "after")).isNull();
    }

    @Test
    @Order(12)
    void aCataloguerDeletesRecordsAReaderCannotAndHarvestersSeeTheDeletedHeader() throws Exception {
        admin.get("/admin/users");
        admin.postPairs("/admin/users", List.of("action", "saveRole", "roleName", "library-cataloguer", "permission", "library:catalogue:read",
                "permission", "library:catalogue:write", "permission", "library:catalogue:delete"));
        admin.get("/admin/users");
        assertThat(admin.post("/admin/users", Map.of("action", "createUser", "username", "cataloguer1", "displayName", "مفهرس",
                "password", "a long enough cataloguing password", "role", "library-cataloguer"), true).statusCode()).isIn(200, 302, 303);
        WebClient cataloguer = login("cataloguer1", "a long enough cataloguing password");
        WebClient reader = login("reader1", "a long enough reading password");
        Map<String, String> withdrawnResolution = resolution("قرار ملغى بشأن النقل البري", "PUBLIC");
        withdrawnResolution.put("body", "مجلس جامعة الدول العربية");
        String doomed = created(withdrawnResolution);

        // a reader: refused before the form is read, by the page, the form and the API alike; the record stays
        assertThat(reader.get(CATALOGUE + "/" + doomed).body()).doesNotContain("id=\"delete\"");
        assertThat(reader.get(CATALOGUE + "/" + doomed + "/delete").statusCode()).isEqualTo(403);
        assertThat(reader.post(CATALOGUE + "/" + doomed + "/delete", Map.of("padding", "x".repeat(100_000)), true).statusCode()).isEqualTo(403);
        HttpResponse<String> apiRefusal = reader.sendWith("DELETE", "/api/library/records/" + doomed, null, null, Map.of());
        assertThat(apiRefusal.statusCode()).isEqualTo(403);
        assertThat(apiRefusal.body()).contains("\"error\":\"forbidden\"");
        assertThat(admin.get(CATALOGUE + "/" + doomed).statusCode()).isEqualTo(200);

        // the cataloguer: the record's page offers it, a page asks to confirm, the catalogue says it is done
        assertThat(cataloguer.get(CATALOGUE + "/" + doomed).body()).contains("id=\"delete\"");
        assertThat(cataloguer.get(CATALOGUE + "/" + doomed + "/delete").body()).contains("id=\"delete-confirm\"").contains("قرار ملغى");
        HttpResponse<String> deleted = cataloguer.post(CATALOGUE + "/" + doomed + "/delete", Map.of(), true);
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith(CATALOGUE + "?deleted=1");
        assertThat(cataloguer.get(CATALOGUE + "?deleted=1").body()).contains("id=\"deleted\"");
        assertThat(admin.get(CATALOGUE + "/" + doomed).statusCode()).isEqualTo(404);
        assertThat(admin.get(CATALOGUE + "?q=" + enc("النقل البري")).body()).doesNotContain(doomed);

        // harvesters: the deleted header, by GetRecord and in a list from the moment it went
        WebClient harvester = new WebClient(node.httpPort());
        String header = harvester.get(PUBLIC + "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:diwan.library:" + doomed).body();
        assertThat(header).contains("<header status=\"deleted\">").doesNotContain("<metadata>").doesNotContain("idDoesNotExist");
        Matcher datestamp = Pattern.compile("<datestamp>([^<]+)</datestamp>").matcher(header);
        assertThat(datestamp.find()).isTrue();
        assertThat(harvester.get(PUBLIC + "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + datestamp.group(1)).body())
                .contains("oai:diwan.library:" + doomed).contains("status=\"deleted\"");
        assertThat(harvester.get(PUBLIC + "/oai?verb=Identify").body()).contains("<deletedRecord>persistent</deletedRecord>");

        // a periodical with an issue stays until the issue goes (here by the API, as a program would)
        String periodical = created(Map.of("type", "PERIODICAL", "titleAr", "شؤون عربية", "language", "ar", "access", "PUBLIC"));
        String issue = created(Map.of("type", "ISSUE", "titleAr", "العدد الأول", "language", "ar", "access", "PUBLIC", "parent", periodical));
        assertThat(cataloguer.get(CATALOGUE + "/" + periodical + "/delete").body()).contains("id=\"delete-refused\"").contains(issue);
        assertThat(cataloguer.post(CATALOGUE + "/" + periodical + "/delete", Map.of(), true).statusCode()).isEqualTo(409);
        assertThat(cataloguer.sendWith("DELETE", "/api/library/records/" + periodical, null, null, Map.of()).statusCode()).isEqualTo(409);
        assertThat(cataloguer.sendWith("DELETE", "/api/library/records/" + issue, null, null, Map.of()).statusCode()).isEqualTo(204);
        assertThat(cataloguer.sendWith("DELETE", "/api/library/records/" + issue, null, null, Map.of()).statusCode()).isEqualTo(404);
        cataloguer.get(CATALOGUE + "/new");
        assertThat(cataloguer.post(CATALOGUE + "/" + periodical + "/delete", Map.of(), true).statusCode()).isEqualTo(303);
    }

    @Test
    @Order(20)
    void theDeskLendsTakesBackHoldsAReservedCopyAndAnOverdueNoticeReachesTheBorrowerByMail() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> node.log().contains("Routes [notifications-mail]")
                && node.log().contains("Notifications by e-mail on"));
        admin.get("/account");
        assertThat(admin.post("/account", Map.of("mailAddress", "librarian@library.diwan.test", "notifyByMail", "on"), true).statusCode())
                .isEqualTo(302);
        String record = CATALOGUE + "/" + publicResolution;
        admin.get(record);
        HttpResponse<String> added = admin.post(record + "/items", Map.of("barcode", "lib-it-0001", "location", "stacks"), true);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(admin.get(record + "?done=items").body()).contains("id=\"item-LIB-IT-0001\"").contains("id=\"availability\"");
        admin.get(record);
        assertThat(admin.post(record + "/items", Map.of("barcode", "LIB-IT-0001", "location", "stacks"), true).statusCode()).isEqualTo(422);

        // lent to the librarian with a due date the desk typed, ten days ago: overdue from the start
        String desk = "/diwan/library/desk";
        admin.get(desk);
        HttpResponse<String> lent = admin.post(desk + "/lend", Map.of("barcode", "lib-it-0001", "borrower", ADMIN,
                "dueOn", LocalDate.now().minusDays(10).toString()), true);
        assertThat(lent.statusCode()).as(lent.body()).isEqualTo(200);
        assertThat(lent.body()).contains("id=\"lent\"");
        HttpResponse<String> again = admin.post(desk + "/lend", Map.of("barcode", "LIB-IT-0001", "borrower", "reader1"), true);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"desk-error\"");
        // the public sees that no copy is on the shelf and when one is due, never who has it
        String shown = new WebClient(node.httpPort()).get(PUBLIC + "/" + publicResolution).body();
        assertThat(shown).contains("id=\"availability\"").contains("id=\"next-due\"").doesNotContain(ADMIN).doesNotContain("item-borrower");

        // a reader reserves it; the borrower may not renew while the reader waits
        WebClient reader = login("reader1", "a long enough reading password");
        assertThat(reader.get(record).body()).contains("id=\"reserve\"");
        assertThat(reader.post(record + "/reserve", Map.of(), true).statusCode()).isEqualTo(302);
        assertThat(reader.get("/diwan/library/loans").body()).contains("id=\"my-reservations\"");
        String mine = admin.get("/diwan/library/loans").body();
        Matcher loan = Pattern.compile("/diwan/library/loans/([0-9a-f-]{36})/renew").matcher(mine);
        assertThat(loan.find()).as(mine).isTrue();
        HttpResponse<String> renewal = admin.post("/diwan/library/loans/" + loan.group(1) + "/renew", Map.of(), true);
        assertThat(renewal.statusCode()).isEqualTo(409);
        assertThat(renewal.body()).contains("id=\"loans-error\"");

        // the overdue notice, run now by the desk: one mail to the borrower; a second run sends nothing more
        admin.get(desk);
        assertThat(notices(admin.post(desk + "/overdue", Map.of(), true))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(120)).until(() -> smtp.getReceivedMessages().length >= 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("librarian@library.diwan.test");
        String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("LIB-IT-0001").contains("قرار بشأن الأمن المائي العربي");
        admin.get(desk);
        assertThat(notices(admin.post(desk + "/overdue", Map.of(), true))).isZero();

        // taken back by its barcode: onto the hold shelf for the reader, who is told; only they may borrow it now
        admin.get(desk);
        HttpResponse<String> back = admin.post(desk + "/return", Map.of("barcode", "LIB-IT-0001"), true);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("id=\"hold-shelf\"").contains("reader1");
        assertThat(reader.get("/notifications").body()).contains("LIB-IT-0001");
        assertThat(reader.get("/diwan/library/loans").body()).contains("on-hold");
        admin.get(desk);
        assertThat(admin.post(desk + "/lend", Map.of("barcode", "LIB-IT-0001", "borrower", ADMIN), true).statusCode()).isEqualTo(409);
        assertThat(admin.post(desk + "/lend", Map.of("barcode", "LIB-IT-0001", "borrower", "reader1"), true).statusCode()).isEqualTo(200);
        assertThat(reader.get("/diwan/library/loans").body()).contains("LIB-IT-0001").contains("id=\"no-reservations\"");
        // integrators read the copy by its barcode; only the desk's permission shows who has it
        HttpResponse<String> json = admin.get("/api/library/items/lib-it-0001");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("\"status\":\"ON_LOAN\"").contains("\"borrower\":\"reader1\"");
        assertThat(reader.get("/api/library/items/LIB-IT-0001").body()).contains("\"dueOn\"").doesNotContain("\"borrower\"");
        // a reader has no desk
        assertThat(reader.get(desk).statusCode()).isEqualTo(403);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    /** The count of notices the desk's page says it sent, in whichever digits the page uses. */
    private static int notices(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher sent = Pattern.compile("id=\"notices\"[^>]*>[^<]*?([0-9\u0660-\u0669]+)").matcher(page.body());
        assertThat(sent.find()).as(page.body()).isTrue();
        return Character.digit(sent.group(1).charAt(0), 10) == -1 ? -1 : Integer.parseInt(sent.group(1).chars()
                .mapToObj(c -> String.valueOf(Character.digit(c, 10))).reduce("", String::concat));
    }

    @Test
    @Order(21)
    void aSavedSearchWithAlertsMailsTheRecordCataloguedSince() throws Exception {
        // the librarian's address was set for the overdue notices
        await().atMost(Duration.ofSeconds(60)).until(() -> node.log().contains("saved-search alerts on, every 1 minutes"));
        admin.get("/diwan/library/searches");
        assertThat(admin.post("/diwan/library/searches", Map.of("name", "أرشيف رقمي", "query", "q=" + enc("الأرشيف الرقمي")), true)
                .statusCode()).isEqualTo(302);
        Matcher search = Pattern.compile("id=\"search-([0-9a-f-]{36})\"").matcher(admin.get("/diwan/library/searches").body());
        assertThat(search.find()).isTrue();
        assertThat(admin.post("/diwan/library/searches/" + search.group(1) + "/alerts", Map.of("alerts", "on"), true).statusCode()).isEqualTo(302);
        assertThat(admin.get("/diwan/library/searches?alerts=on").body()).contains("id=\"alerts-started\"").contains("alerts-on");
        created(Map.of("type", "BOOK", "titleAr", "دليل الأرشيف الرقمي", "language", "ar", "access", "PUBLIC"));

        await().atMost(Duration.ofSeconds(180)).until(() -> alertMails().size() >= 1);
        MimeMessage mail = alertMails().get(0);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("librarian@library.diwan.test");
        String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("دليل الأرشيف الرقمي");
        // and in the inbox
        assertThat(admin.get("/notifications").body()).contains("دليل الأرشيف الرقمي");
        // once: the same change is never mailed again (AlertRunTest shows it round after round; waiting here costs minutes)
        assertThat(alertMails()).hasSize(1);
    }

    /** The mails of the saved search named أرشيف رقمي. */
    private List<MimeMessage> alertMails() throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject() != null && m.getSubject().contains("أرشيف رقمي")) {
                found.add(m);
            }
        }
        return found;
    }

    private String authority(String kind, String ar, String en, String variants) throws Exception {
        admin.get(AUTHORITIES + "/new");
        HttpResponse<String> created = admin.post(AUTHORITIES + "/new", Map.of("kind", kind, "nameAr", ar, "nameEn", en, "variants", variants),
                true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1, location.indexOf('?'));
    }

    private String created(Map<String, String> fields) throws Exception {
        admin.get(CATALOGUE + "/new");
        HttpResponse<String> created = admin.post(CATALOGUE + "/new", fields, true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Matcher id = RECORD_ID.matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private static Map<String, String> resolution(String titleAr, String access) {
        Map<String, String> f = new HashMap<>();
        f.put("type", "LEAGUE_DOCUMENT");
        f.put("titleAr", titleAr);
        f.put("symbol", "ق.ق: 245 د.ع (15)");
        f.put("session", "الدورة العادية الخامسة عشرة");
        f.put("issuedOn", "2003-03-24");
        f.put("language", "ar");
        f.put("access", access);
        return f;
    }

    private WebClient login(String user, String password) throws Exception {
        return WebClient.loggedIn(node.httpPort(), user, password);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
