package org.diwan.library.internal.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.marc.Record;

/**
 * A record that comes again is known (issue 14 item 4): by its control number with its agency, a 035 system
 * number written another way, its ISBN as ten or thirteen digits, or the ISBN a cataloguer typed by hand; and the
 * cataloguer chooses, record by record, to update, skip or make it new.
 */
class DuplicateImportTest {

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

    @Test
    void recordsThatComeAgainAreHeldAndEachGetsTheChoiceMade() throws Exception {
        ImportReport first = exchange.importFile(MarcSamples.xml(List.of(MarcSamples.arabicBook(), MarcSamples.yiddishBook(),
                MarcSamples.englishReport())), "PUBLIC", "librarian", "::1");
        assertThat(first.created()).hasSize(3);
        String arabic = first.created().get(0);
        String yiddish = first.created().get(1);
        String english = first.created().get(2);

        // the same books as another library sends them: the control number gone, the OCLC number written its other
        // way, the ISBN in ten digits; and a new edition of the Yiddish book's title
        Record arabicAgain = MarcSamples.arabicBook();
        arabicAgain.removeVariableField(arabicAgain.getVariableField("001"));
        arabicAgain.removeVariableField(arabicAgain.getVariableField("035"));
        arabicAgain.removeVariableField(arabicAgain.getVariableField("020"));
        MarcSamples.add(arabicAgain, "035", ' ', ' ', "a", "(OCoLC)612345678");
        Record yiddishAgain = MarcSamples.yiddishBook();
        ((org.marc4j.marc.DataField) yiddishAgain.getVariableField("245")).getSubfield('b').setData("literatur-zamlung, 2te oyfl. /");
        Record englishAgain = MarcSamples.englishReport();
        englishAgain.removeVariableField(englishAgain.getVariableField("001"));
        englishAgain.removeVariableField(englishAgain.getVariableField("035"));
        englishAgain.removeVariableField(englishAgain.getVariableField("020"));
        MarcSamples.add(englishAgain, "020", ' ', ' ', "a", "9780306406157");
        Record unrelated = MarcSamples.greekBook();

        ImportReport second = exchange.importFile(MarcSamples.utf8(List.of(arabicAgain, yiddishAgain, englishAgain, unrelated)), "PUBLIC",
                "librarian", "::1");

        assertThat(second.created()).hasSize(1);
        assertThat(second.pending()).extracting(ImportReport.Duplicate::position).containsExactly(1, 2, 3);
        assertThat(second.pending()).extracting(d -> d.matchedIds().get(0)).containsExactly(arabic, yiddish, english);
        assertThat(second.batch()).isNotNull();
        assertThat(countRecords()).isEqualTo(4);

        ImportReport chosen = exchange.resolve(second.batch(), Map.of(second.pending().get(0).pendingId(), OnDuplicate.SKIP,
                second.pending().get(1).pendingId(), OnDuplicate.UPDATE), "librarian", "::1");

        // the third has no choice yet: it stays held, and can be chosen later
        assertThat(chosen.skipped()).hasSize(1);
        assertThat(chosen.updated()).containsExactly(yiddish);
        assertThat(chosen.pending()).extracting(ImportReport.Duplicate::pendingId).containsExactly(second.pending().get(2).pendingId());
        assertThat(library.recordStore.get(yiddish).orElseThrow().title().others().get(0).text())
                .isEqualTo("די גאָלדענע קייט : ליטעראַטור-זאַמלונג");
        assertThat(library.recordStore.get(yiddish).orElseThrow().title().others().get(1).text())
                .isEqualTo("Di goldene keyt : literatur-zamlung, 2te oyfl");

        ImportReport last = exchange.resolve(second.batch(), Map.of(second.pending().get(2).pendingId(), OnDuplicate.NEW), "librarian", "::1");
        assertThat(last.created()).hasSize(1);
        assertThat(exchange.resolve(second.batch(), Map.of(), "librarian", "::1").pending()).isEmpty();
        assertThat(countRecords()).isEqualTo(5);
    }

    @Test
    void aRecordCataloguedByHandIsFoundByItsIsbnHoweverItIsWrittenAndThePoliciesApply() throws Exception {
        CatalogueRecord byHand = library.record(Map.of("type", "BOOK", "titleEn", "The Arab human development report", "language", "en",
                "access", "PUBLIC", "identifier", "0-306-40615-2", "callNumber", "HD 4904.7 .A73"));

        ImportReport skipped = exchange.importFile(MarcSamples.xml(List.of(MarcSamples.englishReport())), "PUBLIC", OnDuplicate.SKIP,
                "librarian", "::1");
        assertThat(skipped.skipped()).extracting(d -> d.matchedIds().get(0)).containsExactly(byHand.id());
        assertThat(skipped.created()).isEmpty();

        ImportReport updated = exchange.importFile(MarcSamples.xml(List.of(MarcSamples.englishReport())), "PUBLIC", OnDuplicate.UPDATE,
                "librarian", "::1");
        assertThat(updated.updated()).containsExactly(byHand.id());
        CatalogueRecord now = library.recordStore.get(byHand.id()).orElseThrow();
        assertThat(now.title().en()).isEqualTo("The Arab human development report : building a knowledge society");
        // what the record does not give stays as the cataloguer left it
        assertThat(now.callNumber()).isEqualTo("HD 4904.7 .A73");
        assertThat(now.summary()).isEqualTo("Looks at knowledge in the Arab countries.");

        // from now on it goes out as the record came, with the cataloguer's call number in 090
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchange.exportMarcXml(List.of(byHand.id()), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The Arab human development report :").contains("HD 4904.7 .A73");

        ImportReport made = exchange.importFile(MarcSamples.xml(List.of(MarcSamples.englishReport())), "PUBLIC", OnDuplicate.NEW,
                "librarian", "::1");
        assertThat(made.created()).hasSize(1);
        assertThat(countRecords()).isEqualTo(2);
    }

    private int countRecords() throws Exception {
        try (var c = library.dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM catalogue_record")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
