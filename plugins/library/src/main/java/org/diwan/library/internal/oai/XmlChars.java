package org.diwan.library.internal.oai;

/**
 * Which characters may travel in an OAI-PMH response. XML 1.0 forbids most C0 controls (U+0000 included),
 * U+FFFE, U+FFFF and unpaired surrogates: one of them anywhere makes the whole response unreadable to every
 * parser, so they never reach the output, whatever their origin (a harvester's argument, a stored record).
 */
final class XmlChars {

    /** How much of a refused value an error message repeats: enough to recognise it, not a way to echo a body. */
    private static final int SHOWN = 64;

    private XmlChars() {
    }

    /** Whether XML 1.0 allows the code point (production [2] Char). */
    static boolean isXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /**
     * Whether a harvester's argument is made of printable characters only: no control character of any kind
     * (tab and line breaks included, none of which any argument of the protocol holds), no noncharacter, no
     * unpaired surrogate.
     */
    static boolean isCleanArgument(String value) {
        for (int i = 0; i < value.length();) {
            int c = value.codePointAt(i);
            if (!isXml(c) || Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE || isNonCharacter(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean isNonCharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    /** The text with every character XML 1.0 forbids replaced by U+FFFD; the same string when there is none. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            boolean bad = !isXml(c) || Character.getType(c) == Character.SURROGATE;
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (bad) {
                    out.append('\uFFFD');
                } else {
                    out.appendCodePoint(c);
                }
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    /**
     * A value from outside as an error message (and the log) may repeat it: cut short, every character that is
     * not a clean argument character written as {@code \\uXXXX}, so that it is readable and harmless anywhere.
     */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < value.length();) {
            if (count++ == SHOWN) {
                return out.append("…").toString();
            }
            int c = value.codePointAt(i);
            if (isCleanArgument(new String(Character.toChars(c)))) {
                out.appendCodePoint(c);
            } else {
                for (char unit : Character.toChars(c)) {
                    out.append(String.format("\\u%04X", (int) unit));
                }
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }
}
