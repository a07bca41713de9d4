package org.diwan.library.internal.catalogue;

import java.time.Instant;

/**
 * A reader's saved search: its name, the catalogue query string it runs, and when its reader last looked at
 * its results (what changed since is new to them).
 */
public record SavedSearch(String id, String username, String name, String query, Instant lastSeen, Instant created) {
}
