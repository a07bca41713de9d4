package org.diwan.api.validation;

/**
 * Text that came from outside (a login name as typed, an id a peer sent), made safe to log: every control and
 * format character (terminal escapes, line breaks, direction overrides) is written as {@code \}{@code uXXXX}. The
 * node's log layouts replace control characters as well; this keeps what was sent readable in the log line.
 */
public final class LogText {

    private LogText() {
    }

    public static String escaped(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
