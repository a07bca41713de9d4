package org.diwan.api.validation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with one submitted form, field by field, while reading its values. Each method
 * returns the cleaned value (stripped, Unicode NFC) or {@code null} when the field is empty or refused, and
 * records the reason; the caller saves nothing unless {@link #isValid()}.
 *
 * <p>Text is refused, not silently altered, when it holds bidi embedding, override or isolate controls
 * (U+202A–U+202E, U+2066–U+2069: they can make a name read differently from what is stored), control
 * characters, or markup ({@code <tag}); the marks LRM, RLM and ALM that Arabic text legitimately uses pass.
 * Not thread-safe: one instance per request.
 */
public final class Validation {

    private static final Pattern MARKUP = Pattern.compile("<\\s*[\\p{L}/!?]");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>]+@[^\\s@<>]+\\.[^\\s@<>]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-.]{5,30}");

    private final Map<String, FieldError> errors = new LinkedHashMap<>();

    /** A one-line text that must be present. */
    public String requiredLine(String field, String raw, int maxLength) {
        String value = line(field, raw, maxLength);
        if (value == null && !errors.containsKey(field)) {
            reject(field, "validation.required");
        }
        return value;
    }

    /** A one-line text that may be empty. */
    public String line(String field, String raw, int maxLength) {
        return text(field, raw, maxLength, false);
    }

    /** A text of several lines (a summary, a comment) that may be empty. */
    public String paragraph(String field, String raw, int maxLength) {
        return text(field, raw, maxLength, true);
    }

    /** A text of several lines that must be present. */
    public String requiredParagraph(String field, String raw, int maxLength) {
        String value = paragraph(field, raw, maxLength);
        if (value == null && !errors.containsKey(field)) {
            reject(field, "validation.required");
        }
        return value;
    }

    /** One of the allowed values (an enum's names, say), or null when empty and not required. */
    public String choice(String field, String raw, Set<String> allowed, boolean required) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (required) {
                reject(field, "validation.required");
            }
            return null;
        }
        if (!allowed.contains(value)) {
            reject(field, "validation.choice");
            return null;
        }
        return value;
    }

    /** An ISO date ({@code 2026-11-25}), as the browser's date input sends it. */
    public LocalDate date(String field, String raw, boolean required) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (required) {
                reject(field, "validation.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            reject(field, "validation.date");
            return null;
        }
    }

    /** A whole number between the bounds, inclusive. */
    public Integer number(String field, String raw, int min, int max, boolean required) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (required) {
                reject(field, "validation.required");
            }
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                reject(field, "validation.range", min, max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            reject(field, "validation.number");
            return null;
        }
    }

    public String email(String field, String raw) {
        String value = line(field, raw, 254);
        if (value != null && !EMAIL.matcher(value).matches()) {
            reject(field, "validation.email");
            return null;
        }
        return value;
    }

    public String phone(String field, String raw) {
        String value = line(field, raw, 30);
        if (value != null && !PHONE.matcher(value).matches()) {
            reject(field, "validation.phone");
            return null;
        }
        return value;
    }

    /** Records a refusal the caller decided itself (an unknown country, a date before another). */
    public void reject(String field, String messageKey, Object... args) {
        errors.putIfAbsent(field, FieldError.of(messageKey, args));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    /** Field name to reason, in the order the fields were read. */
    public Map<String, FieldError> errors() {
        return Collections.unmodifiableMap(errors);
    }

    private String text(String field, String raw, int maxLength, boolean multiline) {
        if (raw == null) {
            return null;
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (multiline) {
            value = value.replace("\r\n", "\n");
        }
        if (value.isEmpty()) {
            return null;
        }
        String refusal = refusal(value, multiline);
        if (refusal != null) {
            reject(field, refusal);
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            reject(field, "validation.too-long", maxLength);
            return null;
        }
        return value;
    }

    private static String refusal(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return "validation.bidi";
            }
            boolean allowedControl = c == '\t' || (multiline && c == '\n');
            if (Character.getType(c) == Character.CONTROL && !allowedControl) {
                return "validation.control";
            }
        }
        return MARKUP.matcher(value).find() ? "validation.markup" : null;
    }
}
