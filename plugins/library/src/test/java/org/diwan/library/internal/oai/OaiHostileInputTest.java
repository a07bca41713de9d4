package org.diwan.library.internal.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The provider against a hostile harvester: forged and altered resumption tokens, dates out of range, characters
 * XML cannot carry, repeated and unknown arguments. Every answer is parsed by a real XML parser.
 */
class OaiHostileInputTest {

    private static final String[] UNSAFE = {"\u0000", "\u0007", "\u001B[2J", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "a\uD83Db", "\u0085", "x\ty"};

    @TempDir
    Path folder;
    private LibraryFixture library;
    private OaiProvider provider;
    private final List<String> publicIds = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        provider = OaiProviderTest.provider(library);
        for (int i = 0; i < 10; i++) {
            Map<String, String> f = new HashMap<>(Map.of("type", "BOOK", "titleAr", "كتاب " + i, "language", "ar", "access", "PUBLIC"));
            publicIds.add(library.record(f).id());
        }
    }

    @AfterEach
    void close() {
        library.close();
    }

    private Document ask(String... pairs) throws Exception {
        return OaiProviderTest.ask(provider, pairs);
    }

    private String code(String... pairs) throws Exception {
        return OaiXml.error(ask(pairs));
    }

    private String firstToken() throws Exception {
        Document page = ask("verb", "ListIdentifiers", "metadataPrefix", "oai_dc");
        String token = page.getElementsByTagNameNS(OaiProvider.OAI, "resumptionToken").item(0).getTextContent();
        assertThat(token).isNotEmpty();
        return token;
    }

    private static String unsigned(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aForgedTokenWithUntilAtLongMaxIsABadResumptionTokenNotAFault() throws Exception {
        // the shape of the tokens this provider issued before they were signed
        assertThat(code("verb", "ListRecords", "resumptionToken", unsigned("1|oai_dc|||" + Long.MAX_VALUE + "|-|0")))
                .isEqualTo("badResumptionToken");
        assertThat(code("verb", "ListRecords", "resumptionToken", unsigned("2|oai_dc|||" + Long.MAX_VALUE + "|-|0")))
                .isEqualTo("badResumptionToken");
        assertThat(code("verb", "ListIdentifiers", "resumptionToken", unsigned("1|oai_dc||-5|" + Long.MIN_VALUE + "|-|-1")))
                .isEqualTo("badResumptionToken");
    }

    @Test
    void anAlteredTruncatedOrGarbageTokenIsRefused() throws Exception {
        String token = firstToken();
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        String moved = unsigned(payload.replaceFirst("\\|(\\d+)$", "|0")) + token.substring(dot);
        List<String> bad = List.of(moved, token.substring(0, token.length() - 1), token.substring(0, dot), token + "A", "." + token.substring(dot + 1),
                token.substring(0, 4) + (token.charAt(4) == 'x' ? 'y' : 'x') + token.substring(5), "!!!!", "%%%.%%%", "", "A".repeat(500),
                "====.====", token.replace('.', ','));
        for (String t : bad) {
            assertThat(code("verb", "ListRecords", "resumptionToken", t)).as(t).isEqualTo("badResumptionToken");
        }
        // the genuine one still works, for either list verb
        assertThat(code("verb", "ListRecords", "resumptionToken", token)).isNull();
        assertThat(code("verb", "ListSets", "resumptionToken", token)).isEqualTo("badResumptionToken");
    }

    @Test
    void aTokenSignedByAnotherNodeIsRefusedAndOneFromThisNodeSurvivesARestart() throws Exception {
        String token = firstToken();
        try (LibraryFixture other = new LibraryFixture(folder.resolve("other"))) {
            assertThat(OaiXml.error(OaiProviderTest.ask(OaiProviderTest.provider(other), "verb", "ListRecords", "resumptionToken", token)))
                    .isEqualTo("badResumptionToken");
        }
        OaiProvider restarted = OaiProviderTest.provider(library);
        assertThat(OaiXml.error(OaiProviderTest.ask(restarted, "verb", "ListRecords", "resumptionToken", token))).isNull();
    }

    @Test
    void aSignedTokenIsStillCheckedFieldByField() throws Exception {
        OaiTokens tokens = new OaiTokens(new OaiTokenKey(library.dataSource, Clock.systemUTC()));
        Instant now = Instant.now();
        List<OaiToken> wrong = List.of(
                new OaiToken("mods", null, null, now, OaiToken.FIRST, 0),
                new OaiToken("oai_dc", "type:nothing", null, now, OaiToken.FIRST, 0),
                new OaiToken("oai_dc", null, null, Instant.ofEpochMilli(Long.MAX_VALUE), OaiToken.FIRST, 0),
                new OaiToken("oai_dc", null, Instant.parse("-0001-01-01T00:00:00Z"), now, OaiToken.FIRST, 0),
                new OaiToken("oai_dc", null, now, now.minusSeconds(60), OaiToken.FIRST, 0),
                new OaiToken("oai_dc", null, null, now, "' OR 1=1 --", 0),
                new OaiToken("oai_dc", null, null, now, OaiToken.FIRST, -1),
                new OaiToken("oai_dc", null, null, now, OaiToken.FIRST, Integer.MAX_VALUE));
        for (OaiToken t : wrong) {
            assertThat(code("verb", "ListRecords", "resumptionToken", tokens.issue(t))).as(t.toString()).isEqualTo("badResumptionToken");
        }
    }

    @Test
    void datesOutOfRangeOrMalformedAreBadArguments() throws Exception {
        for (String date : List.of("0000-01-01", "0000-12-31T23:59:59Z", "+292278994-08-17", "-0001-01-01", "10000-01-01", "2003-02-29",
                "2003-13-01", "2003-01-32", "2003-01-01T24:00:00Z", "2003-01-01T23:59:60Z", "2003-01-01T23:61:00Z", "2003-01-01T00:00:00", "2003-01-01T00:00:00+01:00",
                "2003-1-1", "٢٠٠٣-٠١-٠١", "", " 2003-01-01", "9223372036854775807")) {
            assertThat(code("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", date)).as("from " + date).isEqualTo("badArgument");
            assertThat(code("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "until", date)).as("until " + date).isEqualTo("badArgument");
        }
        // the whole range the database holds is accepted
        assertThat(code("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", "0001-01-01", "until", "9999-12-31")).isNull();
        assertThat(code("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", "0001-01-01T00:00:00Z", "until", "9999-12-31T23:59:59Z"))
                .isNull();
        assertThat(code("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", "9999-12-31")).isEqualTo("noRecordsMatch");
    }

    @Test
    void controlCharactersNoncharactersAndLoneSurrogatesNeverReachTheAnswer() throws Exception {
        String id = "oai:diwan.library:" + publicIds.get(0);
        for (String bad : UNSAFE) {
            String what = "U+" + Integer.toHexString(bad.codePointAt(0));
            assertThat(code("verb", "Identify" + bad)).as(what).isEqualTo("badVerb");
            assertThat(code("verb", bad)).as(what).isEqualTo("badVerb");
            assertThat(code("verb", "GetRecord", "metadataPrefix", "oai_dc" + bad, "identifier", id)).as(what).isEqualTo("badArgument");
            assertThat(code("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", id + bad)).as(what).isEqualTo("badArgument");
            assertThat(code("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "type:book" + bad)).as(what).isEqualTo("badArgument");
            assertThat(code("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2003-01-01" + bad)).as(what).isEqualTo("badArgument");
            assertThat(code("verb", "ListRecords", "resumptionToken", bad)).as(what).isEqualTo("badArgument");
            assertThat(code("verb", "ListMetadataFormats", "identifier", bad)).as(what).isEqualTo("badArgument");
            assertThat(code("verb", "Identify", bad, "1")).as(what).isEqualTo("badArgument");
            assertThat(code("verb", "Identify", "x" + bad + "y", bad)).as(what).isEqualTo("badArgument");
        }
    }

    @Test
    void errorMessagesShowARefusedValueEscapedAndCutShort() throws Exception {
        Document doc = ask("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "type:\u202Eevil" + "x".repeat(900));
        String message = doc.getElementsByTagNameNS(OaiProvider.OAI, "error").item(0).getTextContent();
        assertThat(message).contains("\u202Eevilxxx").endsWith("…").hasSizeLessThan(200);
        Document unknown = ask("verb", "Identify", "\u0000\u001B", "1");
        assertThat(unknown.getElementsByTagNameNS(OaiProvider.OAI, "error").item(0).getTextContent()).contains("\\u0000\\u001B");
        Document verb = ask("verb", "Ident\uD800ify");
        assertThat(verb.getElementsByTagNameNS(OaiProvider.OAI, "error").item(0).getTextContent()).contains("Ident\\uD800ify");
    }

    @Test
    void validArgumentsAreEchoedAndArabicOrBidiTextIsKeptAsItIs() throws Exception {
        String identifier = "oai:diwan.library:\u202Eقرار";
        Document doc = ask("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", identifier);
        assertThat(OaiXml.error(doc)).isEqualTo("idDoesNotExist");
        assertThat(OaiXml.request(doc).getAttribute("identifier")).isEqualTo(identifier);
        assertThat(OaiXml.request(doc).getAttribute("verb")).isEqualTo("GetRecord");
        Document format = ask("verb", "ListRecords", "metadataPrefix", "<mods a=\"&\">");
        assertThat(OaiXml.error(format)).isEqualTo("cannotDisseminateFormat");
        assertThat(OaiXml.request(format).getAttribute("metadataPrefix")).isEqualTo("<mods a=\"&\">");
    }

    @Test
    void repeatedUnknownAndOverlongArgumentsAreBadArguments() throws Exception {
        assertThat(code("verb", "ListRecords", "verb", "ListRecords", "metadataPrefix", "oai_dc")).isEqualTo("badVerb");
        assertThat(code("verb", "ListRecords", "metadataPrefix", "oai_dc", "metadataPrefix", "oai_dc")).isEqualTo("badArgument");
        assertThat(code("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "type:book", "set", "type:film")).isEqualTo("badArgument");
        assertThat(code("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", "a", "identifier", "b")).isEqualTo("badArgument");
        assertThat(code("verb", "ListSets", "resumptionToken", "a", "resumptionToken", "a")).isEqualTo("badArgument");
        assertThat(code("verb", "ListRecords", "metadataPrefix", "oai_dc", "harvest", "all")).isEqualTo("badArgument");
        assertThat(code("verb", "Identify", "identifier", "x")).isEqualTo("badArgument");
        assertThat(code("verb", "ListSets", "set", "type:book")).isEqualTo("badArgument");
        assertThat(code("verb", "ListRecords", "metadataPrefix", "oai_dc", "", "")).isEqualTo("badArgument");
        assertThat(code("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", "oai:diwan.library:" + "a".repeat(OaiProvider.MAX_ARGUMENT)))
                .isEqualTo("badArgument");
        assertThat(code("verb", "ListRecords", "resumptionToken", "A".repeat(100_000))).isEqualTo("badArgument");
    }

    @Test
    void aStoredRecordWithControlCharactersStillGivesAWellFormedAnswer() throws Exception {
        CatalogueRecord record = library.recordStore.get(publicIds.get(0)).orElseThrow();
        try (Connection c = library.dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE catalogue_record SET title_ar = ?, summary = ? WHERE id = ?")) {
            s.setString(1, "عنوان\u0000\u0001\uFFFE\uD800");
            s.setString(2, "ملخص\u001B[31m");
            s.setString(3, record.id());
            s.executeUpdate();
        }
        for (String prefix : List.of("oai_dc", "marcxml")) {
            Document doc = ask("verb", "GetRecord", "metadataPrefix", prefix, "identifier", "oai:diwan.library:" + record.id());
            assertThat(OaiXml.error(doc)).isNull();
            assertThat(doc.getDocumentElement().getTextContent()).as(prefix).contains("عنوان\uFFFD\uFFFD\uFFFD\uFFFD");
            assertThat(OaiXml.error(ask("verb", "ListRecords", "metadataPrefix", prefix))).isNull();
        }
    }
}
