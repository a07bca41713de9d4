package org.diwan.api.security;

/**
 * A token that cannot be made as asked, with a reason the interface turns into a message in the user's
 * language ({@code tokens.error.<reason in lower case>}). Nothing was stored.
 */
public class TokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Reason {
        /** Empty, longer than {@link ApiTokens#NAME_MAX}, or with control or bidi override characters. */
        NAME_INVALID,
        /** Empty, too many entries, or an entry not of the form {@code plugin:area[:action]} (or of the shell's own). */
        SCOPE_INVALID,
        /** An entry the owner does not hold. */
        SCOPE_NOT_HELD,
        /** A lifetime under a day or over {@link ApiTokens#MAX_LIFETIME}. */
        LIFETIME_INVALID,
        UNKNOWN_ACCOUNT,
        /** The owner's account is disabled. */
        ACCOUNT_DISABLED
    }

    private final Reason reason;

    public TokenException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The key of this reason's message in the message bundles. */
    public String messageKey() {
        return "tokens.error." + reason.name().toLowerCase(java.util.Locale.ROOT);
    }
}
