package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.diwan.itkit.Browser;
import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * The library in real Chromium, in Arabic, on a node holding demonstration data: a cataloguer describes a
 * resolution, naming its body and subject as typed (one a variant spelling), and attaches its PDF; then a
 * visitor with no account finds it in the public catalogue by another spelling, narrows by a facet, and opens
 * the PDF. Screenshots go to target/screenshots (l01 to l05).
 */
class LibraryBrowserIT {

    private static final String ADMIN = "cataloguer";
    private static final String PASSWORD = "library browser secret";
    private static final String TITLE = "قرار بشأن حماية التراث الثقافي العربي";

    @Test
    void aCataloguerDescribesAResolutionAndTheOutsideWorldFindsAndOpensIt() throws Exception {
        DiwanNode unpacked = DiwanNode.unpack("library-browser-it");
        Path home = unpacked.home();
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        Files.writeString(features, Files.readString(features).replace("featuresBoot = \\\n", "featuresBoot = \\\n    diwan-library, \\\n"));
        Files.writeString(home.resolve("etc/org.diwan.library.demo.cfg"), "records = 300\npersons = 40\nseed = 2026\n");
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve("browser-library-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        byte[] pdfBytes = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Path pdf = Files.createDirectories(Path.of("target", "nodes")).resolve("قرار التراث.pdf").toAbsolutePath();
        Files.write(pdf, pdfBytes);

        try (DiwanNode node = unpacked.withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString()).withEnv("DIWAN_ADMIN_USER", ADMIN)
                .start().awaitHttp()) {
            await().atMost(Duration.ofSeconds(180)).until(() -> node.log().contains("Library demonstration data loaded"));
            WebClient probe = new WebClient(node.httpPort());
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> probe.get("/public/library?q=" + enc("قرار")).body()
                    .contains("id=\"hits\""));
            String record;
            try (Browser cataloguer = new Browser(node.httpPort())) {
                cataloguer.open("/login");
                cataloguer.type("#username", ADMIN);
                cataloguer.type("#password", PASSWORD);
                cataloguer.clickAndWait("#login-submit");

                cataloguer.open("/diwan/library/catalogue/new");
                assertThat(cataloguer.attribute("html", "dir")).isEqualTo("rtl");
                cataloguer.select("#type", "LEAGUE_DOCUMENT");
                cataloguer.type("#titleAr", TITLE);
                cataloguer.type("#titleEn", "Resolution on the protection of Arab cultural heritage");
                cataloguer.type("#symbol", "ق.ق: 8001 د.ع (160)");
                cataloguer.type("#session", "الدورة العادية 160");
                cataloguer.type("#language", "ar");
                cataloguer.type("#body", "مجلس الجامعه");
                cataloguer.type("#subject", "xyz");
                cataloguer.select("#access", "PUBLIC");
                cataloguer.clickAndWait("#save");
                // an unknown subject is refused, and what was typed stays
                assertThat(cataloguer.text("#err-subject")).contains("xyz");
                assertThat(cataloguer.attribute("#titleAr", "value")).isEqualTo(TITLE);
                cataloguer.screenshot("l01-record-form-refused-ar");
                cataloguer.type("#subject", "التراث الثقافى");
                cataloguer.clickAndWait("#save");
                assertThat(cataloguer.text("#saved")).isNotBlank();
                assertThat(cataloguer.text("#role-BODY")).contains("مجلس جامعة الدول العربية");
                assertThat(cataloguer.text("#role-SUBJECT")).contains("التراث الثقافي");
                cataloguer.attach("#file", pdf);
                cataloguer.clickAndWait("#attach");
                assertThat(cataloguer.text("#objects")).contains("قرار التراث.pdf");
                cataloguer.screenshot("l02-record-with-pdf-ar");
                record = cataloguer.path().replaceAll("[?#].*", "").replace("/diwan/library/catalogue/", "");
            }

            try (Browser visitor = new Browser(node.httpPort())) {
                visitor.open("/public/library?q=" + enc("حمايه التراث الثقافى"));
                assertThat(visitor.attribute("html", "dir")).isEqualTo("rtl");
                assertThat(visitor.text("#hits")).contains(TITLE);
                visitor.screenshot("l03-public-search-ar");
                visitor.clickAndWait("#facet-type a[href*='league-document']");
                assertThat(visitor.text("#hits")).contains(TITLE);
                visitor.open("/public/library/" + record);
                assertThat(visitor.text("h1")).isEqualTo(TITLE);
                assertThat(visitor.present("#upload")).isFalse();
                visitor.screenshot("l04-public-record-ar");
                Object opened = visitor.script("const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('.open-object').href)"
                        + ".then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength)))"
                        + ".catch(e => done('failed ' + e));");
                assertThat(String.valueOf(opened)).isEqualTo("200 application/pdf " + pdfBytes.length);
                visitor.clickAndWait("#lang-en");
                visitor.open("/public/library?q=" + enc("cultural heritage protection"));
                assertThat(visitor.attribute("html", "dir")).isEqualTo("ltr");
                assertThat(visitor.text("#hits")).contains("Resolution on the protection of Arab cultural heritage");
                visitor.screenshot("l05-public-search-en");
            }
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
