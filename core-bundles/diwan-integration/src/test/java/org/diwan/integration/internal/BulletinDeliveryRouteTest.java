package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The shipped {@code camel-routes/missions/missions-bulletin-delivery.camel.yaml}, as it is, against a real broker, a real
 * website (HTTP server) and a real mail server (GreenMail).
 */
class BulletinDeliveryRouteTest {

    private static final Path ROUTE_FILE = Path.of("../../camel-routes/missions/missions-bulletin-delivery.camel.yaml");
    private static final String EVENTS = "diwan.events.missions.bulletin-issued";
    /** Artemis names a durable subscription's queue {@code <clientId>.<subscription name>}. */
    private static final String WEBSITE_SUBSCRIPTION = "diwan-missions-bulletin-website.missions-bulletin-website";
    private static final String MAIL_SUBSCRIPTION = "diwan-missions-bulletin-mail.missions-bulletin-mail";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String TITLE = "نشرة البعثة لشهر نوفمبر 2026";
    private static final String HTML = "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><body><h1>" + TITLE + "</h1></body></html>";

    @TempDir
    Path folder;

    private TestBroker broker;
    private TestWebsite website;
    private GreenMail smtp;
    private CamelRuntime runtime;
    private RouteFiles files;

    @BeforeEach
    void start() throws Exception {
        broker = TestBroker.start(folder.resolve("broker"));
        website = new TestWebsite();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        // what etc/org.diwan.routes.cfg holds on a node
        RouteSettings settings = new RouteSettings(Map.of(
                "missions.bulletin.website.url", website.url("/api/bulletins"),
                "missions.bulletin.mail.to", "bulletin@lists.example.org",
                "missions.bulletin.mail.from", "Diwan <diwan@example.org>",
                "missions.bulletin.mail.smtp", "smtp://127.0.0.1:" + smtp.getSmtp().getPort()));
        runtime = new CamelRuntime(new SimpleRegistry(), getClass().getClassLoader(), Duration.ofSeconds(2), false,
                null, settings);
        runtime.bindConnectionFactory(broker.factory());
        files = new RouteFiles(runtime.context(), settings);
    }

    @AfterEach
    void stop() throws Exception {
        runtime.close();
        smtp.stop();
        website.close();
        broker.close();
    }

    @Test
    void postsBothFormatsToTheWebsiteAndMailsThePdfToTheList() throws Exception {
        assertThat(files.load(ROUTE_FILE)).containsExactly("missions-bulletin-website", "missions-bulletin-mail");

        issue("b-2026-11-ar", MailRouteTest.PDF);

        TestWebsite.Request html = website.next(WAIT);
        assertThat(html.method()).isEqualTo("POST");
        assertThat(html.path()).isEqualTo("/api/bulletins");
        assertThat(html.header("Content-Type")).isEqualToIgnoringWhitespace("text/html;charset=UTF-8");
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).isEqualTo(HTML);
        assertBulletinHeaders(html, "html");

        TestWebsite.Request pdf = website.next(WAIT);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).isEqualTo(MailRouteTest.PDF);
        assertBulletinHeaders(pdf, "pdf");

        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo(TITLE);
        assertThat(addresses(mail.getFrom())).containsExactly("Diwan <diwan@example.org>");
        assertThat(addresses(mail.getRecipients(RecipientType.TO))).containsExactly("bulletin@lists.example.org");
        assertThat(mail.getHeader("DiwanBulletinId")).isNull();
        assertThat(mail.getHeader("JMSMessageID")).isNull();
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat((String) parts.getBodyPart(0).getContent()).contains(TITLE).contains("2026-11");
        BodyPart attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("bulletin.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(MailRouteTest.PDF);

        // the HTML was not mailed: the mail route's subscription only ever sees the PDFs
        assertThat(website.next(Duration.ofMillis(300))).isNull();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void keepsTheBulletinsIssuedWhileItsRoutesAreStoppedInItsDurableSubscriptions() throws Exception {
        Path file = ROUTE_FILE;
        files.load(file);
        files.unload(file);
        assertThat(runtime.context().getRoutes()).isEmpty();

        issue("b-while-away", MailRouteTest.PDF);

        // both messages wait for the website, only the PDF for the list (the selector is applied by the broker)
        await().atMost(WAIT).until(() -> broker.messagesIn(WEBSITE_SUBSCRIPTION) == 2);
        assertThat(broker.messagesIn(MAIL_SUBSCRIPTION)).isEqualTo(1);

        files.load(file);

        assertThat(website.next(WAIT).header("DiwanFormat")).isEqualTo("html");
        assertThat(website.next(WAIT).header("DiwanFormat")).isEqualTo("pdf");
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo(TITLE);
        await().atMost(WAIT).until(() -> broker.messagesIn(WEBSITE_SUBSCRIPTION) == 0 && broker.messagesIn(MAIL_SUBSCRIPTION) == 0);
    }

    @Test
    void triesAPostTheWebsiteRefusedAgainWithoutMailingTwice() throws Exception {
        files.load(ROUTE_FILE);
        website.failNext(1);

        issue("b-retry", MailRouteTest.PDF);

        TestWebsite.Request refused = website.next(WAIT);
        assertThat(refused.header("DiwanFormat")).isEqualTo("html");
        // the route's first redelivery comes 2 s later
        TestWebsite.Request again = website.next(WAIT);
        assertThat(again.header("DiwanFormat")).isEqualTo("html");
        assertThat(again.body()).isEqualTo(refused.body());
        assertThat(website.next(WAIT).header("DiwanFormat")).isEqualTo("pdf");

        await().atMost(WAIT).until(() -> broker.messagesIn(WEBSITE_SUBSCRIPTION) == 0);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    /** What the missions plugin publishes for one issued bulletin. */
    private void issue(String id, byte[] pdf) throws Exception {
        Map<String, String> properties = Map.of(
                "DiwanBulletinId", id,
                "DiwanBulletinMonth", "2026-11",
                "DiwanBulletinTitle", TITLE,
                "DiwanLanguage", "ar");
        broker.publishText(EVENTS, HTML, with(properties, "html"));
        broker.publishBytes(EVENTS, pdf, with(properties, "pdf"));
    }

    private static Map<String, String> with(Map<String, String> properties, String format) {
        Map<String, String> all = new java.util.HashMap<>(properties);
        all.put("DiwanFormat", format);
        return all;
    }

    private static void assertBulletinHeaders(TestWebsite.Request request, String format) {
        assertThat(request.header("DiwanBulletinId")).startsWith("b-");
        assertThat(request.header("DiwanBulletinMonth")).isEqualTo("2026-11");
        assertThat(request.header("DiwanLanguage")).isEqualTo("ar");
        assertThat(request.header("DiwanFormat")).isEqualTo(format);
        assertThat(request.header("DiwanBulletinTitle")).startsWith(NonAsciiHeaders.PREFIX);
        assertThat(URLDecoder.decode(request.header("DiwanBulletinTitle").substring(NonAsciiHeaders.PREFIX.length()),
                StandardCharsets.UTF_8)).isEqualTo(TITLE);
        assertThat(request.headers().keySet()).noneMatch(name -> name.startsWith("jms") || name.startsWith("camel"));
    }

    private static String[] addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toArray(String[]::new);
    }
}
