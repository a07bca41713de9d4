package org.diwan.library.internal.exchange;

import java.io.ByteArrayInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks an XML file from outside before any other parser sees it: well-formed, and without a document type
 * declaration. With no DTD there can be no entity: no external entity reads a file or a URL (XXE), no nested
 * entities expand to gigabytes ("billion laughs"). MARCXML, Dublin Core and OAI-PMH never need one.
 */
final class SafeXml {

    private SafeXml() {
    }

    /** @throws ExchangeRefused with the reason and where, when the file is not acceptable */
    static void check(byte[] xml) throws ExchangeRefused {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new ExchangeRefused("library.exchange.doctype", reader.getLocation().getLineNumber());
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ExchangeRefused("library.exchange.doctype", reader.getLocation().getLineNumber());
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE") || message.contains("DTD")) {
                throw new ExchangeRefused("library.exchange.doctype", line);
            }
            throw new ExchangeRefused("library.exchange.malformed", line, message.replaceAll("\\s+", " "));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held open: the content is in memory
                }
            }
        }
    }
}
