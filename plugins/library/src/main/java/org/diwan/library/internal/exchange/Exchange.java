package org.diwan.library.internal.exchange;

import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.diwan.library.internal.authority.Authorities;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.catalogue.Viewer;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Record;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * MARC 21 and MARCXML import and export (LIB-6), Arabic in UTF-8. An import goes through the cataloguer's own
 * checks record by record: a refused record is reported and the others go on. Names are linked to the
 * authority they stand for, made when missing. An imported description keeps the record it came as, and goes
 * out as it came with what was changed here written in ({@link MarcRecords}).
 */
@Component(service = Exchange.class)
public final class Exchange {

    /** Largest file an import reads. */
    public static final int MAX_FILE = 50 * 1024 * 1024;
    /** Most records one import makes: a bigger collection comes in several files. */
    public static final int MAX_RECORDS = 20_000;

    private final CatalogueStore records;
    private final AuthorityStore authorityStore;
    private final MarcRecords marcRecords;
    private final Importer importer;

    @Activate
    public Exchange(@Reference Catalogue catalogue, @Reference Authorities authorities, @Reference(target = "(diwan.schema=library)") DataSource library) {
        this(catalogue, authorities, library, Clock.systemUTC());
    }

    public Exchange(Catalogue catalogue, Authorities authorities, DataSource library, Clock clock) {
        this.records = new CatalogueStore(library, clock);
        this.authorityStore = new AuthorityStore(library, clock);
        this.marcRecords = new MarcRecords(library);
        this.importer = new Importer(catalogue, authorities, records, authorityStore, new MarcSources(library), new PendingImports(library, clock),
                clock);
    }

    /**
     * Imports a MARCXML file or a MARC 21 (ISO 2709) file, MARC-8 or UTF-8; a record matching a description here is
     * held for the cataloguer's choice.
     *
     * @param access the access level of records that do not say theirs (506)
     * @throws ExchangeRefused the file as a whole: too large, not MARC, malformed XML, a document type
     *                         declaration, too many records
     */
    public ImportReport importFile(byte[] content, String access, String actor, String address) throws ExchangeRefused, SQLException {
        return importFile(content, access, OnDuplicate.ASK, actor, address);
    }

    /** Imports, doing with records that match descriptions here what {@code onDuplicate} says. */
    public ImportReport importFile(byte[] content, String access, OnDuplicate onDuplicate, String actor, String address)
            throws ExchangeRefused, SQLException {
        return importer.importFile(content, access, onDuplicate, actor, address);
    }

    /** Does what the cataloguer chose for the records an import held ({@code choices} by held record's id). */
    public ImportReport resolve(String batch, Map<String, OnDuplicate> choices, String actor, String address) throws SQLException {
        return importer.resolve(batch, choices, actor, address);
    }

    /** The descriptions as MARC records: an imported one as its source record with what was changed here written in. */
    public Map<String, Record> marc(Collection<CatalogueRecord> described, Map<String, Authority> names) throws SQLException {
        return marcRecords.of(described, names);
    }

    /** One description as MARC, as export writes it (its MARC view). */
    public Record marc(CatalogueRecord record) throws SQLException {
        Set<String> named = new HashSet<>();
        record.links().forEach(l -> named.add(l.authorityId()));
        return marc(List.of(record), authorityStore.getAll(named)).get(record.id());
    }

    /** Writes the records as a MARCXML collection, UTF-8. */
    public void exportMarcXml(List<String> ids, OutputStream out) throws SQLException {
        write(ids, new MarcXmlWriter(out, "UTF-8", true));
    }

    /** Writes the records as MARC 21 (ISO 2709), UTF-8. */
    public void exportMarc21(List<String> ids, OutputStream out) throws SQLException {
        write(ids, new MarcStreamWriter(out, "UTF-8"));
    }

    /** Writes every record {@code viewer} may see, as MARCXML or MARC 21, straight from the database, 500 at a time. */
    public void exportAll(Viewer viewer, boolean xml, OutputStream out) throws SQLException {
        Map<String, Authority> names = new HashMap<>();
        authorityStore.forEach(a -> names.put(a.id(), a));
        MarcWriter writer = xml ? new MarcXmlWriter(out, "UTF-8", true) : new MarcStreamWriter(out, "UTF-8");
        List<CatalogueRecord> batch = new ArrayList<>();
        try {
            records.forEach(record -> {
                if (viewer.sees(record.access())) {
                    batch.add(record);
                    if (batch.size() == 500) {
                        writeAll(batch, names, writer);
                    }
                }
            });
            writeAll(batch, names, writer);
        } finally {
            writer.close();
        }
    }

    private void writeAll(List<CatalogueRecord> batch, Map<String, Authority> names, MarcWriter writer) {
        try {
            marc(batch, names).values().forEach(writer::write);
        } catch (SQLException e) {
            throw new java.io.UncheckedIOException(new java.io.IOException(e));
        }
        batch.clear();
    }

    /** One record as simple Dublin Core, with {@code identifier} (its address) as dc:identifier. */
    public void exportDublinCore(CatalogueRecord record, String identifier, java.io.Writer out) throws SQLException {
        Set<String> named = new HashSet<>();
        record.links().forEach(l -> named.add(l.authorityId()));
        try {
            DublinCore.document(record, authorityStore.getAll(named), identifier, out);
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new java.io.UncheckedIOException(new java.io.IOException(e));
        }
    }

    private void write(List<String> ids, MarcWriter writer) throws SQLException {
        try {
            for (int from = 0; from < ids.size(); from += 500) {
                Map<String, CatalogueRecord> page = records.getAll(ids.subList(from, Math.min(ids.size(), from + 500)));
                Set<String> named = new HashSet<>();
                page.values().forEach(r -> r.links().forEach(l -> named.add(l.authorityId())));
                marc(page.values(), authorityStore.getAll(named)).values().forEach(writer::write);
            }
        } finally {
            writer.close();
        }
    }
}
