package org.diwan.api.search;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by a plugin for each collection it indexes: the search service reads every record from it to
 * rebuild the index when it is new, was not closed cleanly (a crash may have lost the last changes), was built
 * by an older analysis, or an administrator asks.
 */
@ConsumerType
public interface SearchSource {

    /** The collection this source fills, as named in {@link SearchService} calls. */
    String collection();

    /**
     * Hands over every record of the collection as the database holds it now. Changes the plugin indexes while
     * this runs wait until the rebuild is done, so none is overwritten by an older copy.
     */
    void feed(Consumer<SearchDocument> sink) throws Exception;
}
