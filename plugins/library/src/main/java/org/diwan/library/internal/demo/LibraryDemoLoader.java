package org.diwan.library.internal.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.diwan.api.search.SearchService;
import org.diwan.library.internal.authority.AuthorityDraft;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.search.LibraryCollections;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the library's demonstration data when an administrator asks for it with
 * {@code etc/org.diwan.library.demo.cfg} (what {@code ./run.sh --demo} writes), and only into an empty catalogue:
 * real records are never mixed with generated ones. Loads in the background, then rebuilds the search index.
 */
@Component(configurationPid = LibraryDemoLoader.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LibraryDemoLoader.Config.class)
public final class LibraryDemoLoader {

    static final String PID = "org.diwan.library.demo";
    private static final Logger LOG = LoggerFactory.getLogger(LibraryDemoLoader.class);

    @ObjectClassDefinition(name = "Diwan library demonstration data")
    public @interface Config {
        @AttributeDefinition(description = "Catalogue records to generate")
        int records() default 10_000;

        @AttributeDefinition(description = "Authors (person authorities) to generate")
        int persons() default 300;

        @AttributeDefinition(description = "Seed of the generator: the same seed gives the same data")
        long seed() default 2026;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "diwan-library-demo"));

    @Activate
    public LibraryDemoLoader(@Reference(target = "(diwan.schema=library)") DataSource library, @Reference SearchService search, Config config) {
        executor.submit(() -> load(library, search, config));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static void load(DataSource library, SearchService search, Config config) {
        try {
            if (!isEmpty(library)) {
                LOG.info("Library demonstration data not loaded: the catalogue has records already");
                return;
            }
            long started = System.nanoTime();
            int records = load(library, config.records(), Math.max(1, config.persons()), config.seed());
            search.rebuild(LibraryCollections.AUTHORITIES);
            search.rebuild(LibraryCollections.RECORDS);
            LOG.info("Library demonstration data loaded: {} records in {} s; the search index is being rebuilt", records,
                    (System.nanoTime() - started) / 1_000_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Library demonstration data not loaded", e);
        }
    }

    /** Stores the authorities and {@code records} descriptions; returns how many descriptions were stored. */
    static int load(DataSource library, int records, int persons, long seed) throws SQLException {
        LibraryDemoData data = new LibraryDemoData(seed);
        AuthorityStore authorities = new AuthorityStore(library, Clock.systemUTC());
        CatalogueStore catalogue = new CatalogueStore(library, Clock.systemUTC());
        List<String> ids = new ArrayList<>();
        for (AuthorityDraft draft : data.authorities(persons)) {
            ids.add(authorities.create(draft, "demo").id());
        }
        for (int i = 0; i < records; i++) {
            if (Thread.currentThread().isInterrupted()) {
                return i;
            }
            catalogue.create(data.record(i, ids, persons), "demo");
        }
        return records;
    }

    private static boolean isEmpty(DataSource library) throws SQLException {
        try (Connection c = library.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM catalogue_record")) {
            rs.next();
            return rs.getInt(1) == 0;
        }
    }
}
