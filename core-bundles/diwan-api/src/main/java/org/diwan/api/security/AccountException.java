package org.diwan.api.security;

/**
 * A request about accounts that cannot be carried out, with a reason the interface turns into a message
 * in the user's language ({@code security.error.<reason in lower case>}). Nothing was changed.
 */
public class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Reason {
        USERNAME_INVALID,
        USERNAME_TAKEN,
        DISPLAY_NAME_INVALID,
        PASSWORD_TOO_SHORT,
        PASSWORD_TOO_LONG,
        PASSWORD_CONTAINS_USERNAME,
        UNKNOWN_ACCOUNT,
        UNKNOWN_ROLE,
        ROLE_INVALID,
        SETUP_TOKEN_INVALID,
        SETUP_ALREADY_DONE,
        LAST_ADMIN,
        MAIL_ADDRESS_INVALID
    }

    private final Reason reason;

    public AccountException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The key of this reason's message in the message bundles. */
    public String messageKey() {
        return "security.error." + reason.name().toLowerCase(java.util.Locale.ROOT);
    }
}
