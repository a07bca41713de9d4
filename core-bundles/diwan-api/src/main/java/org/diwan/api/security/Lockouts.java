package org.diwan.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The login locks in force and how an administrator lifts them. A lock holds one login name for one source
 * address (or the whole account against addresses it has never logged in from, under a wide attack); it
 * never keeps the owner out from everywhere.
 */
@ProviderType
public interface Lockouts {

    /** The login names that have a lock in force now, by name. */
    List<Lockout> current();

    /**
     * Lifts every lock on a login name: its failures so far no longer count. Audited.
     *
     * @return whether a lock was in force
     */
    boolean unlock(String username, Actor actor);
}
