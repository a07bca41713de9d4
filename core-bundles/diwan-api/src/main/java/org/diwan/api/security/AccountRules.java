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

    static boolean forbiddenInNames(int codePoint) {
        return Character.isISOControl(codePoint)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
