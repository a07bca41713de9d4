package org.diwan.library.internal.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.diwan.api.validation.Validation;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.marc.Record;

/**
 * Import, then export, then compare every field and subfield (issue 14 item 3): names with dates and relators,
 * titles with their indicators and statements of responsibility, variant and uniform titles, editions, both kinds
 * of publication statement, series, notes, subjects with subdivisions, genres, added entries, 880s. What a
 * cataloguer changes is written from the catalogue; what they leave alone goes out as it came.
 */
class MarcRoundTripTest {

    private static final List<Supplier<Record>> RICH = List.of(MarcSamples::arabicBook, MarcSamples::yiddishBook, MarcSamples::greekBook,
            MarcSamples::moroccanReport, MarcSamples::englishReport);

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

    private static List<Record> rich() {
        return RICH.stream().map(Supplier::get).toList();
    }

    @Test
    void everyFieldAndSubfieldComesBackAsItCameInMarcXmlAndIso2709() throws Exception {
        // sent in MARC-8, the oldest and hardest of the encodings other libraries use
        ImportReport report = exchange.importFile(MarcSamples.marc8(rich()), "PUBLIC", "librarian", "::1");
        assertThat(report.refused()).isEmpty();
        assertThat(report.created()).hasSize(RICH.size());

        for (boolean xml : new boolean[] {true, false}) {
            List<Record> back = RecordComparison.read(export(report.created(), xml));
            List<Record> sent = rich();
            assertThat(back).hasSize(sent.size());
            for (int i = 0; i < sent.size(); i++) {
                assertThat(RecordComparison.lines(back.get(i))).as("record %d, MARCXML %s", i + 1, xml)
                        .containsExactlyElementsOf(RecordComparison.lines(sent.get(i)));
                // lengths and base address are the writer's; 09 says Unicode, as the record now is
                String leader = back.get(i).getLeader().marshal();
                String original = sent.get(i).getLeader().marshal();
                assertThat(leader.substring(5, 9) + leader.substring(10, 12) + leader.substring(17))
                        .isEqualTo(original.substring(5, 9) + original.substring(10, 12) + original.substring(17));
                assertThat(leader.charAt(9)).isEqualTo('a');
            }
        }
    }

    @Test
    void whatACataloguerChangesIsWrittenFromTheCatalogueAndTheRestAsItCame() throws Exception {
        ImportReport report = exchange.importFile(MarcSamples.xml(List.of(MarcSamples.arabicBook())), "PUBLIC", "librarian", "::1");
        String id = report.created().get(0);
        CatalogueRecord imported = library.recordStore.get(id).orElseThrow();
        Map<String, String> form = new HashMap<>(Map.of("type", imported.type().name(), "titleAr", "كتاب الأيام: السيرة الكاملة",
                "otherTitles", "[ar-Latn] Kitāb al-ayyām", "language", "ar", "access", "PUBLIC", "year", "2009", "place", "Bayrūt",
                "summary", "سيرة طه حسين في ثلاثة أجزاء.", "identifier", "9789953881234"));
        form.put("author", String.join(",", imported.authorityIds(org.diwan.library.internal.catalogue.Role.AUTHOR)));
        form.put("subject", String.join(",", imported.authorityIds(org.diwan.library.internal.catalogue.Role.SUBJECT)));
        form.put("publisher", imported.publisher());
        form.put("extent", imported.extent());
        Validation v = new Validation();
        assertThat(library.catalogue.update(id, imported.version(), form, v, "librarian", "::1")).as(v.errors().toString()).isPresent();

        List<String> back = RecordComparison.lines(RecordComparison.read(export(List.of(id), true)).get(0));
        List<String> sent = RecordComparison.lines(MarcSamples.arabicBook());
        // the title changed: 245 and its 880 are the catalogue's, the 246 variant is gone
        assertThat(back).contains("245 10 $aكتاب الأيام: السيرة الكاملة").noneMatch(l -> l.startsWith("880") && l.contains("$6245-"))
                .noneMatch(l -> l.startsWith("246"));
        // a summary was added
        assertThat(back).contains("520    $aسيرة طه حسين في ثلاثة أجزاء.");
        // everything else as it came, in its place
        List<String> untouched = new ArrayList<>(sent);
        untouched.removeIf(l -> l.startsWith("245") || l.startsWith("246") || l.startsWith("880") && l.contains("$6245-"));
        assertThat(back).containsSubsequence(untouched);
        assertThat(back.indexOf("520    $aسيرة طه حسين في ثلاثة أجزاء.")).isGreaterThan(back.indexOf(sent.get(sent.indexOf(
                sent.stream().filter(l -> l.startsWith("504")).findFirst().orElseThrow()))));
    }

    private byte[] export(List<String> ids, boolean xml) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (xml) {
            exchange.exportMarcXml(ids, out);
        } else {
            exchange.exportMarc21(ids, out);
        }
        return out.toByteArray();
    }
}
