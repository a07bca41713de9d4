package org.diwan.library.internal.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diwan.library.internal.exchange.MarcRecords;
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

/** The OAI-PMH data provider on a real Derby: verbs, errors, a full harvest through resumption tokens. */
class OaiProviderTest {

    private static final String OAI = OaiProvider.OAI;
    private static final String BASE = "https://library.example/public/library/oai";

    @TempDir
    Path folder;
    private LibraryFixture library;
    private OaiProvider provider;
    private final List<String> publicIds = new ArrayList<>();
    private final List<String> hiddenIds = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        provider = provider(library);
        Authority council = library.authority("BODY", "مجلس جامعة الدول العربية", "Council of the League of Arab States", null);
        for (int i = 0; i < 25; i++) {
            publicIds.add(record("قرار رقم " + i, "PUBLIC", council).id());
        }
        for (String access : List.of("STAFF", "RESTRICTED", "STAFF")) {
            hiddenIds.add(record("وثيقة داخلية", access, council).id());
        }
    }

    static OaiProvider provider(LibraryFixture library) {
        return new OaiProvider(library.recordStore, library.authorityStore, new MarcRecords(library.dataSource), new OaiProvider.Repository("مكتبة جامعة الدول العربية",
                "library@las.example", "diwan.library"), new OaiTokenKey(library.dataSource, Clock.systemUTC()), Clock.systemUTC(), 7);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private CatalogueRecord record(String title, String access, Authority body) throws Exception {
        Map<String, String> f = new HashMap<>(Map.of("type", "LEAGUE_DOCUMENT", "titleAr", title, "language", "ar", "access", access,
                "body", body.id(), "issuedOn", "2003-03-24"));
        return library.record(f);
    }

    private Document ask(String... pairs) throws Exception {
        return ask(provider, pairs);
    }

    static Document ask(OaiProvider provider, String... pairs) throws Exception {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return OaiXml.parse(provider.answer(params, BASE));
    }

    static String error(Document doc) {
        return OaiXml.error(doc);
    }

    private static List<String> texts(Document doc, String namespace, String name) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS(namespace, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void identifyDescribesTheRepository() throws Exception {
        Document doc = ask("verb", "Identify");
        assertThat(error(doc)).isNull();
        assertThat(texts(doc, OAI, "baseURL")).containsExactly(BASE);
        assertThat(texts(doc, OAI, "protocolVersion")).containsExactly("2.0");
        assertThat(texts(doc, OAI, "deletedRecord")).containsExactly("persistent");
        assertThat(texts(doc, OAI, "granularity")).containsExactly("YYYY-MM-DDThh:mm:ssZ");
        assertThat(texts(doc, OAI, "earliestDatestamp").get(0)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(((Element) doc.getElementsByTagNameNS(OAI, "request").item(0)).getAttribute("verb")).isEqualTo("Identify");
    }

    @Test
    void aFullHarvestThroughResumptionTokensGivesEveryPublicRecordExactlyOnceAndNothingElse() throws Exception {
        for (String prefix : List.of("oai_dc", "marcxml")) {
            List<String> harvested = new ArrayList<>();
            Document page = ask("verb", "ListRecords", "metadataPrefix", prefix);
            int pages = 1;
            while (true) {
                assertThat(error(page)).isNull();
                for (String identifier : texts(page, OAI, "identifier")) {
                    harvested.add(identifier.substring("oai:diwan.library:".length()));
                }
                List<String> tokens = texts(page, OAI, "resumptionToken");
                if (tokens.isEmpty() || tokens.get(0).isEmpty()) {
                    break;
                }
                page = ask("verb", "ListRecords", "resumptionToken", tokens.get(0));
                pages++;
            }
            assertThat(pages).isEqualTo(4);
            assertThat(harvested).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(publicIds).doesNotContainAnyElementsOf(hiddenIds);
        }
        Set<String> identifiers = new HashSet<>();
        Document page = ask("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "type:league-document");
        identifiers.addAll(texts(page, OAI, "identifier"));
        assertThat(identifiers).hasSize(7);
        assertThat(page.getElementsByTagNameNS(OAI, "metadata").getLength()).isZero();
    }

    @Test
    void recordsCarryDublinCoreAndMarcxmlInTheirNamespaces() throws Exception {
        String identifier = "oai:diwan.library:" + publicIds.get(3);
        Document dc = ask("verb", "GetRecord", "identifier", identifier, "metadataPrefix", "oai_dc");
        assertThat(texts(dc, "http://purl.org/dc/elements/1.1/", "title")).containsExactly("قرار رقم 3");
        assertThat(texts(dc, "http://purl.org/dc/elements/1.1/", "creator")).contains("مجلس جامعة الدول العربية", "Council of the League of Arab States");
        Document marc = ask("verb", "GetRecord", "identifier", identifier, "metadataPrefix", "marcxml");
        assertThat(texts(marc, "http://www.loc.gov/MARC21/slim", "subfield")).contains("قرار رقم 3");
        Document formats = ask("verb", "ListMetadataFormats");
        assertThat(texts(formats, OAI, "metadataPrefix")).containsExactly("oai_dc", "marcxml");
        assertThat(texts(ask("verb", "ListSets"), OAI, "setSpec")).contains("type:league-document", "type:book");
    }

    @Test
    void untilIncludesItsWholeSecondOrDayAsTheDatestampsShowThem() throws Exception {
        String atTen = publicIds.get(3);
        String lateInTheDay = publicIds.get(4);
        changedAt(atTen, "2026-11-20T10:00:00.456Z");
        changedAt(lateInTheDay, "2026-11-21T23:59:59.500Z");

        Document sameSecond = ask("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", "2026-11-20T10:00:00Z", "until", "2026-11-20T10:00:00Z");
        assertThat(texts(sameSecond, OAI, "identifier")).containsExactly("oai:diwan.library:" + atTen);
        assertThat(texts(sameSecond, OAI, "datestamp")).containsExactly("2026-11-20T10:00:00Z");
        assertThat(error(ask("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", "2026-11-20T00:00:00Z", "until", "2026-11-20T09:59:59Z")))
                .isEqualTo("noRecordsMatch");
        assertThat(texts(ask("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", "2026-11-21", "until", "2026-11-21"), OAI, "identifier"))
                .containsExactly("oai:diwan.library:" + lateInTheDay);
        assertThat(error(ask("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", "2026-11-20T10:00:01Z", "until", "2026-11-20T10:00:00Z")))
                .as("from after until").isEqualTo("badArgument");
    }

    private void changedAt(String id, String instant) throws Exception {
        try (java.sql.Connection c = library.dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("UPDATE catalogue_record SET updated_at = ? WHERE id = ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.parse(instant)));
            s.setString(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void everyErrorConditionAnswersWithItsCode() throws Exception {
        assertThat(error(ask())).isEqualTo("badVerb");
        assertThat(error(ask("verb", "Harvest"))).isEqualTo("badVerb");
        assertThat(error(ask("verb", "Identify", "verb", "Identify"))).isEqualTo("badVerb");
        assertThat(error(ask("verb", "ListRecords"))).isEqualTo("badArgument");
        assertThat(error(ask("verb", "Identify", "metadataPrefix", "oai_dc"))).isEqualTo("badArgument");
        assertThat(error(ask("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2003-13-45"))).isEqualTo("badArgument");
        assertThat(error(ask("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2003-01-01", "until", "2003-01-01T00:00:00Z")))
                .isEqualTo("badArgument");
        assertThat(error(ask("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2010-01-01", "until", "2009-01-01"))).isEqualTo("badArgument");
        assertThat(error(ask("verb", "ListRecords", "resumptionToken", "x", "metadataPrefix", "oai_dc"))).isEqualTo("badArgument");
        assertThat(error(ask("verb", "ListRecords", "metadataPrefix", "mods"))).isEqualTo("cannotDisseminateFormat");
        assertThat(error(ask("verb", "ListRecords", "resumptionToken", "not-a-token"))).isEqualTo("badResumptionToken");
        assertThat(error(ask("verb", "GetRecord", "identifier", "oai:diwan.library:" + hiddenIds.get(0), "metadataPrefix", "oai_dc")))
                .isEqualTo("idDoesNotExist");
        assertThat(error(ask("verb", "GetRecord", "identifier", "nonsense", "metadataPrefix", "oai_dc"))).isEqualTo("idDoesNotExist");
        assertThat(error(ask("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2999-01-01"))).isEqualTo("noRecordsMatch");
        assertThat(error(ask("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "type:nothing"))).isEqualTo("badArgument");
        // with badVerb and badArgument the request element carries no attributes
        assertThat(((Element) ask("verb", "Harvest").getElementsByTagNameNS(OAI, "request").item(0)).hasAttributes()).isFalse();
    }
}
