package org.diwan.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An API token as its owner and administrators see it. The secret is not here: it is shown once, in the
 * {@link IssuedToken} that creates it, and the node keeps only a keyed hash of it.
 *
 * @param id         the token's identifier (not secret; shown in lists and the audit trail)
 * @param owner      the login name of the account the token acts as
 * @param name       what the owner called it ("nightly export")
 * @param scope      the permissions it may use, Shiro wildcard strings as plugins declare them; a call has the
 *                   permissions of this scope that its owner still holds at the time of the call
 * @param createdAt  when it was made
 * @param createdBy  who made it: the owner, or an administrator for them
 * @param expiresAt  when it stops working
 * @param lastUsedAt the last call made with it, to the minute
 * @param revokedAt  when it was revoked, if it was
 */
public record ApiToken(UUID id, String owner, String name, Set<String> scope, Instant createdAt, String createdBy, Instant expiresAt,
        Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        scope = Set.copyOf(scope);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
