package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * Notifications by e-mail end to end: headquarters with notification mail turned on (etc/org.diwan.notifications.cfg)
 * and the shipped {@code notifications-mail.camel.yaml} deployed against a real SMTP server (GreenMail); its
 * administrator sets an address on {@code /account}; a login on the link port with mission TUN's leaked secret and
 * another node's key raises the sync alarm, which notifies every administrator; the mail arrives in the
 * administrator's language, Arabic, with an RFC 2047 subject, a right-to-left HTML part and the link made absolute
 * with the node's public address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationMailIT {

    private static final String ADDRESS = "chief@hq.diwan.test";

    private GreenMail smtp;
    private SyncNetwork network;

    @BeforeAll
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(DiwanNode.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        network = SyncNetwork.start("mail-it", List.of("TUN"), Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (network != null) {
            network.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void anAlarmReachesTheAdministratorByMailInArabicRightToLeft() throws Exception {
        DiwanNode hq = network.hq;
        String base = "http://127.0.0.1:" + hq.httpPort();
        // turned on while the node runs: Karaf picks both files up from etc/, the route file from deploy/
        Files.writeString(hq.home().resolve("etc/org.diwan.routes.cfg"), String.join("\n",
                "notifications.mail.from = ديوان <diwan@hq.diwan.test>",
                "notifications.mail.smtp = smtp://127.0.0.1:" + smtp.getSmtp().getPort(), ""));
        Files.writeString(hq.home().resolve("etc/org.diwan.notifications.cfg"), String.join("\n",
                "mail.enabled = true", "publicBaseUrl = " + base, ""));
        Files.copy(Path.of("..", "camel-routes", "notifications", "notifications-mail.camel.yaml"),
                hq.home().resolve("deploy/notifications-mail.camel.yaml"));
        await().atMost(Duration.ofSeconds(60)).until(() -> hq.log().contains("Routes [notifications-mail]")
                && hq.log().contains("Notifications by e-mail on"));

        WebClient admin = network.hqAdmin;
        admin.get("/account");
        HttpResponse<String> refused = admin.post("/account", Map.of("mailAddress", "chief@hq.diwan.test\r\nBcc: all@diwan.test",
                "notifyByMail", "on"), true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"account-error\"");
        HttpResponse<String> saved = admin.post("/account", Map.of("mailAddress", ADDRESS, "notifyByMail", "on"), true);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(admin.get("/account").body()).contains("value=\"" + ADDRESS + "\"");

        // TUN's secret from another machine: refused, with the alarm (SyncOwnershipIT starts that machine as a node)
        assertThatThrownBy(() -> network.loginAsCopyOf(network.mission("TUN"))).isInstanceOf(ActiveMQSecurityException.class);

        await().atMost(Duration.ofSeconds(180)).until(() -> smtp.getReceivedMessages().length >= 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(ADDRESS);
        assertThat(mail.getSubject()).contains("TUN").endsWith("— ديوان").containsPattern("[\\u0600-\\u06FF]");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getHeader("Content-Language")).containsExactly("ar");
        Multipart parts = (Multipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("TUN").contains(base + "/admin/sync");
        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">").contains("href=\"" + base + "/admin/sync\"");
        // the inbox has it too, and nothing is left on the way
        assertThat(admin.get("/notifications").body()).contains("TUN");
    }
}
