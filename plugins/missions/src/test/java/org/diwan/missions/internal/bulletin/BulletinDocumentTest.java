package org.diwan.missions.internal.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.diwan.api.i18n.Language;
import org.diwan.api.reference.Countries;
import org.diwan.missions.internal.correspondence.Classification;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class BulletinDocumentTest {

    private final BulletinDocument document = new BulletinDocument(Countries.standard(), (key, language) -> key + "@" + language.tag());

    @Test
    void groupsByTopicThenCountryAndEscapesEverything() throws Exception {
        Bulletin bulletin = bulletin(List.of(
                item("1", Classification.POLITICAL, "FR", true, "زيارة <script>alert(1)</script>", "نص & تفاصيل"),
                item("2", Classification.POLITICAL, "FR", true, "لقاء ثان", null),
                item("3", Classification.CULTURAL, "DE", true, "معرض", "\u0001نص"),
                item("4", Classification.CULTURAL, "DE", false, "مستبعد", null)));
        String xhtml = document.xhtml(bulletin, Language.AR);

        // well-formed XML, whatever staff typed
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));

        assertThat(xhtml).contains("dir=\"rtl\"").contains("lang=\"ar\"").contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("نص &amp; تفاصيل").doesNotContain("مستبعد").doesNotContain("\u0001");
        assertThat(xhtml.indexOf("missions.bulletin.topic.POLITICAL")).isLessThan(xhtml.indexOf("missions.bulletin.topic.CULTURAL"));
        assertThat(xhtml.split("<h3>فرنسا</h3>", -1)).hasSize(2);
        assertThat(xhtml.split("<h2>", -1)).hasSize(3);
    }

    @Test
    void aLanguageIsIssuedOnlyWhenEveryIncludedTextHasItsTranslation() {
        BulletinItem translated = new BulletinItem("1", null, Classification.MEDIA, "FR", 0, true, new Bulletin.Texts("عنوان", "Heading", null),
                new Bulletin.Texts("نص", "Text", null));
        BulletinItem excluded = new BulletinItem("2", null, Classification.MEDIA, "FR", 1, false, new Bulletin.Texts("عنوان", null, null),
                new Bulletin.Texts("نص", null, null));
        Bulletin bulletin = new Bulletin("b", YearMonth.of(2026, 11), new Bulletin.Texts("النشرة", "Bulletin", "Bulletin"),
                new Bulletin.Texts(null, null, null), List.of(translated, excluded), false, null, null, Map.of(), 1, "chief",
                java.time.Instant.EPOCH);
        assertThat(bulletin.languages()).containsExactly(Language.AR, Language.EN);
        assertThat(document.xhtml(bulletin, Language.EN)).contains("dir=\"ltr\"").contains("Heading").contains("Text");
    }

    private static Bulletin bulletin(List<BulletinItem> items) {
        return new Bulletin("b", YearMonth.of(2026, 11), new Bulletin.Texts("النشرة الشهرية", null, null), new Bulletin.Texts("تقديم", null, null),
                items, false, null, null, Map.of(), 1, "chief", java.time.Instant.EPOCH);
    }

    private static BulletinItem item(String id, Classification k, String country, boolean included, String heading, String text) {
        return new BulletinItem(id, null, k, country, Integer.parseInt(id), included, new Bulletin.Texts(heading, null, null),
                new Bulletin.Texts(text, null, null));
    }
}
