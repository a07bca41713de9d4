package org.diwan.library.internal.holdings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diwan.api.i18n.Language;

/**
 * Where copies are shelved, as the administrator lists them: {@code code=Arabic label|English label|French label}.
 * A copy keeps its code; a code no longer listed is shown as itself.
 */
public final class Locations {

    private final Map<String, List<String>> labels = new LinkedHashMap<>();

    public Locations(String... entries) {
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String code = (eq < 0 ? entry : entry.substring(0, eq)).trim();
            if (!code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("a location's code is lower-case letters, digits and dashes: " + entry);
            }
            String[] names = eq < 0 ? new String[0] : entry.substring(eq + 1).split("\\|", -1);
            labels.put(code, List.of(name(names, 0, code), name(names, 1, code), name(names, 2, code)));
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("at least one location");
        }
    }

    public Set<String> codes() {
        return labels.keySet();
    }

    public String first() {
        return labels.keySet().iterator().next();
    }

    public String label(String code, Language language) {
        List<String> names = labels.get(code);
        if (names == null) {
            return code;
        }
        return switch (language) {
            case AR -> names.get(0);
            case EN -> names.get(1);
            default -> names.get(2);
        };
    }

    private static String name(String[] names, int i, String code) {
        return i < names.length && !names[i].isBlank() ? names[i].trim() : code;
    }
}
