package org.diwan.api.security;

import java.util.List;
import java.util.Objects;

/**
 * The failed logins on an account since its owner's previous login, told to the owner at their next one so
 * that they learn when someone is guessing their password.
 *
 * @param count     how many attempts failed
 * @param addresses where they came from (IPv6 by /64 prefix), most attempts first, at most a few
 */
public record FailedLogins(int count, List<String> addresses) {

    public FailedLogins {
        Objects.requireNonNull(addresses, "addresses");
        addresses = List.copyOf(addresses);
    }
}
