package org.diwan.library.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.diwan.api.validation.Validation;
import org.diwan.integration.internal.TestRecordEvents;
import org.diwan.library.internal.authority.Authorities;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.exchange.Exchange;
import org.diwan.library.internal.search.AuthoritySource;
import org.diwan.library.internal.search.RecordSource;
import org.diwan.persistence.internal.TestDatabase;
import org.diwan.search.internal.LuceneSearchService;
import org.diwan.testkit.RecordingAuditLog;

/**
 * The library on a real Derby database (migrated by the node's own code) and the real search service on a
 * folder of its own; the audit trail is recorded in memory so that tests can read what was written.
 */
public final class LibraryFixture implements AutoCloseable {

    public static final String ACTOR = "cataloguer";
    public static final String ADDRESS = "127.0.0.1";

    public final TestDatabase database;
    public final DataSource dataSource;
    public final LuceneSearchService search;
    public final RecordingAuditLog audited = new RecordingAuditLog();
    /** The node's real event outbox, in this database. */
    public final TestRecordEvents events;
    public final AuthorityStore authorityStore;
    public final CatalogueStore recordStore;
    public final Authorities authorities;
    public final Catalogue catalogue;
    /** MARC import and export over this catalogue. */
    public final Exchange exchange;

    public LibraryFixture(Path folder) throws Exception {
        database = TestDatabase.create(folder);
        dataSource = database.migrate("library");
        events = TestRecordEvents.in(database);
        search = new LuceneSearchService(folder.resolve("search"));
        search.addSource(new RecordSource(dataSource));
        search.addSource(new AuthoritySource(dataSource));
        search.start();
        authorityStore = new AuthorityStore(dataSource, Clock.systemUTC());
        recordStore = new CatalogueStore(dataSource, Clock.systemUTC());
        authorities = new Authorities(authorityStore, recordStore, search, audited, events.service(), Clock.systemUTC());
        catalogue = new Catalogue(recordStore, authorityStore, search, audited, events.service(), Clock.systemUTC());
        exchange = new Exchange(catalogue, authorities, dataSource, Clock.systemUTC());
    }

    public Authority authority(String kind, String ar, String en, String fr, String... variants) throws Exception {
        Validation v = new Validation();
        Authority created = authorities.create(Map.of("kind", kind, "nameAr", ar, "nameEn", en == null ? "" : en, "nameFr", fr == null ? "" : fr,
                "variants", String.join("\n", variants)), v, ACTOR, ADDRESS).orElse(null);
        if (created == null) {
            throw new AssertionError("authority refused: " + v.errors());
        }
        return created;
    }

    public CatalogueRecord record(Map<String, String> fields) throws Exception {
        Validation v = new Validation();
        CatalogueRecord created = catalogue.create(fields, v, ACTOR, ADDRESS).orElse(null);
        if (created == null) {
            throw new AssertionError("record refused: " + v.errors());
        }
        return created;
    }

    @Override
    public void close() {
        search.stop();
        database.close();
    }
}
