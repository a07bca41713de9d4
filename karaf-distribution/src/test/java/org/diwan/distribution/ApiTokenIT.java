package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * API tokens on a running node, from outside: made on the admin's tokens page for a user who never logs in, used
 * with {@code Authorization: Bearer} on the missions API within their scope and refused beyond it, refused when
 * malformed, unknown, revoked, expired or when the owner is disabled, a narrowed role applying at once; a Bearer
 * call sets no cookie, needs no CSRF token, borrows nothing from a session cookie sent beside it and writes no login.
 * Afterwards no token's text is anywhere in the node's log, audit table or data folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiTokenIT {

    private static final String ADMIN = "chief";
    private static final String PASSWORD = "api token test secret";
    private static final String API = "/api/missions/missions";
    private static final String READ = "missions:registry:read";
    private static final String WRITE = "missions:registry:write";
    private static final Pattern SECRET = Pattern.compile("id=\"token-secret\" dir=\"ltr\">(dwn_[A-Za-z0-9_-]{43})<");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> secrets = new ArrayList<>();
    private DiwanNode node;
    private WebClient admin;
    private String reader;
    private String writer;
    private String keeper;
    private String other;

    @BeforeAll
    void start() throws Exception {
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve("api-token-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        node = DiwanNode.unpack("api-token-it").bootWith("diwan-missions")
                .withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString()).withEnv("DIWAN_ADMIN_USER", ADMIN).start().awaitHttp();
        admin = WebClient.loggedIn(node.httpPort(), ADMIN, PASSWORD);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> admin.get(API).statusCode() == 200);
        admin.get("/admin/users");
        admin.post("/admin/users", Map.of("action", "saveRole", "roleName", "missions-clerk", "permission", READ), true);
        admin.get("/admin/users");
        form(admin, "/admin/users", List.of("action", "saveRole", "roleName", "missions-clerk", "permission", READ, "permission", WRITE));
        for (String user : List.of("robot", "robot2")) {
            admin.get("/admin/users");
            assertThat(admin.post("/admin/users", Map.of("action", "createUser", "username", user, "displayName", "آلة التصدير",
                    "password", "a long enough machine password", "role", "missions-clerk"), true).statusCode()).isEqualTo(302);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void aTokenWorksWithinItsScopeAndIsRefusedBeyondIt() throws Exception {
        reader = issue("robot", "قراءة السجل", READ);
        writer = issue("robot", "writer", READ, WRITE);

        HttpResponse<String> list = bearer("GET", API, reader, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json.readTree(list.body()).has("items")).isTrue();
        assertThat(list.headers().allValues("Set-Cookie")).as("no session for a Bearer call").isEmpty();

        HttpResponse<String> beyond = bearer("POST", API, reader, mission("BRN"));
        assertThat(beyond.statusCode()).isEqualTo(403);
        assertThat(beyond.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(beyond.headers().allValues("Set-Cookie")).isEmpty();

        // write in scope, and no CSRF token: a Bearer call carries no cookie authority to forge
        HttpResponse<String> created = bearer("POST", API, writer, mission("OSL"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(bearer("GET", API + "?q=OSL", writer, null).body()).contains("OSL");
    }

    @Test
    @Order(2)
    void thePublicDirectoryAnswersAnyoneTheSameWithATokenOrWithoutAndIsNeverWritten() throws Exception {
        String closed = json.writeValueAsString(Map.of("code", "XCL", "type", "CENTRE", "country", "NO", "city", "بيرغن",
                "nameAr", "مركز مغلق", "status", "CLOSED"));
        assertThat(bearer("POST", API, writer, closed).statusCode()).isEqualTo(201);
        String directory = "/api/missions/public/missions";

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri(directory + "?q=OSL")).GET());
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(200);
        assertThat(anonymous.headers().allValues("Set-Cookie")).as("no session for an anonymous call").isEmpty();
        var office = json.readTree(anonymous.body()).get("items").get(0);
        assertThat(office.get("code").asText()).isEqualTo("OSL");
        assertThat(office.get("city").asText()).isEqualTo("أوسلو");
        assertThat(office.has("reportEveryDays") || office.has("updatedBy") || office.has("head") || office.has("status")).isFalse();
        assertThat(bearer("GET", directory + "?q=OSL", reader, null).body()).isEqualTo(anonymous.body());
        // only offices at work, whatever is asked
        assertThat(send(HttpRequest.newBuilder(uri(directory + "?status=CLOSED&size=200")).GET()).body()).doesNotContain("XCL");
        String closedId = json.readTree(bearer("GET", API + "?q=XCL", reader, null).body()).get("items").get(0).get("id").asText();
        assertThat(send(HttpRequest.newBuilder(uri(directory + "/" + closedId)).GET()).statusCode()).isEqualTo(404);
        // a bad token is refused there too, and nobody writes through it, not even a writer
        assertThat(bearer("GET", directory, "dwn_not-a-token", null).statusCode()).isEqualTo(401);
        HttpResponse<String> write = bearer("POST", directory, writer, mission("BGO"));
        assertThat(write.statusCode()).isEqualTo(405);
        assertThat(write.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(send(HttpRequest.newBuilder(uri(directory)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mission("BGO")))).statusCode()).isEqualTo(403);
        assertThat(bearer("GET", API + "?q=BGO", reader, null).body()).doesNotContain("BGO");
        // the rest of the department's API stays closed to the anonymous
        assertThat(send(HttpRequest.newBuilder(uri(API)).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aSessionCookieBesideTheHeaderLendsTheCallNothing() throws Exception {
        admin.get("/");
        // the administrator's session and CSRF token with a read-only token: the token decides, so no write
        HttpResponse<String> withSession = send(HttpRequest.newBuilder(uri(API)).header("Authorization", "Bearer " + reader)
                .header("Cookie", admin.cookieHeader()).header("X-CSRF-Token", admin.csrf()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mission("STO"))));
        assertThat(withSession.statusCode()).isEqualTo(403);
        assertThat(withSession.headers().allValues("Set-Cookie")).isEmpty();
        // and a bad token is refused even beside a good session
        HttpResponse<String> badToken = send(HttpRequest.newBuilder(uri(API)).header("Authorization", "Bearer dwn_not-a-token")
                .header("Cookie", admin.cookieHeader()).GET());
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(admin.get("/admin/users").statusCode()).as("the session itself is untouched").isEqualTo(200);
    }

    @Test
    @Order(4)
    void malformedUnknownAndMisplacedTokensAre401Problems() throws Exception {
        for (String text : List.of("", "dwn_", "dwn_" + "A".repeat(43), reader + "x", reader.toUpperCase(), "' OR 1=1 --")) {
            HttpResponse<String> refused = bearer("GET", API, text, null);
            assertThat(refused.statusCode()).as(text).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("\"status\":401").doesNotContain(reader);
            assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        }
        // a token is for the API only: pages and administration refuse it, and never as the owner's session
        for (String page : List.of("/", "/admin/users", "/diwan/missions/registry")) {
            HttpResponse<String> refused = bearer("GET", page, reader, null);
            assertThat(refused.statusCode()).as(page).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_request\"");
        }
        // a bad path with a token: the shell's 400, as a problem document, not an error rendering a page without a session
        String badPath = rawGet("127.0.0.1", "/admin/caf%C3%A9", reader);
        assertThat(badPath).startsWith("HTTP/1.1 400").contains("application/problem+json").doesNotContain(reader);
        assertThat(bearer("GET", API, reader, null).statusCode()).as("the real one still works").isEqualTo(200);
    }

    @Test
    @Order(5)
    void aRevokedTokenAndANarrowedRoleApplyAtOnce() throws Exception {
        String page = admin.get("/admin/tokens").body();
        String id = tokenId(page, "قراءة السجل");
        assertThat(admin.post("/admin/tokens", Map.of("action", "revoke", "id", id, "owner", "robot"), true).statusCode()).isEqualTo(302);
        HttpResponse<String> revoked = bearer("GET", API, reader, null);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(admin.get("/admin/tokens").body()).contains("id=\"token-" + id + "\"").doesNotContain("id=\"revoke-" + id + "\"");

        admin.get("/admin/users");
        assertThat(admin.post("/admin/users", Map.of("action", "saveRole", "roleName", "missions-clerk", "permission", WRITE), true)
                .statusCode()).isEqualTo(302);
        assertThat(bearer("GET", API, writer, null).statusCode()).as("read taken from the owner's role").isEqualTo(403);
        admin.get("/admin/users");
        form(admin, "/admin/users", List.of("action", "saveRole", "roleName", "missions-clerk", "permission", READ, "permission", WRITE));
        assertThat(bearer("GET", API, writer, null).statusCode()).isEqualTo(200);

        keeper = issue("robot", "keeper", READ);
        other = issue("robot2", "robot2 export", READ);
        assertThat(bearer("GET", API, other, null).statusCode()).isEqualTo(200);
        // the owner's own page: robot2 sees its token, never the secret again
        WebClient robot2 = WebClient.loggedIn(node.httpPort(), "robot2", "a long enough machine password");
        assertThat(robot2.get("/account/tokens").body()).contains("robot2 export").doesNotContain(other).doesNotContain("keeper");
    }

    @Test
    @Order(6)
    void anAddressThatKeepsSendingBadTokensIsThrottledAndOnlyThatAddress() throws Exception {
        // 30 refusals within 15 minutes from one address key (the login's limit), from 127.0.0.5 alone
        for (int i = 0; i < 30; i++) {
            assertThat(rawGet("127.0.0.5", API, "dwn_" + Integer.toString(i).repeat(43).substring(0, 43))).startsWith("HTTP/1.1 401");
        }
        String throttled = rawGet("127.0.0.5", API, keeper);
        assertThat(throttled).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After:").contains("application/problem+json")
                .doesNotContain(keeper);
        assertThat(rawGet("127.0.0.6", API, keeper)).as("another address").startsWith("HTTP/1.1 200");
        assertThat(bearer("GET", API, keeper, null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void expiredAndDisabledOwnersTokensStopAndNoTokenTextIsLeftAnywhere() throws Exception {
        node.close();
        Path database = node.data().resolve("derby/diwan");
        String security = schema(database, "security");
        String audit = schema(database, "audit");
        List<String> rows;
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + database.toAbsolutePath())) {
            // the expiry of "writer" passes; robot2 is disabled (no page does that yet: this is the database itself)
            update(c, "UPDATE \"" + security + "\".api_token SET expires_at = {fn TIMESTAMPADD(SQL_TSI_DAY, -1, CURRENT_TIMESTAMP)}"
                    + " WHERE name = 'writer'");
            update(c, "UPDATE \"" + security + "\".account SET enabled = FALSE WHERE username = 'robot2'");
            rows = strings(c, "SELECT actor || '|' || action || '|' || target || '|' || detail || '|' || address FROM \"" + audit + "\".audit_entry");
            assertThat(strings(c, "SELECT username FROM \"" + security + "\".login_success WHERE username = 'robot'"))
                    .as("a Bearer call is no login").isEmpty();
            assertThat(strings(c, "SELECT token_hash FROM \"" + security + "\".api_token")).hasSize(4)
                    .allSatisfy(hash -> assertThat(hash).doesNotStartWith("dwn_"));
        } finally {
            shutdown(database);
        }
        assertThat(rows).filteredOn(r -> r.contains("|token.create|")).hasSize(4);
        assertThat(rows).filteredOn(r -> r.contains("|token.revoke|robot|")).hasSize(1);
        assertThat(rows).filteredOn(r -> r.contains("|token.refused|")).hasSizeGreaterThanOrEqualTo(38);
        assertThat(rows).filteredOn(r -> r.contains("|address.throttle|127.0.0.5|")).hasSize(1);
        assertThat(rows).filteredOn(r -> r.contains("|session.login|") && r.startsWith("robot|")).isEmpty();
        assertThat(rows).filteredOn(r -> r.contains("|session.login|") && r.startsWith("robot2|")).hasSize(1);
        assertNoSecretIn(String.join("\n", rows), "audit table");

        node.restart();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> bearer("GET", API, keeper, null).statusCode() == 200);
        HttpResponse<String> expired = bearer("GET", API, writer, null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(bearer("GET", API, other, null).statusCode()).as("owner disabled").isEqualTo(401);
        assertThat(bearer("GET", API, keeper, null).statusCode()).as("the node's key outlived the restart").isEqualTo(200);

        node.close();
        assertNoSecretIn(Files.readString(node.data().resolve("log/karaf.log"), StandardCharsets.ISO_8859_1), "karaf.log");
        assertNoSecretIn(Files.readString(node.home().resolve("console.log"), StandardCharsets.ISO_8859_1), "console.log");
        try (Stream<Path> files = Files.walk(node.data())) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                assertNoSecretIn(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), file.toString());
            }
        }
    }

    /** A GET with a Bearer token from a chosen loopback source address; the whole answer as text. */
    private String rawGet(String source, String path, String token) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(source, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", node.httpPort()), 5000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Makes a token for {@code owner} on the admin's page and returns its secret, read from the answer. */
    private String issue(String owner, String name, String... permissions) throws Exception {
        admin.get("/admin/tokens");
        List<String> fields = new ArrayList<>(List.of("action", "create", "owner", owner, "name", name, "days", "90"));
        for (String permission : permissions) {
            fields.add("permission");
            fields.add(permission);
        }
        HttpResponse<String> page = form(admin, "/admin/tokens", fields);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher secret = SECRET.matcher(page.body());
        assertThat(secret.find()).as("the secret shown once").isTrue();
        secrets.add(secret.group(1));
        assertThat(admin.get("/admin/tokens").body()).doesNotContain(secret.group(1));
        return secret.group(1);
    }

    /** A form with repeated fields, sent with the session's CSRF token as header. */
    private static HttpResponse<String> form(WebClient client, String path, List<String> pairs) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return client.send("POST", path, "application/x-www-form-urlencoded", body.toString());
    }

    private HttpResponse<String> bearer(String method, String path, String token, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.httpPort() + path);
    }

    private String mission(String code) throws Exception {
        return json.writeValueAsString(Map.of("code", code, "type", "CENTRE", "country", "NO", "city", "أوسلو",
                "nameAr", "مركز الجامعة العربية " + code, "nameEn", "Arab League Centre " + code));
    }

    private static String tokenId(String page, String name) {
        for (String row : page.split("<tr ")) {
            Matcher id = Pattern.compile("^id=\"token-([0-9a-f-]{36})\"").matcher(row);
            if (id.find() && row.contains(">" + name + "<")) {
                return id.group(1);
            }
        }
        throw new AssertionError("no token named " + name + " on the page");
    }

    private void assertNoSecretIn(String text, String where) {
        for (String secret : secrets) {
            assertThat(text).as(where).doesNotContain(secret).doesNotContain(secret.substring(4));
        }
    }

    private static String schema(Path database, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + database.toAbsolutePath());
                ResultSet rs = c.createStatement().executeQuery("SELECT schemaname FROM sys.sysschemas")) {
            while (rs.next()) {
                if (rs.getString(1).equalsIgnoreCase(name)) {
                    return rs.getString(1);
                }
            }
            throw new AssertionError("no schema " + name);
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            assertThat(s.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void shutdown(Path database) {
        try {
            DriverManager.getConnection("jdbc:derby:" + database.toAbsolutePath() + ";shutdown=true").close();
        } catch (SQLException closed) {
            assertThat(closed.getSQLState()).isEqualTo("08006");
        }
    }
}
