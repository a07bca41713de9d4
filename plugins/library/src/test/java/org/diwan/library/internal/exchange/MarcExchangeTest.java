package org.diwan.library.internal.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.diwan.api.i18n.Language;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.authority.AuthorityKind;
import org.diwan.library.internal.catalogue.AccessLevel;
import org.diwan.library.internal.catalogue.CatalogueQuery;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.RecordType;
import org.diwan.library.internal.catalogue.Role;
import org.diwan.library.internal.catalogue.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.Record;

/** MARCXML and MARC 21 in and out, on a real Derby and the real search service, with another library's file. */
class MarcExchangeTest {

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

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MarcExchangeTest.class.getResourceAsStream("/marc/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<Record> parse(byte[] marcXml) {
        List<Record> records = new ArrayList<>();
        MarcXmlReader reader = new MarcXmlReader(new ByteArrayInputStream(marcXml));
        while (reader.hasNext()) {
            records.add(reader.next());
        }
        return records;
    }

    @Test
    void anotherLibrarysFileComesInWithItsArabicAndItsAuthorities() throws Exception {
        ImportReport report = exchange.importFile(resource("another-library.xml"), "STAFF", "librarian", "::1");

        assertThat(report.read()).isEqualTo(2);
        assertThat(report.refused()).isEmpty();
        assertThat(report.created()).hasSize(2);
        CatalogueRecord resolution = library.recordStore.get(report.created().get(0)).orElseThrow();
        assertThat(resolution.type()).isEqualTo(RecordType.LEAGUE_DOCUMENT);
        assertThat(resolution.title().ar()).isEqualTo("قرار بشأن الأمن المائي العربي");
        assertThat(resolution.title().en()).isEqualTo("Resolution on Arab water security");
        assertThat(resolution.title().fr()).isEqualTo("Résolution sur la sécurité hydrique arabe");
        assertThat(resolution.symbol()).isEqualTo("ق.ق: 245 د.ع (15)");
        assertThat(resolution.issuedOn()).hasToString("2003-03-24");
        assertThat(resolution.access()).isEqualTo(AccessLevel.PUBLIC);
        assertThat(resolution.authorityIds(Role.BODY)).hasSize(1);
        CatalogueRecord book = library.recordStore.get(report.created().get(1)).orElseThrow();
        assertThat(book.type()).isEqualTo(RecordType.BOOK);
        assertThat(book.language()).isEqualTo("en");
        assertThat(book.title().en()).isEqualTo("A history of the Arab peoples");
        assertThat(book.publisher()).isEqualTo("Faber and Faber");
        assertThat(book.access()).isEqualTo(AccessLevel.STAFF);
        assertThat(library.authorities.find("Hourani", AuthorityKind.PERSON, 5)).hasSize(1);
        // imported records are searchable at once, Arabic variants included
        assertThat(library.catalogue.search(CatalogueQuery.words("الامن المائى"), Viewer.PUBLIC, Language.AR).total()).isEqualTo(1);
    }

    @Test
    void exportGivesBackEveryFieldOfTheImportedFile() throws Exception {
        byte[] original = resource("another-library.xml");
        ImportReport report = exchange.importFile(original, "STAFF", "librarian", "::1");
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        exchange.exportMarcXml(report.created(), exported);

        List<Record> before = parse(original);
        List<Record> after = parse(exported.toByteArray());
        assertThat(after).hasSize(before.size());
        for (int i = 0; i < before.size(); i++) {
            // an imported record goes out as it came: every field, indicator and subfield, ISBD punctuation and all
            assertThat(RecordComparison.lines(after.get(i))).as("record %d", i + 1)
                    .containsExactlyElementsOf(RecordComparison.lines(before.get(i)));
        }
        String xml = exported.toString(StandardCharsets.UTF_8);
        assertThat(xml).contains("قرار بشأن الأمن المائي العربي");
    }

    @Test
    void aFileExportedHereComesBackLinkedToTheSameAuthoritiesAndMarc21WorksToo() throws Exception {
        ImportReport first = exchange.importFile(resource("another-library.xml"), "STAFF", "librarian", "::1");
        int authorities = countAuthorities();
        ByteArrayOutputStream marc21 = new ByteArrayOutputStream();
        exchange.exportMarc21(first.created(), marc21);
        assertThat(marc21.toByteArray()[9]).as("leader/09: UCS/Unicode").isEqualTo((byte) 'a');

        // the same records again, made anew on purpose: by default they would be held as already here
        ImportReport again = exchange.importFile(marc21.toByteArray(), "STAFF", OnDuplicate.NEW, "librarian", "::1");

        assertThat(again.created()).hasSize(2);
        assertThat(countAuthorities()).isEqualTo(authorities);
        CatalogueRecord copy = library.recordStore.get(again.created().get(0)).orElseThrow();
        CatalogueRecord original = library.recordStore.get(first.created().get(0)).orElseThrow();
        assertThat(copy.title()).isEqualTo(original.title());
        assertThat(copy.links()).isEqualTo(original.links());
    }

    @Test
    void maliciousOrBrokenFilesAreRefusedWholeWithAClearReason() throws Exception {
        assertThatThrownBy(() -> exchange.importFile(resource("xxe.xml"), "STAFF", "x", "::1")).isInstanceOf(ExchangeRefused.class)
                .extracting(e -> ((ExchangeRefused) e).messageKey()).isEqualTo("library.exchange.doctype");
        assertThatThrownBy(() -> exchange.importFile(resource("billion-laughs.xml"), "STAFF", "x", "::1")).isInstanceOf(ExchangeRefused.class)
                .extracting(e -> ((ExchangeRefused) e).messageKey()).isEqualTo("library.exchange.doctype");
        assertThatThrownBy(() -> exchange.importFile("<collection><record>".getBytes(StandardCharsets.UTF_8), "STAFF", "x", "::1"))
                .isInstanceOf(ExchangeRefused.class).extracting(e -> ((ExchangeRefused) e).messageKey()).isEqualTo("library.exchange.malformed");
        assertThatThrownBy(() -> exchange.importFile("not a marc file at all".getBytes(StandardCharsets.UTF_8), "STAFF", "x", "::1"))
                .isInstanceOf(ExchangeRefused.class).extracting(e -> ((ExchangeRefused) e).messageKey()).isEqualTo("library.exchange.not-marc");
        assertThatThrownBy(() -> exchange.importFile(new byte[Exchange.MAX_FILE + 1], "STAFF", "x", "::1")).isInstanceOf(ExchangeRefused.class)
                .extracting(e -> ((ExchangeRefused) e).messageKey()).isEqualTo("library.exchange.too-large");
        assertThat(countAuthorities()).isZero();
        assertThat(library.catalogue.search(CatalogueQuery.words(""), Viewer.RESTRICTED, Language.AR).total()).isZero();
    }

    private int countAuthorities() throws Exception {
        try (var c = library.dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM authority")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
