package org.diwan.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The locks in force on one login name.
 *
 * @param username    the login name
 * @param addresses   the source addresses (IPv6 by /64 prefix) locked out for that name
 * @param until       when the last of these locks runs out
 * @param accountWide whether the whole account is refused to addresses it has never logged in from
 */
public record Lockout(String username, List<String> addresses, Instant until, boolean accountWide) {

    public Lockout {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(until, "until");
        addresses = List.copyOf(addresses);
    }
}
