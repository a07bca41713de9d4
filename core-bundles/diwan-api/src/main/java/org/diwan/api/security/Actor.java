package org.diwan.api.security;

import java.util.Objects;

/**
 * Who asks for a change, and from where: the two columns of the audit trail that a service cannot know
 * by itself.
 *
 * @param username the user's login name, or {@code system} for the node itself
 * @param address  the remote address of the request, {@code ssh} or {@code local}
 */
public record Actor(String username, String address) {

    public static final Actor SYSTEM = new Actor("system", "local");

    public Actor {
        Objects.requireNonNull(username, "username");
        address = address == null || address.isBlank() ? "local" : address;
    }
}
