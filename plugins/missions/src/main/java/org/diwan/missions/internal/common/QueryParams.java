package org.diwan.missions.internal.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reading list filters from query parameters: a value that does not parse is ignored, never an error. */
public final class QueryParams {

    private QueryParams() {
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public static int number(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    public static LocalDate date(String value) {
        try {
            return blank(value) ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
