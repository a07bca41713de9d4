package org.diwan.api.search;

import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The shared full-text index. Records live in collections, one per record type of a plugin, named
 * {@code <plugin id>.<record name>} ({@code library.record}). A plugin indexes a record after the transaction
 * that changed it commits, and deletes it after deleting the record; a search right after sees the change.
 *
 * <p>Indexing never fails the plugin's change: a failure is logged, shown in {@link #status()}, and the
 * collection is rebuilt from its {@link SearchSource}.
 */
@ProviderType
public interface SearchService {

    /** Adds the documents, replacing any with the same id in the collection. */
    void index(String collection, Collection<SearchDocument> documents);

    /** Removes the documents with these ids; unknown ids are ignored. */
    void delete(String collection, Collection<String> ids);

    /**
     * Searches one collection. A collection nothing was indexed in yet gives an empty result.
     *
     * @throws IllegalArgumentException if the collection name is not valid
     */
    SearchResult search(String collection, SearchQuery query);

    /**
     * Rebuilds a collection from its source in the background; searches see the previous index until it is done.
     *
     * @return {@code false} if no {@link SearchSource} is registered for it
     */
    boolean rebuild(String collection);

    /** Every collection known now, by name. */
    List<CollectionStatus> status();
}
