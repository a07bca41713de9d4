package org.diwan.library.internal.exchange;

import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.marc4j.marc.Record;

/**
 * Descriptions as MARC records, for every way out (export files, OAI-PMH): one made here by the catalogue's
 * mapping ({@link MarcExport}), an imported one as its source record with what was changed here written in
 * ({@link MarcOverlay}).
 */
public final class MarcRecords {

    private final MarcSources sources;
    private final MarcExport mapping = new MarcExport();
    private final MarcOverlay overlay = new MarcOverlay();

    public MarcRecords(DataSource library) {
        this.sources = new MarcSources(library);
    }

    /** @param names the authorities the descriptions name, by id */
    public Map<String, Record> of(Collection<CatalogueRecord> described, Map<String, Authority> names) throws SQLException {
        Map<String, MarcSources.Source> kept = sources.getAll(described.stream().map(CatalogueRecord::id).toList());
        Map<String, Record> marc = new LinkedHashMap<>();
        for (CatalogueRecord record : described) {
            Record written = mapping.toMarc(record, names);
            MarcSources.Source source = kept.get(record.id());
            marc.put(record.id(), source == null ? written : overlay.merge(record, written, source));
        }
        return marc;
    }
}
