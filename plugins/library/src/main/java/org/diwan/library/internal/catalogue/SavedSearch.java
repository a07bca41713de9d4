package org.diwan.library.internal.catalogue;

import java.time.Instant;

/**
 * A reader's saved search: its name, the catalogue query string it runs, and when its reader last looked at
 * its results (what changed since is new to them).
 *
 * @param alerts       whether the reader gets what is new by e-mail
 * @param alertedUntil the changes before this moment have been alerted (or predate the alerts); null without alerts
 */
public record SavedSearch(String id, String username, String name, String query, Instant lastSeen, Instant created, boolean alerts,
        Instant alertedUntil) {

    public SavedSearch(String id, String username, String name, String query, Instant lastSeen, Instant created) {
        this(id, username, name, query, lastSeen, created, false, null);
    }
}
