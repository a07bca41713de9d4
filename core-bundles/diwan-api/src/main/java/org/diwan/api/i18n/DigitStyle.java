package org.diwan.api.i18n;

/**
 * How digits are written on screen. Arabic-Indic (٠١٢٣٤٥٦٧٨٩) is the default in the Arabic interface,
 * Latin elsewhere; each user may choose. Input and search accept both, through {@link #toLatin(CharSequence)}.
 */
public enum DigitStyle {
    LATIN('0'),
    ARABIC_INDIC('\u0660');

    private final char zero;

    DigitStyle(char zero) {
        this.zero = zero;
    }

    public static DigitStyle defaultFor(Language language) {
        return language == Language.AR ? ARABIC_INDIC : LATIN;
    }

    /** The digit zero of this style; the other nine follow it in Unicode. */
    public char zeroDigit() {
        return zero;
    }

    /** Rewrites every digit of the text (Latin, Arabic-Indic or Persian) in this style. */
    public String apply(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = digitValue(c);
            out.append(value < 0 ? c : (char) (zero + value));
        }
        return out.toString();
    }

    /** Rewrites every digit as Latin, so that numbers typed either way parse and match the same. */
    public static String toLatin(CharSequence text) {
        return LATIN.apply(text);
    }

    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return c - '\u0660';
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return c - '\u06F0';
        }
        return -1;
    }
}
