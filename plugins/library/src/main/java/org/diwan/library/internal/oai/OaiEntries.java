package org.diwan.library.internal.oai;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.Harvested;
import org.diwan.library.internal.catalogue.Tombstone;
import org.diwan.library.internal.exchange.DublinCore;
import org.diwan.library.internal.exchange.MarcRecords;
import org.diwan.library.internal.exchange.MarcXmlRecords;
import org.marc4j.marc.Record;

/**
 * The entries of a GetRecord, ListIdentifiers or ListRecords answer: a header each (a deleted record's carries
 * {@code status="deleted"} and nothing else), and for records the metadata in the format asked. What a page names
 * (authorities, imported records' sources) is read once for the page.
 */
final class OaiEntries {

    private final AuthorityStore authorities;
    private final MarcRecords marc;
    private final String namespace;

    OaiEntries(AuthorityStore authorities, MarcRecords marc, String namespace) {
        this.authorities = authorities;
        this.marc = marc;
        this.namespace = namespace;
    }

    /** @param full records with their metadata (GetRecord, ListRecords), or headers alone (ListIdentifiers) */
    void write(XMLStreamWriter xml, List<Harvested> shown, String prefix, boolean full) throws XMLStreamException, SQLException {
        Map<String, Authority> names = full ? names(shown) : Map.of();
        Map<String, Record> marcs = full && !prefix.equals("oai_dc")
                ? marc.of(shown.stream().filter(h -> !h.deleted()).map(Harvested::record).toList(), names) : Map.of();
        for (Harvested entry : shown) {
            write(xml, entry, prefix, names, marcs, full);
        }
    }

    private void write(XMLStreamWriter xml, Harvested entry, String prefix, Map<String, Authority> names, Map<String, Record> marcs,
            boolean full) throws XMLStreamException {
        if (full) {
            xml.writeStartElement("record");
        }
        xml.writeStartElement("header");
        if (entry.deleted()) {
            xml.writeAttribute("status", "deleted");
        }
        OaiProvider.text(xml, "identifier", "oai:" + namespace + ":" + entry.id());
        Tombstone gone = entry.tombstone();
        OaiProvider.text(xml, "datestamp", OaiProvider.SECONDS.format(gone != null ? gone.removedAt() : entry.record().updatedAt()));
        OaiProvider.text(xml, "setSpec", "type:" + (gone != null ? gone.type() : entry.record().type()).slug());
        xml.writeEndElement();
        if (full && gone != null) {
            // a deleted record's entry is its header alone: the protocol forbids metadata with status="deleted"
            xml.writeEndElement();
        } else if (full) {
            CatalogueRecord r = entry.record();
            xml.writeStartElement("metadata");
            if (prefix.equals("oai_dc")) {
                DublinCore.write(xml, r, names, "oai:" + namespace + ":" + r.id());
            } else {
                MarcXmlRecords.write(xml, marcs.get(r.id()));
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
    }

    private Map<String, Authority> names(List<Harvested> shown) throws SQLException {
        Set<String> ids = new HashSet<>();
        shown.stream().filter(h -> !h.deleted()).forEach(h -> h.record().links().forEach(l -> ids.add(l.authorityId())));
        return authorities.getAll(ids);
    }
}
