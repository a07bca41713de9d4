package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import org.diwan.itkit.Browser;
import org.diwan.itkit.DiwanNode;

/**
 * A person's first visit in real Chromium: setup with the token in Arabic, the language switch through
 * English and French (direction and texts change), a wrong password answered in the chosen language, the
 * login, a forged POST without token refused, and the lockout after repeated failures.
 */
class BrowserIT {

    private static final String PASSWORD = "cedar and olive 2026";

    @Test
    void firstVisitSetupLanguagesLoginCsrfAndLockout() throws Exception {
        try (DiwanNode node = DiwanNode.unpack("browser-it").start().awaitHttp();
                Browser browser = new Browser(node)) {
            // awaitHttp waited for /health UP, which /login and /setup being served come before (a first visit used to
            // meet a 404 at /login in the moment between Jetty answering and the whiteboard registering the page)
            String token = Files.readString(node.data().resolve("setup-token")).strip();

            browser.open("/");
            assertThat(browser.path()).isEqualTo("/setup");
            assertThat(browser.attribute("html", "dir")).isEqualTo("rtl");
            assertThat(browser.attribute("html", "lang")).isEqualTo("ar");
            assertThat(browser.text("h1")).isEqualTo("التشغيل الأول");
            browser.screenshot("01-setup-ar");

            browser.type("#token", token);
            browser.type("#username", "chief");
            browser.type("#displayName", "عبد الله الرئيس");
            browser.type("#password", PASSWORD);
            browser.type("#confirm", PASSWORD);
            browser.clickAndWait("#setup-submit");
            assertThat(browser.path()).startsWith("/login");
            assertThat(browser.text("#login-notice")).contains("تم إنشاء حساب المدير");

            browser.clickAndWait("#lang-en");
            assertThat(browser.attribute("html", "dir")).isEqualTo("ltr");
            assertThat(browser.text("h1")).isEqualTo("Sign in");
            browser.type("#username", "chief");
            browser.type("#password", "not the password");
            browser.clickAndWait("#login-submit");
            assertThat(browser.text("#login-error")).isEqualTo("Wrong login name or password.");
            browser.screenshot("02-login-error-en");

            browser.clickAndWait("#lang-fr");
            assertThat(browser.attribute("html", "lang")).isEqualTo("fr");
            assertThat(browser.text("h1")).isEqualTo("Connexion");
            browser.type("#username", "chief");
            browser.type("#password", "toujours pas");
            browser.clickAndWait("#login-submit");
            assertThat(browser.text("#login-error")).isEqualTo("Identifiant ou mot de passe incorrect.");

            browser.clickAndWait("#lang-ar");
            assertThat(browser.attribute("html", "dir")).isEqualTo("rtl");
            browser.type("#username", "chief");
            browser.type("#password", PASSWORD);
            browser.clickAndWait("#login-submit");
            assertThat(browser.text("#home-welcome")).startsWith("أهلًا بك");
            browser.screenshot("03-home-ar");

            Object forged = browser.script("const done = arguments[arguments.length - 1];"
                    + "fetch('/logout', {method: 'POST'}).then(r => done(r.status));");
            assertThat(((Number) forged).intValue()).isEqualTo(403);
            assertThat(browser.present("#logout")).isTrue();

            browser.clickAndWait("#logout");
            for (int i = 0; i < 5; i++) {
                browser.type("#username", "chief");
                browser.type("#password", "wrong guess " + i);
                browser.clickAndWait("#login-submit");
            }
            assertThat(browser.text("#login-error")).contains("الحساب مقفل مؤقتًا");
            browser.type("#username", "chief");
            browser.type("#password", PASSWORD);
            browser.clickAndWait("#login-submit");
            assertThat(browser.text("#login-error")).contains("الحساب مقفل مؤقتًا");
            browser.screenshot("04-locked-ar");
        }
    }
}
