package org.diwan.library.internal.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.diwan.library.internal.exchange.MarcRecords;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The endpoint's HTTP side: the arguments read from the query string or a form body, a body too large refused
 * by its declared length before it is read (or cut at the limit when chunked), anything else than a form refused,
 * and a fault of the node answered by a 500 that is still a complete document.
 */
class OaiEndpointTest {

    private static final String BASE = "https://library.example/public/library/oai";
    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    Path folder;
    private LibraryFixture library;
    private OaiEndpoint endpoint;

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        endpoint = new OaiEndpoint(OaiProviderTest.provider(library));
        for (int i = 0; i < 3; i++) {
            library.record(new HashMap<>(Map.of("type", "BOOK", "titleAr", "كتاب " + i, "language", "ar", "access", "PUBLIC")));
        }
    }

    @AfterEach
    void close() {
        library.close();
    }

    private static InputStream body(String form) {
        return new ByteArrayInputStream(form.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String code(OaiEndpoint.Reply reply) throws Exception {
        return OaiXml.error(OaiXml.parse(reply.body()));
    }

    /** A body the endpoint must not read. */
    private static final InputStream UNTOUCHABLE = new InputStream() {
        @Override
        public int read() throws IOException {
            throw new AssertionError("the body was read");
        }
    };

    @Test
    void aFormPostIsAnsweredLikeAGet() throws Exception {
        OaiEndpoint.Reply get = endpoint.get("verb=ListIdentifiers&metadataPrefix=oai_dc", BASE);
        OaiEndpoint.Reply post = endpoint.post(null, FORM + "; charset=UTF-8", 40, body("verb=ListIdentifiers&metadataPrefix=oai_dc"), BASE);
        assertThat(get.status()).isEqualTo(200);
        assertThat(post.status()).isEqualTo(200);
        assertThat(code(get)).isNull();
        assertThat(code(post)).isNull();
        Document doc = OaiXml.parse(post.body());
        assertThat(doc.getElementsByTagNameNS(OaiProvider.OAI, "identifier").getLength()).isEqualTo(3);
        assertThat(OaiXml.request(doc).getAttribute("metadataPrefix")).isEqualTo("oai_dc");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        OaiEndpoint.Reply reply = endpoint.post(null, FORM, 200 * 1024, UNTOUCHABLE, BASE);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.close()).isTrue();
        assertThat(code(reply)).isEqualTo("badArgument");
    }

    @Test
    void aChunkedBodyIsReadNoFurtherThanTheLimit() throws Exception {
        byte[] huge = ("verb=Identify&x=" + "a".repeat(10 * OaiEndpoint.MAX_BODY)).getBytes(StandardCharsets.US_ASCII);
        ByteArrayInputStream in = new ByteArrayInputStream(huge);
        OaiEndpoint.Reply reply = endpoint.post(null, FORM, -1, in, BASE);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(code(reply)).isEqualTo("badArgument");
        assertThat(huge.length - in.available()).isEqualTo(OaiEndpoint.MAX_BODY + 1);
        // at the limit exactly, the body is read and answered
        String atLimit = "verb=Identify&x=" + "a".repeat(OaiEndpoint.MAX_BODY - "verb=Identify&x=".length());
        OaiEndpoint.Reply read = endpoint.post(null, FORM, -1, body(atLimit), BASE);
        assertThat(read.status()).isEqualTo(200);
        assertThat(code(read)).isEqualTo("badArgument");
    }

    @Test
    void aPostThatIsNotAFormIsRefusedWith415() throws Exception {
        for (String type : new String[] {null, "", "text/plain", "application/json", "multipart/form-data; boundary=x", "application/xml",
                "application/x-www-form-urlencodedX"}) {
            OaiEndpoint.Reply reply = endpoint.post("verb=Identify", type, 13, UNTOUCHABLE, BASE);
            assertThat(reply.status()).as(type).isEqualTo(415);
            assertThat(code(reply)).as(type).isEqualTo("badArgument");
        }
    }

    @Test
    void otherMethodsAreRefusedWith405() throws Exception {
        OaiEndpoint.Reply reply = endpoint.otherMethod(BASE);
        assertThat(reply.status()).isEqualTo(405);
        assertThat(code(reply)).isEqualTo("badArgument");
    }

    @Test
    void brokenEncodingsAreBadArgumentsNotReplacementCharacters() throws Exception {
        for (String query : new String[] {"verb=Identify&x=%zz", "verb=Identify%", "verb=Ident%C3%28ify", "verb=%ED%A0%80", "verb=%C0%80",
                "verb=%F4%90%80%80", "verb=Identify&a=%4"}) {
            OaiEndpoint.Reply get = endpoint.get(query, BASE);
            assertThat(get.status()).as(query).isEqualTo(200);
            assertThat(code(get)).as(query).isEqualTo("badArgument");
            OaiEndpoint.Reply post = endpoint.post(null, FORM, query.length(), body(query), BASE);
            assertThat(code(post)).as(query).isEqualTo("badArgument");
        }
        assertThat(code(endpoint.get("verb=Identify&&", BASE))).isNull();
        assertThat(code(endpoint.get("verb=%00", BASE))).isEqualTo("badVerb");
        assertThat(code(endpoint.get("verb=ListRecords&metadataPrefix=oai%00_dc", BASE))).isEqualTo("badArgument");
        assertThat(code(endpoint.get("verb=ListRecords&metadataPrefix=%EF%BF%BE", BASE))).isEqualTo("badArgument");
        assertThat(code(endpoint.get("verb=ListRecords&metadataPrefix=%D9%82+%E2%80%AE", BASE))).isEqualTo("cannotDisseminateFormat");
        assertThat(code(endpoint.get(null, BASE))).isEqualTo("badVerb");
    }

    @Test
    void argumentsRepeatedAcrossTheQueryStringAndTheBodyAreRefused() throws Exception {
        OaiEndpoint.Reply reply = endpoint.post("verb=Identify", FORM, 13, body("verb=Identify"), BASE);
        assertThat(code(reply)).isEqualTo("badVerb");
        OaiEndpoint.Reply prefix = endpoint.post("verb=ListRecords&metadataPrefix=oai_dc", FORM, 20, body("metadataPrefix=oai_dc"), BASE);
        assertThat(code(prefix)).isEqualTo("badArgument");
    }

    @Test
    void aFaultOfTheNodeIsA500WithACompleteDocument() throws Exception {
        DataSource broken = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            throw new SQLException("the database is gone");
        });
        OaiEndpoint failing = new OaiEndpoint(new OaiProvider(new CatalogueStore(broken, Clock.systemUTC()), new AuthorityStore(broken, Clock.systemUTC()),
                new MarcRecords(broken), new OaiProvider.Repository("r", "a@b.example", "diwan.library"), new OaiTokenKey(broken, Clock.systemUTC()), Clock.systemUTC(), 10));
        for (String query : new String[] {"verb=Identify", "verb=ListRecords&metadataPrefix=oai_dc", "verb=ListRecords&resumptionToken=AAAA." + "A".repeat(43)}) {
            OaiEndpoint.Reply reply = failing.get(query, BASE);
            assertThat(reply.status()).as(query).isEqualTo(500);
            Document doc = OaiXml.wellFormed(reply.body());
            assertThat(OaiXml.error(doc)).isNull();
            assertThat(OaiXml.request(doc).hasAttributes()).isFalse();
        }
    }
}
