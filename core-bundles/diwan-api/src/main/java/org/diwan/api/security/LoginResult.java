package org.diwan.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one login attempt. A wrong name and a wrong password give the same outcome, so that a
 * caller cannot tell which accounts exist.
 */
public record LoginResult(Outcome outcome, Optional<Account> account, Optional<Instant> retryAfter,
        Optional<FailedLogins> sinceLastLogin) {

    public enum Outcome {
        SUCCESS,
        BAD_CREDENTIALS,
        /** Too many failures for this name from this address (or, under a wide attack, from addresses the account never
         * logged in from): refused until {@link #retryAfter()}, without checking the password. */
        LOCKED,
        /** Too many failures from this address, over all names: refused without checking the password. */
        RATE_LIMITED
    }

    public LoginResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(sinceLastLogin, "sinceLastLogin");
    }

    /** The form of version 1.0 of this package, without news of failed logins. */
    public LoginResult(Outcome outcome, Optional<Account> account, Optional<Instant> retryAfter) {
        this(outcome, account, retryAfter, Optional.empty());
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    public static LoginResult success(Account account) {
        return new LoginResult(Outcome.SUCCESS, Optional.of(account), Optional.empty());
    }

    /** A login that succeeded after others had failed on the account since its owner's previous login. */
    public static LoginResult success(Account account, Optional<FailedLogins> sinceLastLogin) {
        return new LoginResult(Outcome.SUCCESS, Optional.of(account), Optional.empty(), sinceLastLogin);
    }

    public static LoginResult failure(Outcome outcome, Instant retryAfter) {
        return new LoginResult(outcome, Optional.empty(), Optional.ofNullable(retryAfter));
    }
}
