package org.diwan.library.internal.exchange;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/** Writes one MARC record ({@link MarcRecords}) as a MARCXML {@code record} element into an open document (an OAI-PMH response). */
public final class MarcXmlRecords {

    public static final String NAMESPACE = "http://www.loc.gov/MARC21/slim";
    private static final String SCHEMA = NAMESPACE + " http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd";

    private MarcXmlRecords() {
    }

    public static void write(XMLStreamWriter xml, Record marc) throws XMLStreamException {
        xml.writeStartElement("marc", "record", NAMESPACE);
        xml.writeNamespace("marc", NAMESPACE);
        xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", SCHEMA);
        xml.writeStartElement("marc", "leader", NAMESPACE);
        xml.writeCharacters(marc.getLeader().marshal());
        xml.writeEndElement();
        for (ControlField field : marc.getControlFields()) {
            xml.writeStartElement("marc", "controlfield", NAMESPACE);
            xml.writeAttribute("tag", field.getTag());
            xml.writeCharacters(field.getData());
            xml.writeEndElement();
        }
        for (DataField field : marc.getDataFields()) {
            xml.writeStartElement("marc", "datafield", NAMESPACE);
            xml.writeAttribute("tag", field.getTag());
            xml.writeAttribute("ind1", String.valueOf(field.getIndicator1()));
            xml.writeAttribute("ind2", String.valueOf(field.getIndicator2()));
            for (Subfield subfield : field.getSubfields()) {
                xml.writeStartElement("marc", "subfield", NAMESPACE);
                xml.writeAttribute("code", String.valueOf(subfield.getCode()));
                xml.writeCharacters(subfield.getData());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
