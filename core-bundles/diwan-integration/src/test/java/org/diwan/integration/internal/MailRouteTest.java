package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** {@code smtp:} to a real SMTP server (GreenMail), fed by a BytesMessage from a real broker. */
class MailRouteTest {

    /** Starts like a PDF; the rest is every byte value, so any text conversion on the way would show. */
    static final byte[] PDF = pdfBytes();

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
        smtp.setUser("diwan@example.org", "diwan", "s3cret-pass");
        RouteSettings settings = new RouteSettings(Map.of(
                "test.mail.smtp", "smtp://diwan:s3cret-pass@127.0.0.1:" + smtp.getSmtp().getPort(),
                "test.mail.to", "list@example.org, archive@example.org",
                "test.mail.from", "Diwan <diwan@example.org>"));
        runtime = new CamelRuntime(new SimpleRegistry(), getClass().getClassLoader(), Duration.ofSeconds(2), false,
                null, settings);
        runtime.bindConnectionFactory(broker.factory());
        files = new RouteFiles(runtime.context(), settings);
    }

    @AfterEach
    void stop() throws Exception {
        runtime.close();
        smtp.stop();
        broker.close();
    }

    @Test
    void mailsTheBodyOfABytesMessageAsAPdfAttachmentWithTheSubjectFromAHeader() throws Exception {
        files.load(Files.writeString(folder.resolve("mail.camel.yaml"), """
                - route:
                    id: mail
                    from:
                      uri: jms:queue:diwan.test.documents
                      steps:
                        - script:
                            simple: "${setAttachment(report.pdf)}"
                        - setHeader:
                            name: Subject
                            simple: "${header.DiwanTitle}"
                        - setHeader:
                            name: From
                            constant: "{{test.mail.from}}"
                        - setHeader:
                            name: To
                            constant: "{{test.mail.to}}"
                        - setHeader:
                            name: Content-Type
                            constant: text/plain; charset=UTF-8
                        - setBody:
                            constant: "التقرير مرفق."
                        - removeHeaders:
                            pattern: "Diwan*"
                        - to: "{{test.mail.smtp}}"
                """));

        broker.sendBytesToQueue("diwan.test.documents", PDF, Map.of("DiwanTitle", "تقرير شهر نوفمبر 2026"));

        // GreenMail keeps one copy per recipient
        await().atMost(Duration.ofSeconds(15)).until(() -> smtp.getReceivedMessages().length == 2);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("تقرير شهر نوفمبر 2026");
        assertThat(addresses(mail.getFrom())).containsExactly("Diwan <diwan@example.org>");
        assertThat(addresses(mail.getRecipients(RecipientType.TO)))
                .containsExactlyInAnyOrder("list@example.org", "archive@example.org");
        assertThat(mail.getHeader("DiwanTitle")).isNull();

        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(((String) parts.getBodyPart(0).getContent()).strip()).isEqualTo("التقرير مرفق.");
        BodyPart attachment = parts.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("report.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(PDF);
        assertThat(smtp.getReceivedMessages()[1].getMessageID()).isEqualTo(mail.getMessageID());
    }

    private static String[] addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toArray(String[]::new);
    }

    private static byte[] pdfBytes() {
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(header, header.length + 512);
        for (int i = 0; i < 512; i++) {
            bytes[header.length + i] = (byte) i;
        }
        return bytes;
    }
}
