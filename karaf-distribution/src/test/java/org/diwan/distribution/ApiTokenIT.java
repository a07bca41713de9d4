package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

import org.diwan.itkit.AdminPages;
import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.JsonClient;
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

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> secrets = new ArrayList<>();
    private DiwanNode node;
    private AdminPages pages;
    private WebClient admin;
    private String reader;
    private String writer;
    private String keeper;
    private String other;

    @BeforeAll
    void start() throws Exception {
        node = DiwanNode.unpack("api-token-it").bootWith("diwan-missions").withAdmin(ADMIN, PASSWORD).start().awaitHttp();
        pages = AdminPages.of(node);
        admin = pages.client().awaitStatus(API, 200);
        pages.role("missions-clerk", READ, WRITE);
        for (String user : List.of("robot", "robot2")) {
            pages.user(user, "آلة التصدير", "a long enough machine password", "missions-clerk");
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

        JsonClient.Answer list = bearer("GET", API, reader, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().has("items")).isTrue();
        assertThat(list.setCookies()).as("no session for a Bearer call").isEmpty();

        JsonClient.Answer beyond = bearer("POST", API, reader, mission("BRN"));
        assertThat(beyond.status()).isEqualTo(403);
        assertThat(beyond.isProblem()).isTrue();
        assertThat(beyond.setCookies()).isEmpty();
        assertThat(beyond.get("message").asText()).as("no session: the node's language").isEqualTo("ليست لديك صلاحية لفتح هذه الصفحة.");
        JsonClient.Answer inEnglish = JsonClient.bearer(node, reader).send("POST", API, mission("BRN"), Map.of("Accept-Language", "en-GB,en;q=0.8"));
        assertThat(inEnglish.get("message").asText()).as("a script asks for its language").isEqualTo("You have no permission to open this page.");

        // write in scope, and no CSRF token: a Bearer call carries no cookie authority to forge
        JsonClient.Answer created = bearer("POST", API, writer, mission("OSL"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.setCookies()).isEmpty();
        assertThat(bearer("GET", API + "?q=OSL", writer, null).body()).contains("OSL");
    }

    @Test
    @Order(2)
    void thePublicDirectoryAnswersAnyoneTheSameWithATokenOrWithoutAndIsNeverWritten() throws Exception {
        String closed = json.writeValueAsString(Map.of("code", "XCL", "type", "CENTRE", "country", "NO", "city", "بيرغن",
                "nameAr", "مركز مغلق", "status", "CLOSED"));
        assertThat(bearer("POST", API, writer, closed).status()).isEqualTo(201);
        String directory = "/api/missions/public/missions";
        JsonClient nobody = JsonClient.anonymous(node);

        JsonClient.Answer anonymous = nobody.get(directory + "?q=OSL");
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(200);
        assertThat(anonymous.setCookies()).as("no session for an anonymous call").isEmpty();
        var office = anonymous.get("items").get(0);
        assertThat(office.get("code").asText()).isEqualTo("OSL");
        assertThat(office.get("city").asText()).isEqualTo("أوسلو");
        assertThat(office.has("reportEveryDays") || office.has("updatedBy") || office.has("head") || office.has("status")).isFalse();
        assertThat(bearer("GET", directory + "?q=OSL", reader, null).body()).isEqualTo(anonymous.body());
        // only offices at work, whatever is asked
        assertThat(nobody.get(directory + "?status=CLOSED&size=200").body()).doesNotContain("XCL");
        String closedId = bearer("GET", API + "?q=XCL", reader, null).get("items").get(0).get("id").asText();
        assertThat(nobody.get(directory + "/" + closedId).status()).isEqualTo(404);
        // a bad token is refused there too, and nobody writes through it, not even a writer
        assertThat(bearer("GET", directory, "dwn_not-a-token", null).status()).isEqualTo(401);
        JsonClient.Answer write = bearer("POST", directory, writer, mission("BGO"));
        assertThat(write.status()).isEqualTo(405);
        assertThat(write.header("Allow")).contains("GET, HEAD");
        assertThat(nobody.post(directory, mission("BGO")).status()).isEqualTo(403);
        assertThat(bearer("GET", API + "?q=BGO", reader, null).body()).doesNotContain("BGO");
        // the rest of the department's API stays closed to the anonymous
        assertThat(nobody.get(API).status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aSessionCookieBesideTheHeaderLendsTheCallNothing() throws Exception {
        admin.get("/");
        // the administrator's session and CSRF token with a read-only token: the token decides, so no write
        JsonClient.Answer withSession = JsonClient.bearer(node, reader).send("POST", API, mission("STO"),
                Map.of("Cookie", admin.cookieHeader(), "X-CSRF-Token", admin.csrf()));
        assertThat(withSession.status()).isEqualTo(403);
        assertThat(withSession.setCookies()).isEmpty();
        // and a bad token is refused even beside a good session
        JsonClient.Answer badToken = JsonClient.bearer(node, "dwn_not-a-token").send("GET", API, null, Map.of("Cookie", admin.cookieHeader()));
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(admin.get("/admin/users").statusCode()).as("the session itself is untouched").isEqualTo(200);
    }

    @Test
    @Order(4)
    void malformedUnknownAndMisplacedTokensAre401Problems() throws Exception {
        for (String text : List.of("", "dwn_", "dwn_" + "A".repeat(43), reader + "x", reader.toUpperCase(), "' OR 1=1 --")) {
            JsonClient.Answer refused = bearer("GET", API, text, null);
            assertThat(refused.status()).as(text).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body()).contains("\"status\":401").doesNotContain(reader);
            assertThat(refused.setCookies()).isEmpty();
        }
        // a token is for the API only: pages and administration refuse it, and never as the owner's session
        for (String page : List.of("/", "/admin/users", "/diwan/missions/registry")) {
            JsonClient.Answer refused = bearer("GET", page, reader, null);
            assertThat(refused.status()).as(page).isEqualTo(401);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.header("WWW-Authenticate")).contains("Bearer error=\"invalid_request\"");
        }
        // a bad path with a token: the shell's 400, as a problem document, not an error rendering a page without a session
        String badPath = rawGet("127.0.0.1", "/admin/caf%C3%A9", reader);
        assertThat(badPath).startsWith("HTTP/1.1 400").contains("application/problem+json").doesNotContain(reader);
        assertThat(bearer("GET", API, reader, null).status()).as("the real one still works").isEqualTo(200);
    }

    @Test
    @Order(5)
    void aRevokedTokenAndANarrowedRoleApplyAtOnce() throws Exception {
        String page = admin.get("/admin/tokens").body();
        String id = tokenId(page, "قراءة السجل");
        assertThat(admin.post("/admin/tokens", Map.of("action", "revoke", "id", id, "owner", "robot"), true).statusCode()).isEqualTo(302);
        JsonClient.Answer revoked = bearer("GET", API, reader, null);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(admin.get("/admin/tokens").body()).contains("id=\"token-" + id + "\"").doesNotContain("id=\"revoke-" + id + "\"");

        pages.role("missions-clerk", WRITE);
        assertThat(bearer("GET", API, writer, null).status()).as("read taken from the owner's role").isEqualTo(403);
        pages.role("missions-clerk", READ, WRITE);
        assertThat(bearer("GET", API, writer, null).status()).isEqualTo(200);

        keeper = issue("robot", "keeper", READ);
        other = issue("robot2", "robot2 export", READ);
        assertThat(bearer("GET", API, other, null).status()).isEqualTo(200);
        // the owner's own page: robot2 sees its token, never the secret again
        WebClient robot2 = WebClient.loggedIn(node, "robot2", "a long enough machine password");
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
        assertThat(bearer("GET", API, keeper, null).status()).isEqualTo(200);
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
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> bearer("GET", API, keeper, null).status() == 200);
        JsonClient.Answer expired = bearer("GET", API, writer, null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(bearer("GET", API, other, null).status()).as("owner disabled").isEqualTo(401);
        assertThat(bearer("GET", API, keeper, null).status()).as("the node's key outlived the restart").isEqualTo(200);

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
        String secret = pages.token(owner, name, permissions);
        secrets.add(secret);
        assertThat(admin.get("/admin/tokens").body()).doesNotContain(secret);
        return secret;
    }

    private JsonClient.Answer bearer(String method, String path, String token, String jsonBody) throws Exception {
        return JsonClient.bearer(node, token).send(method, path, jsonBody, Map.of());
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
