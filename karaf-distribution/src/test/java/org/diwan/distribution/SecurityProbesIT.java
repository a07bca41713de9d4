package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * The outside probes of a node with the library installed, as an attacker with a reader's account would run them
 * (issue #12): upload bodies are decided on before they are read and cut at the documents limit, per-user upload
 * slots, refusals of the JSON API in problem+json, role escalation through a hand-made form, SVG with script,
 * files served sandboxed, control characters typed at login kept out of the logs raw, protected plugin URLs in
 * every bypass spelling, secret files and the absent shutdown port, and last, {@code bin/diwan stop}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityProbesIT {

    private static final String ADMIN = "warden";
    private static final String PASSWORD = "probes test secret";
    private static final String READER_PASSWORD = "quiet shelves 2026";
    private static final long LIMIT = 1024 * 1024;
    private static final String IMPORT = "/diwan/library/exchange/import";
    private static final String CATALOGUE = "/diwan/library/catalogue";
    private static final Pattern RECORD_ID = Pattern.compile(CATALOGUE + "/([0-9a-f-]{36})");

    private DiwanNode node;
    private WebClient admin;
    private WebClient reader;

    @BeforeAll
    void start() throws Exception {
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve("probes-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        node = DiwanNode.unpack("probes-it").withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString()).withEnv("DIWAN_ADMIN_USER", ADMIN);
        Files.writeString(node.home().resolve("etc/org.diwan.documents.cfg"), "maxSizeBytes = " + LIMIT + "\n");
        node.bootWith("diwan-library").start().awaitHttp();
        admin = login(ADMIN, PASSWORD);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> admin.get(CATALOGUE).statusCode() == 200);
        admin.get("/admin/users");
        assertThat(admin.post("/admin/users", Map.of("action", "saveRole", "roleName", "library-reader", "permission", "library:catalogue:read"),
                true).statusCode()).isEqualTo(302);
        admin.get("/admin/users");
        assertThat(admin.post("/admin/users", Map.of("action", "createUser", "username", "reader", "displayName", "قارئ",
                "password", READER_PASSWORD, "role", "library-reader"), true).statusCode()).isEqualTo(302);
        reader = login("reader", READER_PASSWORD);
        reader.get(CATALOGUE);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void anUploadOverTheLimitIsRefusedFromItsDeclaredLengthBeforeAnyOfItIsRead() throws Exception {
        try (RawUpload upload = RawUpload.open(node.httpPort(), IMPORT, reader.cookieHeader(), 2L * 1024 * 1024 * 1024)) {
            upload.send(RawUpload.partHead("huge.xml"));
            RawUpload.Answer answer = upload.answer();
            assertThat(answer.status()).as(answer.text()).isEqualTo(413);
            assertThat(answer.text()).contains("id=\"error-message\"").containsIgnoringCase("connection: close");
            assertThat(answer.bytesSent()).isLessThan(1024);
        }
        assertThat(multipartTemporaryBytes()).isZero();
        // and a sender that goes on regardless: the server stops taking the body (far more than loopback's buffers hold)
        long total = 256L * 1024 * 1024;
        try (RawUpload upload = RawUpload.open(node.httpPort(), IMPORT, reader.cookieHeader(), 2L * 1024 * 1024 * 1024)) {
            CompletableFuture<Void> streaming = upload.streamRaw(RawUpload.partHead("huge.xml"), total);
            RawUpload.Answer answer = upload.answer();
            RawUpload.settle(streaming);
            assertThat(answer.status()).as(answer.text()).isIn(0, 413);
            assertThat(upload.bytesSent()).as("bytes the server took from a refused body").isLessThan(total);
        }
    }

    @Test
    @Order(2)
    void aReaderWithoutTokenOrPermissionIsRefusedBeforeTheBodyIsRead() throws Exception {
        long declared = LIMIT - 4096;
        // no CSRF token: refused by the shell, although the body is not even sent
        try (RawUpload upload = RawUpload.open(node.httpPort(), IMPORT, reader.cookieHeader(), declared)) {
            upload.send(RawUpload.partHead("catalogue.xml")).send(new byte[1024]);
            RawUpload.Answer answer = upload.answer();
            assertThat(answer.status()).as(answer.text()).isEqualTo(403);
            assertThat(answer.text()).contains("id=\"error-message\"");
        }
        // the token in the query string, but no write permission: refused by the servlet before it reads the body
        try (RawUpload upload = RawUpload.open(node.httpPort(), IMPORT + "?_csrf=" + reader.csrf(), reader.cookieHeader(), declared)) {
            upload.send(RawUpload.partHead("catalogue.xml")).send(new byte[1024]);
            RawUpload.Answer answer = upload.answer();
            assertThat(answer.status()).as(answer.text()).isEqualTo(403);
        }
        assertThat(multipartTemporaryBytes()).isZero();
    }

    @Test
    @Order(3)
    void aStreamedUploadIsCutAtTheDocumentsLimit() throws Exception {
        admin.get("/diwan/library/exchange");
        // far more than loopback's socket buffers hold (tcp_rmem up to 32 MiB here, plus the sender's 4 MiB): what the
        // sender could push beyond them, the server read
        long total = 256L * 1024 * 1024;
        try (RawUpload upload = RawUpload.open(node.httpPort(), IMPORT + "?_csrf=" + admin.csrf(), admin.cookieHeader(), -1)) {
            CompletableFuture<Void> streaming = upload.streamChunked(RawUpload.partHead("endless.xml"), total);
            RawUpload.Answer answer = upload.answer();
            // the sender goes on until the server ends the connection (or, if it kept it open unread, a minute)
            RawUpload.settle(streaming);
            upload.close();
            // the server answers 413 once it has read the limit, or closes the connection on the sender
            String seen = "answer after " + upload.bytesSent() + " bytes sent: " + answer.text();
            assertThat(answer.status()).as(seen).isIn(0, 413);
            assertThat(upload.bytesSent()).as("bytes the server took before it stopped; " + seen).isLessThan(total);
        }
        await().atMost(Duration.ofSeconds(30)).alias("multipart files left after the cut").until(() -> multipartTemporaryBytes() == 0);
    }

    @Test
    @Order(4)
    void aUserRunsAtMostTwoUploadsAtOnce() throws Exception {
        admin.get("/diwan/library/exchange");
        String path = IMPORT + "?_csrf=" + admin.csrf();
        try (RawUpload first = RawUpload.open(node.httpPort(), path, admin.cookieHeader(), LIMIT - 4096);
                RawUpload second = RawUpload.open(node.httpPort(), path, admin.cookieHeader(), LIMIT - 4096)) {
            first.send(RawUpload.partHead("slow-1.xml"));
            second.send(RawUpload.partHead("slow-2.xml"));
            // once both hold their places, a third upload of the same user is turned away at once
            await().atMost(Duration.ofSeconds(60)).until(() -> smallUpload(admin) == 429);
            assertThat(smallUpload(reader)).as("another user's upload").isNotEqualTo(429);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> smallUpload(admin) != 429);
    }

    @Test
    @Order(5)
    void theJsonApiAnswersRefusalsAsProblemDocuments() throws Exception {
        WebClient anonymous = new WebClient(node.httpPort());
        HttpResponse<String> unauthorized = anonymous.get("/api/library/records");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(unauthorized.body()).contains("\"status\":401").contains("\"error\":\"unauthorized\"");

        try (RawUpload forged = RawUpload.open(node.httpPort(), "/api/library/records", reader.cookieHeader(), 2, "application/json")) {
            RawUpload.Answer answer = forged.send("{}".getBytes(StandardCharsets.US_ASCII)).answer();
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.text()).containsIgnoringCase("content-type: application/problem+json").contains("\"error\":\"csrf\"");
        }
        try (RawUpload large = RawUpload.open(node.httpPort(), "/api/library/records", reader.cookieHeader(), 64L * 1024 * 1024,
                "application/json", "X-CSRF-Token: " + reader.csrf())) {
            RawUpload.Answer answer = large.send("{\"title\":".getBytes(StandardCharsets.US_ASCII)).answer();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.text()).containsIgnoringCase("content-type: application/problem+json").contains("\"status\":413");
        }
    }

    @Test
    @Order(6)
    void aRoleCannotHoldWhatNoPluginDeclaresSoNoAdministratorIsMadeThroughIt() throws Exception {
        admin.get("/admin/users");
        HttpResponse<String> escalation = admin.post("/admin/users", Map.of("action", "saveRole", "roleName", "deputy",
                "permission", "diwan:admin"), true);
        assertThat(escalation.statusCode()).isEqualTo(422);
        assertThat(escalation.body()).contains("id=\"users-error\"");
        HttpResponse<String> wildcard = admin.post("/admin/users", Map.of("action", "saveRole", "roleName", "deputy", "permission", "*"), true);
        assertThat(wildcard.statusCode()).isEqualTo(422);
        assertThat(admin.get("/admin/users").body()).doesNotContain("deputy");
        assertThat(admin.get("/admin/audit").body()).contains("role.refused");
        // the reader still opens nothing of the administration
        assertThat(reader.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void anSvgWithScriptIsRefusedAndStoredFilesAreServedSandboxed() throws Exception {
        String record = createdRecord();
        byte[] svg = ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\">"
                + "<script>fetch('/admin/users')</script></svg>\n").getBytes(StandardCharsets.UTF_8);
        admin.get(CATALOGUE + "/" + record);
        HttpResponse<String> refused = admin.upload(CATALOGUE + "/" + record + "/objects?_csrf=" + admin.csrf(), "map.png", "image/png", svg);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"upload-error\"");

        admin.get(CATALOGUE + "/" + record);
        assertThat(admin.upload(CATALOGUE + "/" + record + "/objects?_csrf=" + admin.csrf(), "map.png", "image/png", png()).statusCode())
                .isEqualTo(302);
        WebClient visitor = new WebClient(node.httpPort());
        Matcher link = Pattern.compile("/public/library/" + record + "/objects/([0-9a-f-]{36})").matcher(
                visitor.get("/public/library/" + record).body());
        assertThat(link.find()).isTrue();
        HttpResponse<byte[]> image = visitor.download(link.group());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("sandbox");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(image.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
    }

    @Test
    @Order(8)
    void controlCharactersTypedAtLoginNeverReachTheLogsRaw() throws Exception {
        WebClient visitor = new WebClient(node.httpPort());
        visitor.get("/login");
        String forged = "ghost\u001b[2J\u001b[31m\r\n2026-12-07T00:00:00 | INFO | forged entry\u009b31m";
        assertThat(visitor.post("/login", Map.of("username", forged, "password", "not a password at all"), true).statusCode()).isIn(400, 401);
        Path logs = node.data().resolve("log");
        await().atMost(Duration.ofSeconds(30)).until(() -> node.log().contains("ghost"));
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text).as(file.toString()).doesNotContain("\u001b").doesNotContain("\u009b");
                assertThat(text.lines()).as(file.toString()).noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("2026-12-07t00:00:00 | info | forged"));
            }
        }
    }

    @Test
    @Order(9)
    void protectedPluginUrlsRefuseEveryBypassSpelling() throws Exception {
        List<String> shapes = List.of("%s", "/..;%s", "/;%s", "%s;", "%s%%3b", "/%%2e%s", "%s%%0a", "%s%%0d", "/%%25%%32%%66%s",
                "/static/..%%2f..%s", "/static/%%2e%%2e%s", "\\%s", "%%5c%s", "/%s", "%s/", "%s/.", "/./%s", "/public/library/..%s",
                "/public/library/%%2e%%2e%s", "/public/library/..;%s", "%S");
        WebClient anonymous = new WebClient(node.httpPort());
        for (String url : List.of(CATALOGUE, "/diwan/library/exchange", "/diwan/library/authorities", "/api/library/records", "/admin/sync")) {
            for (String shape : shapes) {
                String path = String.format(shape, url);
                WebClient.Raw answer = anonymous.getRaw(path);
                assertThat(answer.status()).as("GET %s", path).isIn(302, 400, 401, 403, 404);
                assertThat(answer.body()).as("GET %s", path).doesNotContain("logout").doesNotContain("id=\"catalogue");
            }
        }
        for (String path : List.of("/admin/sync", "/diwan/library/exchange/export")) {
            WebClient.Raw answer = reader.getRaw(path);
            assertThat(answer.status()).as("reader GET %s", path).isIn(302, 403, 404);
        }
    }

    @Test
    @Order(10)
    void secretFilesAreTheNodesUsersAloneAndNoShutdownPortListens() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(node.home().resolve("etc/org.diwan.link.cfg"))))
                .isEqualTo("rw-------");
        assertThat(node.data().resolve("port")).doesNotExist();
        // a node as shipped has no secret others can read, so bin/diwan has nothing to warn about
        assertThat(Files.readString(node.home().resolve("console.log"))).doesNotContain("Diwan: WARNING");
        List<Integer> expected = List.of(node.httpPort(), node.httpsPort(), node.sshPort(), node.brokerPort());
        assertThat(ListeningSockets.of(node.jvm().pid())).extracting(ListeningSockets.Listener::port).isSubsetOf(expected);
    }

    @Test
    @Order(99)
    void binDiwanStopEndsTheNodeByItsProcessId() throws Exception {
        ProcessHandle jvm = node.jvm();
        Process stop = new ProcessBuilder(node.home().resolve("bin/diwan").toString(), "stop").directory(node.home().toFile())
                .redirectErrorStream(true).start();
        String said = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stop.waitFor()).as(said).isZero();
        assertThat(said).contains("stopped");
        assertThat(jvm.isAlive()).isFalse();
    }

    /** A tiny, complete upload of {@code user}: its status (429 when their upload places are taken). */
    private int smallUpload(WebClient user) throws Exception {
        byte[] tail = ("\r\n--" + RawUpload.BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = RawUpload.partHead("small.xml");
        byte[] content = "<x/>".getBytes(StandardCharsets.US_ASCII);
        try (RawUpload upload = RawUpload.open(node.httpPort(), IMPORT + "?_csrf=" + user.csrf(), user.cookieHeader(),
                head.length + content.length + tail.length)) {
            return upload.send(head).send(content).send(tail).answer().status();
        }
    }

    /** Bytes of multipart uploads Jetty holds on disk now. */
    private long multipartTemporaryBytes() throws Exception {
        Path tmp = node.data().resolve("pax-web/tmp");
        if (!Files.exists(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("MultiPart"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private String createdRecord() throws Exception {
        Map<String, String> f = new HashMap<>();
        f.put("type", "PHOTOGRAPH");
        f.put("titleAr", "خريطة الأمن المائي العربي");
        f.put("issuedOn", "2003-03-24");
        f.put("language", "ar");
        f.put("access", "PUBLIC");
        admin.get(CATALOGUE + "/new");
        HttpResponse<String> created = admin.post(CATALOGUE + "/new", f, true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Matcher id = RECORD_ID.matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** A 1×1 PNG. */
    private static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    }

    private WebClient login(String user, String password) throws Exception {
        return WebClient.loggedIn(node.httpPort(), user, password);
    }
}
