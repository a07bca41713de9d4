package org.diwan.library.internal.exchange;

import java.util.List;

/** A file refused whole: the message key says why, in the reader's language, with its arguments. */
public final class ExchangeRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> args;

    public ExchangeRefused(String messageKey, Object... args) {
        super(messageKey + " " + List.of(args));
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
