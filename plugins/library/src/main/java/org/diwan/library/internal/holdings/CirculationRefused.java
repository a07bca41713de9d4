package org.diwan.library.internal.holdings;

import java.util.List;

/**
 * A circulation step refused, nothing changed: a message key of the library's bundle with its arguments, and the
 * status a page or the API answers with (404 no such copy, 409 another desk was first or the copy is not free, 422 a
 * rule of the library). Unchecked, so that it rolls back the transaction it is thrown from.
 */
public final class CirculationRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String messageKey;
    private final transient List<Object> args;

    public CirculationRefused(int status, String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
