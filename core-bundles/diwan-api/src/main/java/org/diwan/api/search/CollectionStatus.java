package org.diwan.api.search;

import java.time.Instant;

/**
 * The state of one collection's index, for administrators.
 *
 * @param collection  its name
 * @param documents   records it holds now
 * @param rebuilding  whether it is being rebuilt from its source now (searches see the previous index until done)
 * @param hasSource   whether a plugin registered a {@link SearchSource} for it (without one it cannot be rebuilt)
 * @param lastRebuilt when it was last rebuilt, or {@code null}
 * @param lastError   the last failure to index or rebuild, or {@code null}
 */
public record CollectionStatus(String collection, long documents, boolean rebuilding, boolean hasSource, Instant lastRebuilt,
        String lastError) {
}
