package org.diwan.library.internal.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads an answer as a harvester would: a real, secure XML parser, which refuses anything not well formed, and the
 * structure the OAI-PMH schema requires ({@link OaiSchema}).
 */
final class OaiXml {

    private OaiXml() {
    }

    static Document parse(String answer) throws Exception {
        return parse(answer.getBytes(StandardCharsets.UTF_8));
    }

    static Document parse(byte[] answer) throws Exception {
        Document doc = wellFormed(answer);
        OaiSchema.check(doc);
        return doc;
    }

    /** A 500's body: a complete OAI-PMH document, but one the protocol has no answer for (no verb, no error code). */
    static Document wellFormed(byte[] answer) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(OaiProvider.OAI);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("OAI-PMH");
        return doc;
    }

    /** The error code, or null; with badVerb and badArgument, checks that the request element echoes nothing. */
    static String error(Document doc) {
        NodeList errors = doc.getElementsByTagNameNS(OaiProvider.OAI, "error");
        String code = errors.getLength() == 0 ? null : ((Element) errors.item(0)).getAttribute("code");
        if ("badVerb".equals(code) || "badArgument".equals(code)) {
            assertThat(request(doc).hasAttributes()).as("request element of a " + code).isFalse();
        }
        return code;
    }

    static Element request(Document doc) {
        return (Element) doc.getElementsByTagNameNS(OaiProvider.OAI, "request").item(0);
    }
}
