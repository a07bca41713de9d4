package org.diwan.library.internal.exchange;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.diwan.api.validation.Validation;
import org.diwan.library.internal.authority.Authorities;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.catalogue.Role;
import org.diwan.library.internal.catalogue.Viewer;
import org.marc4j.MarcException;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcWriter;
import org.marc4j.MarcXmlReader;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Record;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * MARC 21 and MARCXML import and export (LIB-6), Arabic in UTF-8. An import goes through the cataloguer's own
 * checks record by record: a refused record is reported and the others go on. Names are linked to the
 * authority they stand for, made when missing.
 */
@Component(service = Exchange.class)
public final class Exchange {

    /** Largest file an import reads. */
    public static final int MAX_FILE = 50 * 1024 * 1024;
    /** Most records one import makes: a bigger collection comes in several files. */
    public static final int MAX_RECORDS = 20_000;

    private final Catalogue catalogue;
    private final Authorities authorities;
    private final CatalogueStore records;
    private final AuthorityStore authorityStore;

    @Activate
    public Exchange(@Reference Catalogue catalogue, @Reference Authorities authorities, @Reference(target = "(diwan.schema=library)") DataSource library) {
        this(catalogue, authorities, new CatalogueStore(library, Clock.systemUTC()), new AuthorityStore(library, Clock.systemUTC()));
    }

    public Exchange(Catalogue catalogue, Authorities authorities, CatalogueStore records, AuthorityStore authorityStore) {
        this.catalogue = catalogue;
        this.authorities = authorities;
        this.records = records;
        this.authorityStore = authorityStore;
    }

    /**
     * Imports a MARCXML file or a MARC 21 (ISO 2709) file.
     *
     * @param access the access level of records that do not say theirs (506)
     * @throws ExchangeRefused the file as a whole: too large, not MARC, malformed XML, a document type
     *                         declaration, too many records
     */
    public ImportReport importFile(byte[] content, String access, String actor, String address) throws ExchangeRefused, SQLException {
        if (content.length > MAX_FILE) {
            throw new ExchangeRefused("library.exchange.too-large", MAX_FILE / (1024 * 1024));
        }
        if (content.length == 0) {
            throw new ExchangeRefused("library.exchange.empty");
        }
        MarcReader reader;
        if (isXml(content)) {
            SafeXml.check(content);
            reader = new MarcXmlReader(new ByteArrayInputStream(content));
        } else {
            reader = new MarcPermissiveStreamReader(new ByteArrayInputStream(content), true, true, "BESTGUESS");
        }
        MarcImport mapping = new MarcImport();
        List<String> created = new ArrayList<>();
        List<ImportReport.Refused> refused = new ArrayList<>();
        Set<String> ignored = new TreeSet<>();
        int position = 0;
        try {
            while (reader.hasNext()) {
                if (position >= MAX_RECORDS) {
                    throw new ExchangeRefused("library.exchange.too-many", MAX_RECORDS);
                }
                Record marc = reader.next();
                position++;
                MarcImport.Read read = mapping.read(marc, access);
                ignored.addAll(read.ignoredTags());
                Optional<String> made = create(read, actor, address, position, refused);
                made.ifPresent(created::add);
            }
        } catch (MarcException e) {
            throw new ExchangeRefused("library.exchange.not-marc", position + 1, String.valueOf(e.getMessage()));
        }
        if (position == 0) {
            throw new ExchangeRefused("library.exchange.not-marc", 1, "no record");
        }
        return new ImportReport(position, created, refused, ignored);
    }

    private Optional<String> create(MarcImport.Read read, String actor, String address, int position, List<ImportReport.Refused> refused)
            throws SQLException {
        Map<String, String> fields = new HashMap<>(read.fields());
        Map<Role, List<String>> ids = new HashMap<>();
        String title = firstNonNull(fields.get("titleAr"), fields.get("titleEn"), fields.get("titleFr"));
        for (MarcImport.NameRef name : read.names()) {
            Optional<String> id = linked(name, actor, address);
            if (id.isEmpty()) {
                refused.add(new ImportReport.Refused(position, title, List.of("library.validation.authority-ambiguous: " + name.name())));
                return Optional.empty();
            }
            ids.computeIfAbsent(name.role(), r -> new ArrayList<>()).add(id.get());
        }
        ids.forEach((role, list) -> fields.put(role.name().toLowerCase(Locale.ROOT), String.join(",", list)));
        if (fields.containsKey("parent") && records.get(fields.get("parent")).isEmpty()) {
            fields.remove("parent");
        }
        Validation v = new Validation();
        Optional<CatalogueRecord> made = catalogue.create(fields, v, actor, address);
        if (made.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            v.errors().forEach((field, error) -> reasons.add(field + ": " + error.messageKey()));
            refused.add(new ImportReport.Refused(position, title, reasons));
            return Optional.empty();
        }
        return Optional.of(made.get().id());
    }

    /** The authority a name stands for: its own id when it came from here and still stands, else by name. */
    private Optional<String> linked(MarcImport.NameRef name, String actor, String address) throws SQLException {
        if (name.id() != null) {
            Optional<Authority> known = authorityStore.get(name.id().toLowerCase(Locale.ROOT));
            if (known.isPresent()) {
                Authority a = known.get();
                return Optional.of(a.mergedInto() == null ? a.id() : a.mergedInto());
            }
        }
        if (name.name() == null || name.name().isBlank()) {
            return Optional.empty();
        }
        return authorities.findOrCreate(name.kind(), name.name(), actor, address);
    }

    /** Writes the records as a MARCXML collection, UTF-8. */
    public void exportMarcXml(List<String> ids, OutputStream out) throws SQLException {
        write(ids, new MarcXmlWriter(out, "UTF-8", true));
    }

    /** Writes the records as MARC 21 (ISO 2709), UTF-8. */
    public void exportMarc21(List<String> ids, OutputStream out) throws SQLException {
        write(ids, new MarcStreamWriter(out, "UTF-8"));
    }

    /** Writes every record {@code viewer} may see, as MARCXML or MARC 21, straight from the database. */
    public void exportAll(Viewer viewer, boolean xml, OutputStream out) throws SQLException {
        Map<String, Authority> names = new HashMap<>();
        authorityStore.forEach(a -> names.put(a.id(), a));
        MarcExport mapping = new MarcExport();
        MarcWriter writer = xml ? new MarcXmlWriter(out, "UTF-8", true) : new MarcStreamWriter(out, "UTF-8");
        try {
            records.forEach(record -> {
                if (viewer.sees(record.access())) {
                    writer.write(mapping.toMarc(record, names));
                }
            });
        } finally {
            writer.close();
        }
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
        MarcExport mapping = new MarcExport();
        try {
            for (int from = 0; from < ids.size(); from += 500) {
                Map<String, CatalogueRecord> page = records.getAll(ids.subList(from, Math.min(ids.size(), from + 500)));
                Set<String> named = new HashSet<>();
                page.values().forEach(r -> r.links().forEach(l -> named.add(l.authorityId())));
                Map<String, Authority> names = authorityStore.getAll(named);
                for (CatalogueRecord record : page.values()) {
                    writer.write(mapping.toMarc(record, names));
                }
            }
        } finally {
            writer.close();
        }
    }

    private static boolean isXml(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 1024); i++) {
            int b = content[i] & 0xff;
            if (b == '<') {
                return true;
            }
            if (!(b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xEF || b == 0xBB || b == 0xBF)) {
                return false;
            }
        }
        return false;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
