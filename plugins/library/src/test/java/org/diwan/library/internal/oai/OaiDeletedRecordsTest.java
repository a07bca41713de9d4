package org.diwan.library.internal.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diwan.api.validation.Validation;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code deletedRecord=persistent}: deleted records and records withdrawn from the public are deleted headers, dated
 * when they left, in the stream harvesters walk with tokens; a record made public again is a record again. Every
 * answer is checked against the schema's structure ({@link OaiSchema}, through {@link OaiXml#parse}).
 */
class OaiDeletedRecordsTest {

    private static final String OAI = OaiProvider.OAI;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    Path folder;
    private LibraryFixture library;
    private OaiProvider provider;
    private Authority council;
    private final List<CatalogueRecord> documents = new ArrayList<>();
    private CatalogueRecord deleted;
    private CatalogueRecord withdrawn;
    private CatalogueRecord republished;
    private CatalogueRecord neverPublic;
    private CatalogueRecord book;

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        provider = OaiProviderTest.provider(library); // pages of 7
        council = library.authority("BODY", "مجلس جامعة الدول العربية", "Council", null);
        for (int i = 0; i < 12; i++) {
            documents.add(record("LEAGUE_DOCUMENT", "قرار رقم " + i, "PUBLIC"));
        }
        book = record("BOOK", "كتاب", "PUBLIC");
        deleted = documents.get(3);
        assertThat(library.catalogue.delete(deleted, "chief", "10.0.0.9")).isTrue();
        withdrawn = access(documents.get(5), "STAFF");
        republished = access(access(documents.get(8), "RESTRICTED"), "PUBLIC");
        neverPublic = record("LEAGUE_DOCUMENT", "وثيقة داخلية", "RESTRICTED");
        assertThat(library.catalogue.delete(neverPublic, "chief", "10.0.0.9")).isTrue();
    }

    @AfterEach
    void close() {
        library.close();
    }

    private CatalogueRecord record(String type, String title, String access) throws Exception {
        return library.record(fields(type, title, access));
    }

    private Map<String, String> fields(String type, String title, String access) {
        Map<String, String> f = new HashMap<>(Map.of("type", type, "titleAr", title, "language", "ar", "access", access));
        if (type.equals("LEAGUE_DOCUMENT")) {
            f.put("body", council.id());
            f.put("issuedOn", "2003-03-24");
        }
        return f;
    }

    private CatalogueRecord access(CatalogueRecord r, String access) throws Exception {
        return library.catalogue.update(r.id(), r.version(), fields(r.type().name(), r.title().ar(), access), new Validation(),
                LibraryFixture.ACTOR, LibraryFixture.ADDRESS).orElseThrow();
    }

    private Document ask(String... pairs) throws Exception {
        return OaiProviderTest.ask(provider, pairs);
    }

    private static String oai(CatalogueRecord r) {
        return "oai:diwan.library:" + r.id();
    }

    /** Every header of a list, by identifier: its status ("" or "deleted"), datestamp and sets, across all its pages. */
    private Map<String, List<String>> harvest(String verb, String... args) throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<String> first = new ArrayList<>(List.of("verb", verb));
        first.addAll(List.of(args));
        Document page = ask(first.toArray(String[]::new));
        for (int pages = 1; pages < 20; pages++) {
            if (OaiXml.error(page) != null) {
                assertThat(OaiXml.error(page)).isEqualTo("noRecordsMatch");
                return headers;
            }
            NodeList found = page.getElementsByTagNameNS(OAI, "header");
            for (int i = 0; i < found.getLength(); i++) {
                Element h = (Element) found.item(i);
                String id = text(h, "identifier");
                assertThat(headers).as("each entry once").doesNotContainKey(id);
                List<String> entry = new ArrayList<>(List.of(h.getAttribute("status"), text(h, "datestamp")));
                NodeList sets = h.getElementsByTagNameNS(OAI, "setSpec");
                for (int s = 0; s < sets.getLength(); s++) {
                    entry.add(sets.item(s).getTextContent());
                }
                headers.put(id, entry);
            }
            NodeList tokens = page.getElementsByTagNameNS(OAI, "resumptionToken");
            if (tokens.getLength() == 0 || tokens.item(0).getTextContent().isEmpty()) {
                return headers;
            }
            page = ask("verb", verb, "resumptionToken", tokens.item(0).getTextContent());
        }
        throw new AssertionError("the harvest does not end");
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(OAI, name).item(0).getTextContent();
    }

    @Test
    void identifySaysDeletedRecordsArePersistent() throws Exception {
        Document doc = ask("verb", "Identify");
        assertThat(doc.getElementsByTagNameNS(OAI, "deletedRecord").item(0).getTextContent()).isEqualTo("persistent");
    }

    @Test
    void aFullHarvestGivesLiveRecordsAndDeletedHeadersOnceEachInOneStreamAcrossPages() throws Exception {
        for (String verb : List.of("ListIdentifiers", "ListRecords")) {
            for (String prefix : List.of("oai_dc", "marcxml")) {
                Map<String, List<String>> headers = harvest(verb, "metadataPrefix", prefix);
                // 13 public at first; the deleted and the withdrawn are now headers only; the never-public one never shows
                assertThat(headers).hasSize(13);
                assertThat(headers.get(oai(deleted))).startsWith("deleted").endsWith("type:league-document");
                assertThat(headers.get(oai(withdrawn))).containsExactly("deleted", SECONDS.format(withdrawn.updatedAt()), "type:league-document");
                assertThat(headers.get(oai(republished))).containsExactly("", SECONDS.format(republished.updatedAt()), "type:league-document");
                assertThat(headers).doesNotContainKey(oai(neverPublic));
                assertThat(headers.values().stream().filter(h -> h.get(0).equals("deleted"))).hasSize(2);
            }
        }
    }

    @Test
    void listRecordsGivesNoMetadataForADeletedEntry() throws Exception {
        Document page = ask("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "type:league-document");
        NodeList records = page.getElementsByTagNameNS(OAI, "record");
        int deletedSeen = 0;
        for (String token = null;;) {
            for (int i = 0; i < records.getLength(); i++) {
                Element record = (Element) records.item(i);
                Element header = (Element) record.getElementsByTagNameNS(OAI, "header").item(0);
                boolean isDeleted = header.getAttribute("status").equals("deleted");
                deletedSeen += isDeleted ? 1 : 0;
                assertThat(record.getElementsByTagNameNS(OAI, "metadata").getLength()).isEqualTo(isDeleted ? 0 : 1);
            }
            NodeList tokens = page.getElementsByTagNameNS(OAI, "resumptionToken");
            token = tokens.getLength() == 0 ? "" : tokens.item(0).getTextContent();
            if (token.isEmpty()) {
                break;
            }
            page = ask("verb", "ListRecords", "resumptionToken", token);
            records = page.getElementsByTagNameNS(OAI, "record");
        }
        assertThat(deletedSeen).isEqualTo(2);
    }

    @Test
    void getRecordOfADeletedOrWithdrawnRecordIsItsDeletedHeader() throws Exception {
        for (CatalogueRecord gone : List.of(deleted, withdrawn)) {
            Document doc = ask("verb", "GetRecord", "metadataPrefix", "marcxml", "identifier", oai(gone));
            assertThat(OaiXml.error(doc)).isNull();
            Element header = (Element) doc.getElementsByTagNameNS(OAI, "header").item(0);
            assertThat(header.getAttribute("status")).isEqualTo("deleted");
            assertThat(text(header, "identifier")).isEqualTo(oai(gone));
            assertThat(doc.getElementsByTagNameNS(OAI, "metadata").getLength()).isZero();
        }
        Document republishedDoc = ask("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", oai(republished));
        assertThat(((Element) republishedDoc.getElementsByTagNameNS(OAI, "header").item(0)).hasAttribute("status")).isFalse();
        assertThat(republishedDoc.getElementsByTagNameNS(OAI, "metadata").getLength()).isEqualTo(1);
        // a record harvesters never saw stays unknown to them, deleted or not
        assertThat(OaiXml.error(ask("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", oai(neverPublic)))).isEqualTo("idDoesNotExist");
        assertThat(OaiXml.error(ask("verb", "ListMetadataFormats", "identifier", oai(deleted)))).isNull();
    }

    @Test
    void fromAndUntilSelectDeletedHeadersByWhenTheRecordLeft() throws Exception {
        String left = harvest("ListIdentifiers", "metadataPrefix", "oai_dc").get(oai(withdrawn)).get(1);
        Map<String, List<String>> thatSecond = harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "from", left, "until", left);
        assertThat(thatSecond).containsKey(oai(withdrawn));
        String after = SECONDS.format(Instant.parse(left).plusSeconds(1));
        assertThat(harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "from", after)).doesNotContainKey(oai(withdrawn));
        String before = SECONDS.format(Instant.parse(left).minusSeconds(1));
        assertThat(harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "until", before)).doesNotContainKey(oai(withdrawn));
    }

    @Test
    void aHarvesterAskingFromItsLastHarvestSeesTheWithdrawalAndTheReturnToThePublic() throws Exception {
        Instant yesterday = Instant.now();
        String since = SECONDS.format(yesterday);
        CatalogueRecord nowWithdrawn = access(documents.get(0), "STAFF");
        CatalogueRecord backAgain = access(library.catalogue.get(withdrawn.id()).orElseThrow(), "PUBLIC");

        Map<String, List<String>> today = harvest("ListRecords", "metadataPrefix", "oai_dc", "from", since);

        assertThat(today.get(oai(nowWithdrawn))).containsExactly("deleted", SECONDS.format(nowWithdrawn.updatedAt()), "type:league-document");
        assertThat(today.get(oai(backAgain))).containsExactly("", SECONDS.format(backAgain.updatedAt()), "type:league-document");
    }

    @Test
    void aSetSelectsDeletedHeadersByTheSetTheRecordWasIn() throws Exception {
        assertThat(harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "type:league-document")).containsKeys(oai(deleted), oai(withdrawn))
                .hasSize(12);
        assertThat(library.catalogue.delete(book, "chief", "10.0.0.9")).isTrue();
        assertThat(harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "type:book")).containsOnlyKeys(oai(book));
        assertThat(harvest("ListIdentifiers", "metadataPrefix", "oai_dc", "set", "type:book").get(oai(book))).startsWith("deleted");
    }
}
