package org.diwan.api.security;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a login name, a display name and a password must be. The same rules everywhere (setup, admin pages,
 * shell), so they live here. Passwords follow NIST SP 800-63B and OWASP ASVS: a minimum length and no
 * composition rules.
 */
public final class AccountRules {

    /** 3–64 characters: lower-case ASCII letters, digits, '.', '_' or '-', starting with a letter. */
    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    public static final int PASSWORD_MIN = 12;
    /** Longer inputs only cost hashing time: refused before they reach the hash. */
    public static final int PASSWORD_MAX = 256;
    public static final int DISPLAY_NAME_MAX = 200;
    /** RFC 5321's limit on a path, less its angle brackets. */
    public static final int MAIL_ADDRESS_MAX = 254;

    /** RFC 5322's dot-atom local part: ASCII only (not every mail server speaks SMTPUTF8), no quoting. */
    private static final Pattern MAIL_LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private AccountRules() {
    }

    /** Trims and lower-cases a login name as typed, so that {@code " Admin"} logs in as {@code admin}. */
    public static String normalizeUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountException(AccountException.Reason.USERNAME_INVALID, String.valueOf(username));
        }
    }

    /**
     * A display name is 1–200 characters of any script, without control characters or the bidi
     * embedding/override/isolate marks (U+202A–U+202E, U+2066–U+2069) that can make a name display as
     * something else. The implicit marks LRM/RLM (U+200E, U+200F) are allowed.
     */
    public static void checkDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > DISPLAY_NAME_MAX
                || displayName.codePoints().anyMatch(AccountRules::forbiddenInNames)) {
            throw new AccountException(AccountException.Reason.DISPLAY_NAME_INVALID, "display name refused");
        }
    }

    public static void checkPassword(String username, char[] password) {
        int length = Character.codePointCount(password, 0, password.length);
        if (length < PASSWORD_MIN) {
            throw new AccountException(AccountException.Reason.PASSWORD_TOO_SHORT, "fewer than " + PASSWORD_MIN + " characters");
        }
        if (length > PASSWORD_MAX) {
            throw new AccountException(AccountException.Reason.PASSWORD_TOO_LONG, "more than " + PASSWORD_MAX + " characters");
        }
        if (username != null && !username.isEmpty()
                && new String(password).toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new AccountException(AccountException.Reason.PASSWORD_CONTAINS_USERNAME, "password contains the login name");
        }
    }

    /**
     * Checks and normalises an e-mail address as typed: surrounding blanks trimmed, the domain lower-cased and an
     * international domain turned into its ASCII form ({@code xn--…}). The local part is ASCII dot-atom of at most
     * 64 characters, the domain has at least two labels; no spaces, quotes, commas, angle brackets or line breaks
     * can pass, so an address can never carry a second recipient or a mail header.
     *
     * @return the address, or null for a null or blank input (no address)
     * @throws AccountException {@code MAIL_ADDRESS_INVALID}
     */
    public static String normalizeMailAddress(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (trimmed.length() > MAIL_ADDRESS_MAX || at <= 0 || at > 64 || at == trimmed.length() - 1) {
            throw new AccountException(AccountException.Reason.MAIL_ADDRESS_INVALID, "address refused");
        }
        String local = trimmed.substring(0, at);
        String domain;
        try {
            domain = java.net.IDN.toASCII(trimmed.substring(at + 1), java.net.IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new AccountException(AccountException.Reason.MAIL_ADDRESS_INVALID, "domain refused");
        }
        String[] labels = domain.split("\\.", -1);
        boolean domainOk = labels.length >= 2 && domain.length() <= 253
                && java.util.Arrays.stream(labels).allMatch(l -> DOMAIN_LABEL.matcher(l).matches());
        if (!MAIL_LOCAL.matcher(local).matches() || !domainOk) {
            throw new AccountException(AccountException.Reason.MAIL_ADDRESS_INVALID, "address refused");
        }
        String normalized = local + "@" + domain;
        if (normalized.length() > MAIL_ADDRESS_MAX) {
            throw new AccountException(AccountException.Reason.MAIL_ADDRESS_INVALID, "address too long");
        }
        return normalized;
    }

    static boolean forbiddenInNames(int codePoint) {
        return Character.isISOControl(codePoint)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
