package org.diwan.library.internal.search;

import java.time.Clock;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchSource;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Every description, with its authorities' names, for rebuilding {@value LibraryCollections#RECORDS}. */
@Component(service = SearchSource.class)
public final class RecordSource implements SearchSource {

    private final DataSource library;

    @Activate
    public RecordSource(@Reference(target = "(diwan.schema=library)") DataSource library) {
        this.library = library;
    }

    @Override
    public String collection() {
        return LibraryCollections.RECORDS;
    }

    @Override
    public void feed(Consumer<SearchDocument> sink) throws Exception {
        LibraryIndex.feedRecords(new CatalogueStore(library, Clock.systemUTC()), new AuthorityStore(library, Clock.systemUTC()), sink);
    }
}
