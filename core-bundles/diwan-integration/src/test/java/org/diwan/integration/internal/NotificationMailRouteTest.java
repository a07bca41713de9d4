package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The shipped {@code camel-routes/notifications/notifications-mail.camel.yaml}, as it is, between a real broker and a
 * real mail server (GreenMail), fed with messages as the notifications bundle's relay sends them.
 */
class NotificationMailRouteTest {

    private static final Path ROUTE_FILE = Path.of("../../camel-routes/notifications/notifications-mail.camel.yaml");
    private static final String QUEUE = "diwan.mail.outgoing";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SUBJECT_AR = "تأخر تقرير بعثة تونس — ديوان";
    private static final String HTML_AR = "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head><meta charset=\"utf-8\"><title>x</title></head>\n"
            + "<body dir=\"rtl\" style=\"direction:rtl;text-align:right\"><div dir=\"rtl\" lang=\"ar\"><p>مرحبًا ليلى،</p>"
            + "<p>تأخر تقرير بعثة تونس</p><p><a href=\"https://diwan.example.org/diwan/missions\">افتح في ديوان</a></p></div></body>\n</html>\n";
    private static final String TEXT_AR = "مرحبًا ليلى،\n\nتأخر تقرير بعثة تونس\n\nافتح في ديوان: https://diwan.example.org/diwan/missions\n";

    @TempDir
    Path folder;

    private TestBroker broker;
    private GreenMail smtp;
    private CamelRuntime runtime;
    private RouteFiles files;

    @BeforeEach
    void start() throws Exception {
        broker = TestBroker.start(folder.resolve("broker"));
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        // what etc/org.diwan.routes.cfg holds on a node
        RouteSettings settings = new RouteSettings(Map.of(
                "notifications.mail.from", "ديوان <diwan@example.org>",
                "notifications.mail.smtp", "smtp://127.0.0.1:" + smtp.getSmtp().getPort()));
        runtime = new CamelRuntime(new SimpleRegistry(), getClass().getClassLoader(), Duration.ofSeconds(2), false, null, settings);
        runtime.bindConnectionFactory(broker.factory());
        files = new RouteFiles(runtime.context(), settings);
        assertThat(files.load(ROUTE_FILE)).containsExactly("notifications-mail");
    }

    @AfterEach
    void stop() throws Exception {
        runtime.close();
        smtp.stop();
        broker.close();
    }

    @Test
    void anArabicNotificationArrivesRightToLeftAsTextAndHtmlWithAnEncodedSubject() throws Exception {
        broker.sendToQueue(QUEUE, HTML_AR, Map.of("To", "laila@example.org", "Subject", SUBJECT_AR, "DiwanLanguage", "ar",
                "DiwanMailText", TEXT_AR, "_AMQ_DUPL_ID", "diwan-mail-1"));

        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo(SUBJECT_AR);
        // RFC 2047 on the wire: the raw header is ASCII
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?").matches("[\\x20-\\x7E\\r\\n\\t]+");
        assertThat(addresses(mail.getRecipients(RecipientType.TO))).containsExactly("laila@example.org");
        assertThat(mail.getFrom()[0].toString()).contains("diwan@example.org");
        assertThat(mail.getHeader("Content-Language")).containsExactly("ar");
        assertThat(mail.getHeader("DiwanMailText")).isNull();
        assertThat(mail.getHeader("DiwanLanguage")).isNull();
        assertThat(mail.getHeader("JMSMessageID")).isNull();
        assertThat(mail.getHeader("_AMQ_DUPL_ID")).isNull();

        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) parts.getBodyPart(0).getContent()).strip()).isEqualTo(TEXT_AR.strip());
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">").contains("<div dir=\"rtl\" lang=\"ar\">").contains("مرحبًا ليلى،");
        await().atMost(WAIT).until(() -> broker.messagesIn(QUEUE) == 0);
    }

    @Test
    void aRecipientThatIsNotOnePlainAddressMailsNobody() throws Exception {
        for (String to : new String[] {"laila@example.org, all@example.org", "laila@example.org\r\nBcc: all@example.org",
                "Laila <laila@example.org>", "nobody", "laila@example.org;all@example.org"}) {
            broker.sendToQueue(QUEUE, "<p>x</p>", Map.of("To", to, "Subject", "dropped", "DiwanLanguage", "en", "DiwanMailText", "x"));
        }
        broker.sendToQueue(QUEUE, "<p>x</p>", Map.of("Subject", "no recipient", "DiwanLanguage", "en", "DiwanMailText", "x"));
        broker.sendToQueue(QUEUE, "<p>ok</p>", Map.of("To", "ann@example.org", "Subject", "kept", "DiwanLanguage", "en", "DiwanMailText", "ok"));

        // messages are taken in order: once the last one is mailed, the others were handled
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= 1);
        await().atMost(WAIT).until(() -> broker.messagesIn(QUEUE) == 0);
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("kept");
        assertThat(addresses(smtp.getReceivedMessages()[0].getAllRecipients())).containsExactly("ann@example.org");
    }

    @Test
    void aSubjectWithALineBreakAddsNoHeaderAndNoRecipient() throws Exception {
        broker.sendToQueue(QUEUE, "<p>x</p>", Map.of("To", "ann@example.org", "Subject", "Hello\r\nBcc: all@example.org\r\nX-Evil: 1",
                "DiwanLanguage", "en", "DiwanMailText", "x"));

        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= 1);
        await().atMost(WAIT).until(() -> broker.messagesIn(QUEUE) == 0);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(addresses(mail.getAllRecipients())).containsExactly("ann@example.org");
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getHeader("X-Evil")).isNull();
        assertThat(GreenMailUtil.getHeaders(mail)).doesNotContain("\nX-Evil");
    }

    private static String[] addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toArray(String[]::new);
    }
}
