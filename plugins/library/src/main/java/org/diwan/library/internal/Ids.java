package org.diwan.library.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.diwan.api.validation.Validation;

/** The library's record and authority ids (UUIDs) as forms and imports name them. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,،]+");

    private Ids() {
    }

    /** Whether {@code text}, in lower case, is an id. */
    public static boolean isId(String text) {
        return ID.matcher(text).matches();
    }

    /**
     * The ids in {@code raw} (separated by commas or spaces), lower case, each once, in order; empty with the
     * refusal in {@code v} under {@code field} when one is not an id.
     */
    public static List<String> parse(String raw, Validation v, String field) {
        List<String> ids = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return ids;
        }
        for (String part : SEPARATORS.split(raw.strip())) {
            String id = part.toLowerCase(Locale.ROOT);
            if (!isId(id)) {
                v.reject(field, "library.validation.authority-unknown");
                return List.of();
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }
}
