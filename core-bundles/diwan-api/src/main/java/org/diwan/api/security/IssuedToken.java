package org.diwan.api.security;

import java.util.Objects;

/**
 * A token just created, with its secret: the only time the secret exists outside the caller's hands. Show it
 * once and drop it; never log it ({@link #toString()} leaves it out).
 *
 * @param token  what is stored
 * @param secret the text to send as {@code Authorization: Bearer <secret>}
 */
public record IssuedToken(ApiToken token, String secret) {

    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedToken[" + token.id() + "]";
    }
}
