package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.diwan.itkit.Browser;
import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * A person's path through the missions department in real Chromium, in Arabic then English, on a node holding
 * the demonstration data: the registry sorted and paged, a form refused with its input kept, an office added,
 * correspondence registered with a PDF attached, the monitoring dashboard and the bulletins. Screenshots of
 * each step go to target/screenshots (m01 to m09) for a person to review.
 */
class MissionsBrowserIT {

    private static final String ADMIN = "secretary";
    private static final String PASSWORD = "browser path secret";

    @Test
    void aStaffMembersPathThroughTheDepartment() throws Exception {
        DiwanNode unpacked = DiwanNode.unpack("missions-browser-it");
        Path home = unpacked.home();
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        Files.writeString(features, Files.readString(features).replace("featuresBoot = \\\n", "featuresBoot = \\\n    diwan-missions, \\\n"));
        Files.writeString(home.resolve("etc/org.diwan.missions.demo.cfg"), "correspondence = 400\ndays = 400\nseed = 2026\n");
        Path passwordFile = Files.createDirectories(Path.of("target", "nodes")).resolve("browser-missions-password").toAbsolutePath();
        Files.writeString(passwordFile, PASSWORD + "\n");
        Path pdf = Files.createDirectories(Path.of("target", "nodes")).resolve("محضر الاجتماع.pdf").toAbsolutePath();
        Files.write(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        try (DiwanNode node = unpacked.withEnv("DIWAN_ADMIN_PASSWORD_FILE", passwordFile.toString()).withEnv("DIWAN_ADMIN_USER", ADMIN)
                .start().awaitHttp()) {
            await().atMost(Duration.ofSeconds(90)).until(() -> node.log().contains("Demonstration data loaded"));
            WebClient probe = new WebClient(node.httpPort());
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> probe.get("/login").statusCode() == 200);
            try (Browser browser = new Browser(node.httpPort())) {
                browser.open("/login");
                browser.type("#username", ADMIN);
                browser.type("#password", PASSWORD);
                browser.clickAndWait("#login-submit");

                // the registry: forty offices, sorted by a click on a heading, two pages
                browser.open("/diwan/missions/registry");
                assertThat(browser.attribute("html", "dir")).isEqualTo("rtl");
                assertThat(browser.text("#total")).contains("٤٠");
                browser.clickAndWait("#sort-country");
                assertThat(browser.attribute("#sort-country", "href")).contains("dir=desc");
                assertThat(browser.find("th[aria-sort='ascending'] #sort-country")).isNotNull();
                browser.screenshot("m01-registry-sorted-ar");
                browser.clickAndWait("#next");
                assertThat(browser.count("#missions tbody tr")).isEqualTo(15);

                // a form sent incomplete comes back with the reasons and what was typed
                browser.open("/diwan/missions/registry/new");
                browser.type("#code", "AMS");
                browser.type("#city", "أمستردام");
                browser.clickAndWait("#save");
                assertThat(browser.text("#form-error")).contains("لم يُحفظ شيء");
                assertThat(browser.text("#err-nameAr")).isEqualTo("هذا الحقل مطلوب.");
                assertThat(browser.attribute("#city", "value")).isEqualTo("أمستردام");
                browser.screenshot("m02-form-errors-ar");
                browser.type("#nameAr", "مكتب الجامعة العربية في أمستردام");
                browser.select("#country", "NL");
                browser.select("#type", "BUREAU");
                browser.clickAndWait("#save");
                assertThat(browser.text("#saved")).isEqualTo("حُفظت التعديلات.");
                assertThat(browser.text("#mission")).contains("هولندا").contains("مكتب");
                browser.screenshot("m03-office-ar");
                String office = browser.path().replaceAll("\\?.*", "").replace("/diwan/missions/registry/", "");

                // correspondence with an attachment
                browser.open("/diwan/missions/correspondence/new");
                browser.select("#mission", office);
                browser.select("#classification", "CULTURAL");
                browser.type("#referenceNo", "AMS/2026/1");
                browser.type("#subject", "أسبوع الفيلم العربي في أمستردام");
                browser.type("#summary", "عُرضت عشرة أفلام عربية بحضور جمهور كبير.");
                // a day typed in the Hijri calendar fills the Gregorian field, whose day shows in Hijri beside it
                browser.type("#documentDate-hijri", "٣١/٢/١٤٤٨");
                browser.find("#subject").click();
                assertThat(browser.evaluate("return document.getElementById('documentDate-hijri').validationMessage")).asString()
                        .contains("ليس تاريخًا هجريًا صحيحًا");
                browser.type("#documentDate-hijri", "١٦/٦/١٤٤٨");
                browser.find("#subject").click();
                assertThat(browser.attribute("#documentDate", "value")).isEqualTo("2026-11-26");
                assertThat(browser.text("#documentDate-hijri-text")).contains("١٦").contains("١٤٤٨");
                browser.screenshot("m04a-hijri-date-ar");
                browser.clickAndWait("#save");
                assertThat(browser.text("#saved")).isEqualTo("حُفظت التعديلات.");
                browser.attach("#file", pdf);
                browser.clickAndWait("#upload button[type=submit]");
                assertThat(browser.text("#attachment-list")).contains("محضر الاجتماع.pdf");
                browser.screenshot("m04-correspondence-ar");

                browser.open("/diwan/missions/correspondence?q=" + java.net.URLEncoder.encode("اسبوع الفيلم", StandardCharsets.UTF_8));
                assertThat(browser.text("#correspondence")).contains("أسبوع الفيلم العربي في أمستردام");
                browser.open("/diwan/missions/correspondence");
                browser.screenshot("m05-correspondence-list-ar");

                browser.open("/diwan/missions/monitoring");
                assertThat(browser.present("#regular-list") || browser.present("#overdue-list")).isTrue();
                browser.screenshot("m06-monitoring-ar");

                browser.open("/diwan/missions/bulletins");
                browser.clickAndWait("#build");
                assertThat(browser.present("#bulletin-form")).isTrue();
                browser.screenshot("m07-bulletin-editor-ar");

                // the same department in English
                browser.clickAndWait("#lang-en");
                browser.open("/diwan/missions/correspondence");
                assertThat(browser.attribute("html", "dir")).isEqualTo("ltr");
                assertThat(browser.text("h1")).isEqualTo("Correspondence and reports");
                browser.screenshot("m08-correspondence-list-en");
                browser.open("/diwan/missions/registry/" + office);
                assertThat(browser.text("#mission")).contains("Netherlands");
                browser.screenshot("m09-office-en");
            }
        }
    }

}
