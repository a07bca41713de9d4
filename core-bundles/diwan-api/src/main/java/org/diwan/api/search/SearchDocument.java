package org.diwan.api.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.diwan.api.i18n.Language;

/**
 * One record as the search index holds it: the plugin's id, texts to search in, keywords to filter and count
 * by (facets), and numbers to filter by range and sort by. Only the id comes back from a search: the plugin
 * loads its records and checks what the user may see.
 *
 * <p>Field names are letters, digits and {@code _}, starting with a letter. A text field and a keyword may
 * share a name ({@code subject} searched as words and counted as a facet).
 *
 * @param id       the record's id, unique in its collection; indexing a document with the same id replaces it
 * @param texts    the searchable texts, several per field allowed (a title in three languages)
 * @param keywords exact values per field (type, body, year, language, subject, access level), several allowed
 * @param numbers  one whole number per field (year, date as epoch day)
 */
public record SearchDocument(String id, List<SearchText> texts, Map<String, List<String>> keywords, Map<String, Long> numbers) {

    /** Longest id, keyword value or field name accepted. */
    public static final int MAX_TERM_LENGTH = 500;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    public SearchDocument {
        checkTerm("id", id);
        texts = List.copyOf(texts);
        Map<String, List<String>> copied = new LinkedHashMap<>();
        keywords.forEach((name, values) -> {
            checkName(name);
            values.forEach(value -> checkTerm(name, value));
            copied.put(name, List.copyOf(values));
        });
        keywords = Map.copyOf(copied);
        numbers.keySet().forEach(SearchDocument::checkName);
        numbers = Map.copyOf(numbers);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Search field name '" + name + "': letters, digits and _, starting with a letter, at most 64");
        }
        return name;
    }

    private static void checkTerm(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.length() > MAX_TERM_LENGTH) {
            throw new IllegalArgumentException("Search " + what + " must have 1 to " + MAX_TERM_LENGTH + " characters");
        }
    }

    /** Collects a document's fields in the order a plugin reads them off its record. */
    public static final class Builder {

        private final String id;
        private final List<SearchText> texts = new ArrayList<>();
        private final Map<String, List<String>> keywords = new LinkedHashMap<>();
        private final Map<String, Long> numbers = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        /** Adds text in a known language; blank or {@code null} text is skipped. */
        public Builder text(String field, String text, Language language) {
            if (text != null && !text.isBlank()) {
                texts.add(new SearchText(field, text, language));
            }
            return this;
        }

        /** Adds text whose script decides how it is analysed; blank or {@code null} text is skipped. */
        public Builder text(String field, String text) {
            return text(field, text, null);
        }

        /** Adds a keyword value; {@code null} or empty is skipped. */
        public Builder keyword(String field, String value) {
            if (value != null && !value.isEmpty()) {
                keywords.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
            }
            return this;
        }

        /** Sets a number; {@code null} is skipped. */
        public Builder number(String field, Long value) {
            if (value != null) {
                numbers.put(field, value);
            }
            return this;
        }

        public SearchDocument build() {
            return new SearchDocument(id, texts, keywords, numbers);
        }
    }
}
