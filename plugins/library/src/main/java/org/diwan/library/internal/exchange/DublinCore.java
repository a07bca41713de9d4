package org.diwan.library.internal.exchange;

import java.io.Writer;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.catalogue.AuthorityLink;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.OtherTitle;
import org.diwan.library.internal.catalogue.Scripts;

/**
 * A description as simple Dublin Core ({@code oai_dc:dc}), the format every harvester reads: titles with their
 * language ({@code xml:lang}), creators and issuing bodies, subjects, countries as coverage, date, type,
 * language, identifiers, summary, publisher. Names are given in every language the authority has.
 */
public final class DublinCore {

    public static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    private DublinCore() {
    }

    /** Writes a whole document: the {@code oai_dc:dc} element alone. */
    public static void document(CatalogueRecord record, Map<String, Authority> authorities, String identifier, Writer out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        write(xml, record, authorities, identifier);
        xml.writeEndDocument();
        xml.close();
    }

    /** Writes the {@code oai_dc:dc} element into an open document (an OAI-PMH response's metadata). */
    public static void write(XMLStreamWriter xml, CatalogueRecord r, Map<String, Authority> authorities, String identifier) throws XMLStreamException {
        xml.writeStartElement("oai_dc", "dc", OAI_DC);
        xml.writeNamespace("oai_dc", OAI_DC);
        xml.writeNamespace("dc", DC);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute("xsi", XSI, "schemaLocation", SCHEMA);
        element(xml, "title", r.title().ar(), "ar");
        element(xml, "title", r.title().en(), "en");
        element(xml, "title", r.title().fr(), "fr");
        for (OtherTitle other : r.title().others()) {
            element(xml, "title", other.text(), other.language());
        }
        for (AuthorityLink link : r.links()) {
            Authority a = authorities.get(link.authorityId());
            if (a == null) {
                continue;
            }
            String dc = switch (link.role()) {
                case AUTHOR, BODY -> "creator";
                case SUBJECT -> "subject";
                case COUNTRY -> "coverage";
            };
            // an Arabic heading made from a romanized import is in Latin letters: no language is better than a wrong one
            element(xml, dc, a.name().ar(), Scripts.of(a.name().ar()) == Character.UnicodeScript.LATIN ? null : "ar");
            element(xml, dc, a.name().en(), "en");
            element(xml, dc, a.name().fr(), "fr");
        }
        element(xml, "description", r.summary(), null);
        element(xml, "publisher", r.publisher(), null);
        element(xml, "date", r.issuedOn() != null ? r.issuedOn().toString() : r.year() == null ? null : r.year().toString(), null);
        element(xml, "type", r.type().bibliographic() ? "Text" : switch (r.type()) {
            case PHOTOGRAPH -> "StillImage";
            case FILM -> "MovingImage";
            case TAPE -> "Sound";
            default -> "Text";
        }, null);
        element(xml, "type", r.type().slug(), null);
        element(xml, "language", r.language() == null ? null : r.language().toLowerCase(Locale.ROOT), null);
        element(xml, "identifier", identifier, null);
        element(xml, "identifier", r.symbol(), null);
        element(xml, "identifier", r.identifier(), null);
        element(xml, "relation", r.session(), null);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String value, String language) throws XMLStreamException {
        if (value == null || value.isBlank()) {
            return;
        }
        xml.writeStartElement("dc", name, DC);
        if (language != null) {
            xml.writeAttribute("xml", XML, "lang", language);
        }
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
