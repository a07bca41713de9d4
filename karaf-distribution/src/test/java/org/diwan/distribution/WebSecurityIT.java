package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * The web shell from outside, on a fresh node, in the order a person meets it: nothing opens before setup,
 * setup with the token (once), login, then the refusals: protected URLs in every bypass spelling, POSTs
 * without CSRF token, security headers, cookie flags, session renewal, messages in the chosen language,
 * the admin pages, and last (it locks the administrator out of one address) the lockout and its unlock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSecurityIT {

    private static final String PASSWORD = "a strong first password";
    private static final List<String> PROTECTED = List.of("/", "/admin", "/admin/users", "/api/missions", "/diwan/missions/list");
    private static final List<String> BYPASS_SHAPES = List.of(
            "%s", "/..;%s", "/;%s", "%s;", "%s%%3b", "/%%2e%s", "%s%%0a", "%s%%0d", "/%%25%%32%%66%s", "/static/..%%2f..%s",
            "/static/%%2e%%2e%s", "\\%s", "%%5c%s", "/%s", "%s/", "%s/.", "/./%s");

    private DiwanNode node;
    private String token;

    @BeforeAll
    void start() throws Exception {
        node = DiwanNode.unpack("web-it").start().awaitHttp();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> node.httpStatus("/health") == 200);
        token = Files.readString(node.data().resolve("setup-token")).strip();
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void beforeSetupNothingButSetupOpensAndNoLoginWorks() throws Exception {
        WebClient anonymous = new WebClient(node.httpPort());
        assertThat(anonymous.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(anonymous.get("/login").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/setup"));
        assertThat(anonymous.get("/setup").statusCode()).isEqualTo(200);
        for (String[] credentials : new String[][] {{"admin", "admin"}, {"karaf", "karaf"}, {"admin", ""}}) {
            HttpResponse<String> login = anonymous.post("/login", Map.of("username", credentials[0], "password", credentials[1]), true);
            assertThat(login.statusCode()).isEqualTo(401);
        }
    }

    @Test
    @Order(1)
    void theSetupTokenIsShownOnTheConsoleAndInItsPrivateFileButNeverInTheLogFiles() throws Exception {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(node.data().resolve("setup-token"))))
                .isEqualTo("rw-------");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(node.home().resolve("console.log")).contains(token));
        assertThat(node.log()).contains("setup-token").doesNotContain(token);
        Path json = node.data().resolve("log/diwan.json");
        assertThat(Files.exists(json) ? Files.readString(json) : "").doesNotContain(token);
    }

    @Test
    @Order(2)
    void setupTokenCreatesTheAdministratorOnceAndThenStopsWorking() throws Exception {
        WebClient visitor = new WebClient(node.httpPort());
        visitor.get("/setup");
        HttpResponse<String> wrong = visitor.post("/setup", setupForm("not-the-token"), true);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"setup-error\"").contains("value=\"chief\"");

        HttpResponse<String> done = visitor.post("/setup", setupForm(token), true);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?setup=done"));
        assertThat(node.data().resolve("setup-token")).doesNotExist();

        WebClient other = new WebClient(node.httpPort());
        assertThat(other.get("/setup").statusCode()).isEqualTo(302);
        other.get("/login");
        HttpResponse<String> again = other.post("/setup", Map.of("token", token, "username", "intruder", "displayName", "x",
                "password", PASSWORD, "confirm", PASSWORD), true);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    @Order(3)
    void loginRenewsTheSessionWhoseCookieIsFlagged() throws Exception {
        WebClient browser = new WebClient(node.httpPort());
        HttpResponse<String> page = browser.get("/login");
        String before = browser.cookie("DIWAN_SESSION");
        assertThat(before).isNotBlank();
        assertThat(WebClient.setCookies(page)).anySatisfy(c -> assertThat(c).startsWith("DIWAN_SESSION=")
                .contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=lax"));
        assertThat(page.uri().toString()).doesNotContain(";jsessionid");
        assertThat(page.body()).doesNotContainIgnoringCase("jsessionid").doesNotContain(before);

        HttpResponse<String> login = browser.post("/login", Map.of("username", "chief", "password", PASSWORD), true);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(browser.cookie("DIWAN_SESSION")).isNotBlank().isNotEqualTo(before);
        assertThat(browser.get("/").body()).contains("id=\"home-welcome\"");
    }

    @Test
    @Order(4)
    void protectedUrlsRefuseAnonymousVisitorsInEveryBypassSpelling() throws Exception {
        WebClient anonymous = new WebClient(node.httpPort());
        for (String url : PROTECTED) {
            for (String shape : BYPASS_SHAPES) {
                String path = String.format(shape, url.equals("/") ? "" : url);
                if (path.isEmpty()) {
                    path = "/";
                }
                WebClient.Raw answer = anonymous.getRaw(path);
                assertThat(answer.status()).as("GET %s", path).isIn(302, 400, 401, 403, 404);
                assertThat(answer.body()).as("GET %s", path).doesNotContain("home-welcome").doesNotContain("logout");
            }
        }
    }

    @Test
    @Order(5)
    void aStateChangingPostWithoutTheCsrfTokenIsRefused() throws Exception {
        WebClient browser = loggedIn();
        HttpResponse<String> forged = browser.post("/logout", Map.of(), false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("id=\"error-message\"");
        HttpResponse<String> wrongToken = browser.post("/language", Map.of("lang", "en", "_csrf", "forged"), false);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(browser.get("/").body()).as("still logged in").contains("id=\"home-welcome\"");
    }

    @Test
    @Order(6)
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        WebClient browser = loggedIn();
        for (String path : List.of("/", "/login", "/health", "/static/diwan.css", "/no/such/page")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'self'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
        assertThat(browser.get("/no/such/page").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void pagesAndErrorsFollowTheChosenLanguage() throws Exception {
        WebClient visitor = new WebClient(node.httpPort());
        assertThat(visitor.get("/login").body()).contains("lang=\"ar\"").contains("dir=\"rtl\"");
        assertThat(visitor.post("/language", Map.of("lang", "en", "back", "/login"), true).statusCode()).isEqualTo(302);
        HttpResponse<String> english = visitor.get("/login");
        assertThat(english.body()).contains("lang=\"en\"").contains("dir=\"ltr\"");
        HttpResponse<String> wrong = visitor.post("/login", Map.of("username", "chief", "password", "not it at all"), true);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong login name or password.");

        visitor.post("/language", Map.of("lang", "fr", "back", "/login"), true);
        HttpResponse<String> french = visitor.post("/login", Map.of("username", "chief", "password", "toujours faux"), true);
        assertThat(french.body()).contains("lang=\"fr\"").contains("Identifiant ou mot de passe incorrect.");
    }

    @Test
    @Order(99)
    void failuresFromOneAddressLockTheAdministratorOutOfThatAddressOnly() throws Exception {
        WebClient attacker = new WebClient(node.httpPort()); // 127.0.0.1
        attacker.get("/login");
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = attacker.post("/login", Map.of("username", "chief", "password", "wrong guess " + i), true);
        }
        assertThat(last.body()).contains("الحساب مقفل مؤقتًا");
        HttpResponse<String> right = attacker.post("/login", Map.of("username", "chief", "password", PASSWORD), true);
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("الحساب مقفل مؤقتًا");

        // the administrator, from another address, still logs in, and hears of the attack
        LoopbackSourceClient owner = new LoopbackSourceClient(node.httpPort(), "127.0.0.2");
        owner.get("/login");
        assertThat(owner.post("/login", Map.of("username", "chief", "password", PASSWORD)).status()).isEqualTo(302);
        LoopbackSourceClient.Answer home = owner.get("/");
        assertThat(home.body()).contains("id=\"attack-notice\"").contains("127.0.0.1");
        assertThat(owner.get("/").body()).as("told once").doesNotContain("id=\"attack-notice\"");

        // and lifts the lock from the users page: without the CSRF token it is refused, with it audited
        assertThat(owner.get("/admin/users").body()).contains("id=\"unlock-chief\"");
        assertThat(owner.post("/admin/users/unlock", Map.of("username", "chief", "_csrf", "forged")).status()).isEqualTo(403);
        owner.get("/admin/users");
        LoopbackSourceClient.Answer unlocked = owner.post("/admin/users/unlock", Map.of("username", "chief"));
        assertThat(unlocked.status()).isEqualTo(302);
        assertThat(unlocked.header("Location")).endsWith("/admin/users?done=unlocked");
        assertThat(owner.get("/admin/users?done=unlocked").body()).contains("id=\"users-notice\"").doesNotContain("id=\"unlock-chief\"");
        assertThat(owner.get("/admin/audit").body()).contains("account.lockout").contains("account.unlock");

        assertThat(attacker.post("/login", Map.of("username", "chief", "password", PASSWORD), true).statusCode()).isEqualTo(302);
    }

    @Test
    @Order(8)
    void adminPagesServeAdministratorsOnly() throws Exception {
        WebClient chief = loggedIn();
        assertThat(chief.get("/admin").body()).contains("id=\"admin-plugins\"");
        // the plugins page waits for Karaf's FeaturesService: it may join the shell a moment after the others
        await().atMost(Duration.ofSeconds(30)).until(() -> chief.get("/admin/plugins").statusCode() == 200);
        chief.get("/admin/users");
        HttpResponse<String> created = chief.post("/admin/users", Map.of("action", "createUser", "username", "clerk",
                "displayName", "كاتب", "password", "ink and paper 2026"), true);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(chief.get("/admin/users").body()).contains("clerk").contains("كاتب");
        HttpResponse<String> bidi = chief.post("/admin/users", Map.of("action", "createUser", "username", "spoof",
                "displayName", "abc\u202Eexe.pdf", "password", "ink and paper 2026"), true);
        assertThat(bidi.statusCode()).isEqualTo(400);
        assertThat(bidi.body()).contains("id=\"users-error\"").contains("value=\"spoof\"");
        assertThat(chief.get("/admin/audit").body()).contains("setup.complete").contains("account.create");

        WebClient clerk = new WebClient(node.httpPort());
        clerk.get("/login");
        assertThat(clerk.post("/login", Map.of("username", "clerk", "password", "ink and paper 2026"), true).statusCode()).isEqualTo(302);
        assertThat(clerk.get("/").body()).doesNotContain("id=\"admin-link\"");
        for (String path : List.of("/admin", "/admin/plugins", "/admin/users", "/admin/audit")) {
            assertThat(clerk.get(path).statusCode()).as(path).isEqualTo(403);
        }
        clerk.get("/");
        assertThat(clerk.post("/admin/plugins", Map.of("feature", "diwan-anything"), true).statusCode()).isEqualTo(403);
    }

    private WebClient loggedIn() throws Exception {
        WebClient browser = new WebClient(node.httpPort());
        browser.get("/login");
        assertThat(browser.post("/login", Map.of("username", "chief", "password", PASSWORD), true).statusCode()).isEqualTo(302);
        browser.get("/");
        return browser;
    }

    private static Map<String, String> setupForm(String token) {
        return Map.of("token", token, "username", "chief", "displayName", "الرئيس", "password", PASSWORD, "confirm", PASSWORD);
    }

}
