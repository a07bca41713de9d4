package org.diwan.workflows.internal;

import java.util.regex.Pattern;

import org.diwan.api.workflow.Workflows;

/** The checks of what callers hand in: ids and comments come, in the end, from a browser. */
final class Inputs {

    private static final Pattern MARKUP = Pattern.compile("<\\s*[\\p{L}/!?]");
    private static final int ACTOR = 64;

    private Inputs() {
    }

    static String recordId(String id) {
        if (id == null || id.isBlank() || id.length() > Workflows.MAX_RECORD_ID || id.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a record id is 1-" + Workflows.MAX_RECORD_ID + " characters without control characters: "
                    + quoted(id));
        }
        return id;
    }

    static String actor(String username) {
        if (username.length() > ACTOR) {
            throw new IllegalArgumentException("an actor's name is at most " + ACTOR + " characters");
        }
        return username;
    }

    /** The comment stripped, or null when blank; refused when too long or holding markup or control characters. */
    static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String text = comment.strip();
        if (text.length() > Workflows.MAX_COMMENT) {
            throw new IllegalArgumentException("a comment is at most " + Workflows.MAX_COMMENT + " characters, not " + text.length());
        }
        if (MARKUP.matcher(text).find()) {
            throw new IllegalArgumentException("a comment is plain text: markup such as <tag> is refused");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069)) {
            // as Validation refuses them in forms: bidi overrides can make a comment read otherwise than stored
            throw new IllegalArgumentException("a comment may not hold control characters or bidi overrides");
        }
        return text;
    }

    /** A value for an error message: shortened, control characters shown as '?'. */
    static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 60 ? value.substring(0, 60) + "\u2026" : value;
        return "'" + shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "'";
    }
}
