package org.diwan.library.internal.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A title in a language or script the three interface languages do not hold: the Greek or Hebrew original, a
 * romanization ({@code ar-Latn}), a Tamazight parallel title. The cataloguer's form and the database keep them one
 * per line, {@code [language] text}; a title whose language is not known has no bracket.
 *
 * @param language a BCP 47 tag ({@code el}, {@code ar-Latn}, {@code zgh-Tfng}), or {@code null} when not known
 */
public record OtherTitle(String text, String language) {

    private static final Pattern LINE = Pattern.compile("^\\[([A-Za-z]{2,3}(?:-[A-Za-z]{4})?)]\\s*(.*)$");
    /** Longest text of one title, as the three language columns allow. */
    public static final int MAX_LENGTH = 1000;

    public OtherTitle {
        text = text == null ? "" : text.strip();
        language = language == null || language.isBlank() ? null : canonical(language);
    }

    /** The lines of a form field or a column; blank lines are skipped. */
    public static List<OtherTitle> parse(String lines) {
        List<OtherTitle> titles = new ArrayList<>();
        if (lines == null) {
            return titles;
        }
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            titles.add(m.matches() ? new OtherTitle(m.group(2), m.group(1)) : new OtherTitle(line, null));
        }
        return titles;
    }

    public static String format(List<OtherTitle> titles) {
        StringBuilder lines = new StringBuilder();
        for (OtherTitle t : titles) {
            lines.append(lines.length() == 0 ? "" : "\n").append(t.line());
        }
        return lines.toString();
    }

    public String line() {
        return language == null ? text : "[" + language + "] " + text;
    }

    /** The language without its script: {@code ar} for {@code ar-Latn}. */
    public String baseLanguage() {
        return language == null ? null : language.split("-")[0];
    }

    /** Right to left when its letters are. */
    public boolean rightToLeft() {
        return Scripts.rightToLeft(Scripts.of(text));
    }

    /** {@code ar-latn} → {@code ar-Latn}, as BCP 47 writes it. */
    private static String canonical(String tag) {
        String[] parts = tag.strip().split("-");
        String language = parts[0].toLowerCase(Locale.ROOT);
        if (parts.length == 1) {
            return language;
        }
        String script = parts[1].toLowerCase(Locale.ROOT);
        return language + "-" + Character.toUpperCase(script.charAt(0)) + script.substring(1);
    }
}
