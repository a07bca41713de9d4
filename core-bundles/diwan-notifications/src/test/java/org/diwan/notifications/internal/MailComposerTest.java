package org.diwan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.diwan.api.i18n.Language;
import org.diwan.api.notification.Notification;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private static final String BASE = "https://diwan.example.org/";
    private final SourceMessages messages = new SourceMessages();
    private final MailComposer composer = new MailComposer(messages, BASE);

    @Test
    void rendersAPluginsMessageInTheRecipientsLanguageWithTheShellsFrame() {
        Notification n = new Notification("x", "missions.correspondence.scope", List.of("PAR"), "/diwan/missions/correspondence?id=7&x=1");

        OutgoingMail en = composer.compose(n, "ann@example.org", "Ann", Language.EN);
        assertThat(en.subject()).isEqualTo("This node shows the correspondence of mission PAR only. — Diwan");
        assertThat(en.text()).startsWith("Hello Ann,\n\nThis node shows the correspondence of mission PAR only.\n")
                .contains("Open in Diwan: https://diwan.example.org/diwan/missions/correspondence?id=7&x=1")
                .contains("https://diwan.example.org/account");
        assertThat(en.html()).contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("href=\"https://diwan.example.org/diwan/missions/correspondence?id=7&amp;x=1\"");

        OutgoingMail ar = composer.compose(n, "laila@example.org", "ليلى", Language.AR);
        String arabicText = messages.get("missions.correspondence.scope", Language.AR, "PAR");
        assertThat(arabicText).isNotEqualTo("missions.correspondence.scope").doesNotContain("mission");
        assertThat(ar.subject()).isEqualTo(arabicText + " — ديوان");
        assertThat(ar.text()).startsWith("مرحبًا ليلى،").contains(arabicText).contains("افتح في ديوان");
        assertThat(ar.html()).contains("<html lang=\"ar\" dir=\"rtl\">").contains("<body dir=\"rtl\" style=\"direction:rtl;text-align:right")
                .contains("<div dir=\"rtl\" lang=\"ar\">");
        assertThat(ar.language()).isEqualTo(Language.AR);

        OutgoingMail fr = composer.compose(n, "jean@example.fr", "Jean", Language.FR);
        assertThat(fr.text()).startsWith("Bonjour Jean,").contains(messages.get("missions.correspondence.scope", Language.FR, "PAR"))
                .contains("Ouvrir dans Diwan");
        assertThat(fr.html()).contains("lang=\"fr\" dir=\"ltr\"");
    }

    @Test
    void rendersAShellMessageToo() {
        Notification alarm = new Notification("x", "admin.sync.alarm.notice.no-node-key", List.of("PAR", "10.0.0.9"), "/admin/sync");
        OutgoingMail fr = composer.compose(alarm, "jean@example.fr", "Jean", Language.FR);
        // the shell's French text, with its apostrophe (written '' in the file) rendered once
        assertThat(fr.subject()).contains("PAR").contains("10.0.0.9").doesNotContain("''").doesNotContain("admin.sync");
        assertThat(fr.text()).contains("https://diwan.example.org/admin/sync");
    }

    @Test
    void escapesHostileNamesAndArgumentsInTheHtml() {
        Notification n = new Notification("x", "missions.correspondence.scope", List.of("\"><img src=x onerror=alert(1)>&amp;"), null);
        OutgoingMail mail = composer.compose(n, "laila@example.org", "ليلى <script>alert('x')</script>", Language.AR);

        assertThat(mail.html()).doesNotContain("<script").doesNotContain("<img").doesNotContain("\"><img")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;");
        // the plain-text part carries the text as it is: it is never interpreted
        assertThat(mail.text()).contains("<script>alert('x')</script>");
    }

    @Test
    void aSubjectIsOneLineWhateverTheArgumentsHold() {
        for (String hostile : List.of("x\r\nBcc: all@example.org", "x\nBcc: all@example.org", "x\rBcc: all@example.org",
                "x\u0085Bcc: all@example.org", "x\u2028Bcc: all@example.org", "x\u0000\u001b[31mBcc: all@example.org")) {
            Notification n = new Notification("x", "missions.correspondence.scope", List.of(hostile), null);
            String subject = composer.compose(n, "ann@example.org", "Ann", Language.EN).subject();
            assertThat(subject).as(hostile).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0085").doesNotContain("\u2028")
                    .doesNotContain("\u0000").contains("Bcc: all@example.org");
            assertThat(subject.codePoints().noneMatch(Character::isISOControl)).isTrue();
        }
        String longArgument = "ب".repeat(500);
        String subject = composer.compose(new Notification("x", "missions.correspondence.scope", List.of(longArgument), null),
                "ann@example.org", "Ann", Language.AR).subject();
        assertThat(subject.codePointCount(0, subject.length())).isEqualTo(MailComposer.SUBJECT_MAX);
        assertThat(subject).endsWith("…");
    }

    @Test
    void withoutAPublicAddressAMailHasNoLinkAndABadAddressIsRefused() {
        MailComposer linkless = new MailComposer(messages, " ");
        OutgoingMail mail = linkless.compose(new Notification("x", "missions.correspondence.scope", List.of("PAR"), "/diwan/missions"),
                "ann@example.org", "Ann", Language.EN);
        assertThat(mail.text()).doesNotContain("Open in Diwan").doesNotContain("http");
        assertThat(mail.html()).doesNotContain("<a ");

        for (String bad : List.of("javascript:alert(1)", "ftp://diwan.example.org", "https://diwan.example.org/?x=1", "https://a@diwan.example.org",
                "https://diwan.example.org/#x", "diwan.example.org", "https://")) {
            assertThatThrownBy(() -> new MailComposer(messages, bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(MailComposer.checkedBase("http://10.0.0.5:8181")).isEqualTo("http://10.0.0.5:8181");
    }
}
