package org.diwan.library.internal.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.diwan.api.i18n.Language;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.catalogue.CatalogueQuery;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.OtherTitle;
import org.diwan.library.internal.catalogue.Role;
import org.diwan.library.internal.catalogue.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

/**
 * Records that keep their original script in 880 fields (LIB-6, issue 14 item 1), in MARCXML and ISO 2709, UTF-8
 * and MARC-8: both forms are kept, shown and found, and export gives the 880s back linked.
 */
class OriginalScriptImportTest {

    @TempDir
    Path folder;
    private LibraryFixture library;
    private Exchange exchange;

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        exchange = library.exchange;
    }

    @AfterEach
    void close() {
        library.close();
    }

    private static Function<List<Record>, byte[]> encoding(String name) {
        return switch (name) {
            case "xml" -> MarcSamples::xml;
            case "utf8" -> MarcSamples::utf8;
            default -> MarcSamples::marc8;
        };
    }

    /** One run per encoding (a node's catalogue each): the fixture is the costly part. */
    @ParameterizedTest
    @ValueSource(strings = {"xml", "utf8", "marc8"})
    void bothScriptsAreKeptShownFoundAndExportedLinked(String encoding) throws Exception {
        List<Record> sent = List.of(MarcSamples.arabicBook(), MarcSamples.yiddishBook());
        ImportReport report = exchange.importFile(encoding(encoding).apply(sent), "PUBLIC", "librarian", "::1");

        assertThat(report.refused()).isEmpty();
        anArabicRecordKeepsItsArabicAndItsRomanizationAndIsFoundInArabic(report.created().get(0));
        aYiddishRecordKeepsItsHebrewScriptAndNeverBecomesArabic(report.created().get(1));
        exportGivesThe880sBackLinkedToTheirFields(report.created());
    }

    private void anArabicRecordKeepsItsArabicAndItsRomanizationAndIsFoundInArabic(String id) throws Exception {
        CatalogueRecord book = library.recordStore.get(id).orElseThrow();
        assertThat(book.title().ar()).isEqualTo("كتاب الأيام");
        // the romanized title proper, and the 246 variant (an Arabic book's, in Latin letters)
        assertThat(book.title().others()).containsExactly(new OtherTitle("Kitāb al-ayyām", "ar-Latn"), new OtherTitle("Ayyam", "ar-Latn"));
        assertThat(book.language()).isEqualTo("ar");
        assertThat(book.place()).isEqualTo("Bayrūt");
        Authority author = library.authorityStore.get(book.authorityIds(Role.AUTHOR).get(0)).orElseThrow();
        assertThat(author.name().ar()).isEqualTo("حسين، طه");
        assertThat(author.name().en()).isEqualTo("Ḥusayn, Ṭāhā");

        // typed as readers type it: without hamza, with a final ha for the ta marbuta
        assertThat(library.catalogue.search(CatalogueQuery.words("كتاب الايام"), Viewer.PUBLIC, Language.AR).records())
                .extracting(CatalogueRecord::id).containsExactly(book.id());
        assertThat(library.catalogue.search(CatalogueQuery.words("طه حسين"), Viewer.PUBLIC, Language.AR).records())
                .extracting(CatalogueRecord::id).containsExactly(book.id());
        assertThat(library.catalogue.search(CatalogueQuery.words("ayyām"), Viewer.PUBLIC, Language.AR).records())
                .extracting(CatalogueRecord::id).containsExactly(book.id());
    }

    private void aYiddishRecordKeepsItsHebrewScriptAndNeverBecomesArabic(String id) throws Exception {
        CatalogueRecord book = library.recordStore.get(id).orElseThrow();
        assertThat(book.title().ar()).isNull();
        assertThat(book.title().en()).isNull();
        assertThat(book.title().others()).containsExactly(new OtherTitle("די גאָלדענע קייט : ליטעראַטור-זאַמלונג", "yi"),
                new OtherTitle("Di goldene keyt : literatur-zamlung", "yi-Latn"));
        assertThat(book.title().in(Language.AR)).isEqualTo("די גאָלדענע קייט : ליטעראַטור-זאַמלונג");
        assertThat(book.title().others().get(0).rightToLeft()).isTrue();
        assertThat(book.language()).isEqualTo("yi");
        assertThat(library.catalogue.search(CatalogueQuery.words("גאָלדענע"), Viewer.PUBLIC, Language.AR).records())
                .extracting(CatalogueRecord::id).containsExactly(book.id());
    }

    private void exportGivesThe880sBackLinkedToTheirFields(List<String> ids) throws Exception {
        List<Record> sent = List.of(MarcSamples.arabicBook(), MarcSamples.yiddishBook());
        for (boolean xml : new boolean[] {true, false}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (xml) {
                exchange.exportMarcXml(ids, out);
            } else {
                exchange.exportMarc21(ids, out);
            }
            List<Record> back = RecordComparison.read(out.toByteArray());
            for (int i = 0; i < sent.size(); i++) {
                Record original = i == 0 ? MarcSamples.arabicBook() : MarcSamples.yiddishBook();
                List<DataField> alternates = back.get(i).getDataFields().stream().filter(f -> f.getTag().equals("880")).toList();
                assertThat(alternates).as("record %d, xml %s", i, xml)
                        .hasSize((int) original.getDataFields().stream().filter(f -> f.getTag().equals("880")).count());
                for (DataField alternate : alternates) {
                    String link = alternate.getSubfield('6').getData();
                    String linked = link.substring(0, 3);
                    String occurrence = link.substring(4, 6);
                    assertThat(back.get(i).getDataFields()).as(link)
                            .anySatisfy(f -> assertThat(f.getTag() + " " + f.getSubfield('6')).isEqualTo(linked + " $6880-" + occurrence));
                }
            }
        }
    }

    @Test
    void titlesTakeTheLanguageTheRecordAndTheirLettersGive() throws Exception {
        ImportReport report = exchange.importFile(MarcSamples.xml(List.of(MarcSamples.greekBook(), MarcSamples.moroccanReport())), "PUBLIC",
                "librarian", "::1");

        aGreekRecordsTitlesAreGreekAndItsRomanizationNeitherArabicNorEnglish(report.created().get(0));
        parallelTitlesTakeTheLanguagesThe041GivesAndTifinaghIsNeverEnglish(report.created().get(1));
    }

    private void aGreekRecordsTitlesAreGreekAndItsRomanizationNeitherArabicNorEnglish(String id) throws Exception {
        CatalogueRecord book = library.recordStore.get(id).orElseThrow();
        assertThat(book.title().ar()).isNull();
        assertThat(book.title().en()).isNull();
        assertThat(book.title().others()).containsExactly(new OtherTitle("Ποιήματα", "el"), new OtherTitle("Poiēmata", "el-Latn"));
        assertThat(book.language()).isEqualTo("el");
        java.io.StringWriter dc = new java.io.StringWriter();
        exchange.exportDublinCore(book, "oai:x:" + book.id(), dc);
        assertThat(dc.toString()).contains("<dc:title xml:lang=\"el\">Ποιήματα</dc:title>")
                .contains("<dc:title xml:lang=\"el-Latn\">Poiēmata</dc:title>").doesNotContain("xml:lang=\"ar\">Poi");
    }

    private void parallelTitlesTakeTheLanguagesThe041GivesAndTifinaghIsNeverEnglish(String id) throws Exception {
        CatalogueRecord r = library.recordStore.get(id).orElseThrow();
        assertThat(r.title().ar()).isEqualTo("التقرير السنوي للمجلس : 2018");
        assertThat(r.title().fr()).isEqualTo("Rapport annuel du Conseil");
        assertThat(r.title().en()).isNull();
        assertThat(r.title().others()).containsExactly(new OtherTitle("ⴰⵏⵇⵇⵉⵙ ⵏ ⵓⵙⴳⴳⵯⴰⵙ", "zgh"));
        assertThat(r.title().in(Language.EN)).isEqualTo("التقرير السنوي للمجلس : 2018");
    }
}
