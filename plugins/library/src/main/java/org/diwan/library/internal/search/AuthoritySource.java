package org.diwan.library.internal.search;

import java.time.Clock;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchSource;
import org.diwan.library.internal.authority.AuthorityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Every authority, merged ones included (marked so), for rebuilding {@value LibraryCollections#AUTHORITIES}. */
@Component(service = SearchSource.class)
public final class AuthoritySource implements SearchSource {

    private final DataSource library;

    @Activate
    public AuthoritySource(@Reference(target = "(diwan.schema=library)") DataSource library) {
        this.library = library;
    }

    @Override
    public String collection() {
        return LibraryCollections.AUTHORITIES;
    }

    @Override
    public void feed(Consumer<SearchDocument> sink) throws Exception {
        LibraryIndex.feedAuthorities(new AuthorityStore(library, Clock.systemUTC()), sink);
    }
}
