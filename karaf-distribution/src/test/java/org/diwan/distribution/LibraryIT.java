package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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

/**
 * The library plugin on a running node, from outside: installed from the plugins page; a cataloguer makes
 * authorities and records through the Arabic forms, naming authorities as typed; the public catalogue, with no
 * login, finds a resolution by an Arabic variant spelling and never shows a restricted record; a reader cannot
 * write; bad input is refused whole.
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

    @BeforeAll
    void start() throws Exception {
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve("library-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        node = DiwanNode.unpack("library-it").withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString())
                .withEnv("DIWAN_ADMIN_USER", ADMIN).start().awaitHttp();
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
        assertThat(admin.get(AUTHORITIES + "/" + kept + "?merged=1").body()).contains("id=\"merged\"").contains("Taha Husayn");
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
    }

    @Test
    @Order(8)
    void harvestersGetPublicRecordsOverOaiPmhByGetAndPostWithoutALogin() throws Exception {
        WebClient harvester = new WebClient(node.httpPort());
        HttpResponse<String> identify = harvester.get(PUBLIC + "/oai?verb=Identify");
        assertThat(identify.statusCode()).isEqualTo(200);
        assertThat(identify.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(identify.body()).contains("<protocolVersion>2.0</protocolVersion>").contains("<deletedRecord>no</deletedRecord>");
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
        assertThat(list).contains("id=\"saved\"").contains("الأمن المائي");
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
        WebClient client = new WebClient(node.httpPort());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> client.get("/login").statusCode() == 200);
        HttpResponse<String> login = client.post("/login", Map.of("username", user, "password", password), true);
        assertThat(login.statusCode()).as("login of " + user).isEqualTo(302);
        return client;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
