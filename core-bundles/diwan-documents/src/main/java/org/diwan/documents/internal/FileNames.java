package org.diwan.documents.internal;

import java.text.Normalizer;

/**
 * Cleans an uploaded file name for display. The name is never used to find, type or serve content, but it is
 * shown to people and offered back on download, so it loses folders, control characters and the bidi controls
 * that make a name read differently from what it is ({@code invoice\u202Efdp.exe} shown as {@code invoiceexe.pdf}).
 */
final class FileNames {

    /** Longest name kept, in UTF-16 units (the column holds 255). */
    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** The name to show, or an empty string when nothing usable is left. */
    static String forDisplay(String raw) {
        if (raw == null) {
            return "";
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().filter(FileNames::isKept).forEach(c -> out.appendCodePoint(isReplaced(c) ? '_' : c));
        String cleaned = out.toString().replaceAll("\\s+", " ").strip();
        cleaned = stripDots(cleaned);
        return shorten(cleaned);
    }

    private static boolean isKept(int c) {
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return false;
        }
        boolean bidiControl = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        return !bidiControl && c != 0xFEFF; // LRM, RLM and ALM, which Arabic text uses, stay (as in Validation)
    }

    /** Characters Windows refuses in a name, and quotes that break naive headers and markup. */
    private static boolean isReplaced(int c) {
        return c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|';
    }

    /** "." and ".." are folders, and a leading dot hides a file on download. */
    private static String stripDots(String name) {
        int start = 0;
        while (start < name.length() && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        int end = name.length();
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Cuts the base name, keeping a short extension, without splitting a surrogate pair. */
    private static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        int keep = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--;
        }
        return name.substring(0, keep).strip() + extension;
    }
}
