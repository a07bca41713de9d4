package org.diwan.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The outcome of checking a presented token. Only {@link Outcome#VALID} carries an owner and a scope.
 *
 * @param retryAfter for {@link Outcome#RATE_LIMITED}: when the address may try again
 */
public record TokenCheck(Outcome outcome, Optional<String> owner, Set<String> scope, Optional<UUID> tokenId,
        Optional<Instant> retryAfter) {

    public enum Outcome {
        VALID,
        /** Not of the form {@code dwn_} + 43 base64url characters: never looked up. */
        MALFORMED,
        /** Well formed, but no token has this secret. */
        UNKNOWN,
        REVOKED,
        EXPIRED,
        /** The owner's account is disabled. */
        OWNER_DISABLED,
        /** Too many failed checks from this address: refused without looking the token up. */
        RATE_LIMITED
    }

    public TokenCheck {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(owner, "owner");
        scope = Set.copyOf(scope);
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    public static TokenCheck valid(UUID tokenId, String owner, Set<String> scope) {
        return new TokenCheck(Outcome.VALID, Optional.of(owner), scope, Optional.of(tokenId), Optional.empty());
    }

    public static TokenCheck refused(Outcome outcome) {
        return new TokenCheck(outcome, Optional.empty(), Set.of(), Optional.empty(), Optional.empty());
    }

    public static TokenCheck rateLimited(Instant retryAfter) {
        return new TokenCheck(Outcome.RATE_LIMITED, Optional.empty(), Set.of(), Optional.empty(), Optional.of(retryAfter));
    }
}
