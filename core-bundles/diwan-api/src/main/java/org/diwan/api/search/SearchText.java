package org.diwan.api.search;

import java.util.Objects;

import org.diwan.api.i18n.Language;

/**
 * A piece of text to search in, and the language it is written in. With no language the script decides: text
 * with Arabic letters is analysed as Arabic, other text as both English and French (found by the stems of
 * either).
 *
 * @param field    the name a query can search in alone ({@code title}, {@code author}); see {@link SearchDocument}
 * @param text     the text; Latin words inside Arabic text are found too
 * @param language the language, or {@code null} to let the script decide
 */
public record SearchText(String field, String text, Language language) {

    public SearchText {
        SearchDocument.checkName(field);
        Objects.requireNonNull(text, "text");
    }
}
