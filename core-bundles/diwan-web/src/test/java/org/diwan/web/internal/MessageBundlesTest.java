package org.diwan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.diwan.api.i18n.Language;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private final MessageBundles messages = new MessageBundles(MessageBundles.class.getClassLoader(), new PluginBundles());

    @Test
    void everyKeyExistsInArabicEnglishAndFrench() throws IOException {
        Set<String> arabic = load("ar").stringPropertyNames();
        assertThat(load("en").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(arabic);
        assertThat(load("fr").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(arabic);
    }

    @Test
    void readsUtf8AndFormatsArguments() {
        assertThat(messages.get("app.name", Language.AR)).isEqualTo("ديوان");
        assertThat(messages.get("home.welcome", Language.FR, "Élise")).isEqualTo("Bienvenue, Élise");
        assertThat(messages.get("home.empty", Language.FR)).contains("n'est");
        assertThat(messages.get("login.notice.failures", Language.FR, "3", "192.0.2.1")).startsWith("3 tentatives")
                .contains("n'était").contains("192.0.2.1");
        assertThat(messages.get("admin.users.locked", Language.FR, "10:15", "192.0.2.1")).isEqualTo("Verrouillé jusqu'à 10:15 pour 192.0.2.1");
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfFailing() {
        assertThat(messages.get("no.such.key", Language.EN)).isEqualTo("no.such.key");
    }

    @Test
    void everySecurityRefusalHasAMessage() {
        for (org.diwan.api.security.AccountException.Reason reason : org.diwan.api.security.AccountException.Reason.values()) {
            String key = "security.error." + reason.name().toLowerCase();
            for (Language language : Language.values()) {
                assertThat(messages.has(key, language)).as(key + " in " + language).isTrue();
            }
        }
    }

    @Test
    void everyValidationRefusalHasAMessage() {
        for (String reason : List.of("required", "too-long", "bidi", "control", "markup", "date", "choice", "number", "range",
                "email", "phone", "country", "summary")) {
            for (Language language : Language.values()) {
                assertThat(messages.has("validation." + reason, language)).as(reason + " in " + language).isTrue();
            }
        }
        assertThat(messages.get("validation.range", Language.AR, 1, 365)).contains("٣٦٥");
        assertThat(messages.get("validation.range", Language.EN, 1, 365)).contains("365");
    }

    private static Properties load(String tag) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages/messages_" + tag + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
