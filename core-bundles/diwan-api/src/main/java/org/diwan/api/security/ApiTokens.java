package org.diwan.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * API tokens for integrators and scripts: {@code Authorization: Bearer dwn_…} on {@code /api/…}. A token acts as
 * its owner with the permissions of its scope that the owner holds at the time of each call; it stops working when
 * it expires, is revoked, or its owner's account is disabled. The node stores only a keyed hash (HMAC-SHA256) of
 * each token. Creation and revocation are audited, and so is every refused check (never with the token's text).
 */
@ProviderType
public interface ApiTokens {

    /** Every token begins with this, so that secret scanners can recognise a leaked one. */
    String PREFIX = "dwn_";
    Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    Duration MAX_LIFETIME = Duration.ofDays(365);
    int NAME_MAX = 100;
    int SCOPE_MAX = 64;

    /**
     * Makes a token for {@code owner}, valid from now for {@code lifetime}.
     *
     * @param scope permissions of the form {@code plugin:area[:action]}, each held by the owner now; the shell's own
     *              ({@code diwan:…}) are never given to a token
     * @throws TokenException when a rule is broken; nothing is stored then
     */
    IssuedToken create(String owner, String name, Set<String> scope, Duration lifetime, Actor actor);

    /** The owner's tokens, revoked and expired ones included, newest first. */
    List<ApiToken> list(String owner);

    /** Every token on the node, newest first, for administrators. */
    List<ApiToken> listAll();

    /**
     * Revokes the token {@code id} if it belongs to {@code owner} and is not revoked yet.
     *
     * @return whether it was revoked by this call
     */
    boolean revoke(UUID id, String owner, Actor actor);

    /**
     * Checks a token presented by a client at {@code address}. Refusals are audited and count against the
     * address under the login throttle's limits (PID {@code org.diwan.security.lockout}); a successful check writes
     * no login record and notes the last use at most once a minute.
     */
    TokenCheck verify(String presented, String address);
}
