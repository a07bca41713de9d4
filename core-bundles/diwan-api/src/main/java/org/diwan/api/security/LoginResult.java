package org.diwan.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one login attempt. A wrong name and a wrong password give the same outcome, so that a
 * caller cannot tell which accounts exist.
 */
public record LoginResult(Outcome outcome, Optional<Account> account, Optional<Instant> retryAfter) {

    public enum Outcome {
        SUCCESS,
        BAD_CREDENTIALS,
        /** Too many failures for this account: refused until {@link #retryAfter()}. */
        LOCKED,
        /** Too many failures from this address. */
        RATE_LIMITED
    }

    public LoginResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    public static LoginResult success(Account account) {
        return new LoginResult(Outcome.SUCCESS, Optional.of(account), Optional.empty());
    }

    public static LoginResult failure(Outcome outcome, Instant retryAfter) {
        return new LoginResult(outcome, Optional.empty(), Optional.ofNullable(retryAfter));
    }
}
