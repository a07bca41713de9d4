package org.diwan.library.internal.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The dates harvesters may name (protocol 3.3): UTC, {@code YYYY-MM-DD} or {@code YYYY-MM-DDThh:mm:ssZ}, real
 * calendar dates only, years 0001 to 9999 (what the database holds; year 0000 does not exist in it).
 */
final class OaiDates {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private OaiDates() {
    }

    /**
     * A {@code from} or {@code until} argument as an instant. An {@code until} names its whole day or second, as the
     * protocol's inclusive bound: its last millisecond, so that a record changed at 10:00:00.456 (shown with the
     * datestamp 10:00:00Z) is within {@code until=...T10:00:00Z}.
     */
    static Instant parse(String value, boolean endOfPeriod) throws OaiError {
        try {
            if (DAY.matcher(value).matches() && !value.startsWith("0000")) {
                LocalDate day = LocalDate.parse(value);
                return endOfPeriod ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1) : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (SECOND.matcher(value).matches() && !value.startsWith("0000")) {
                // strict, unlike Instant.parse, which takes 24:00:00 and 23:59:60 for the next or the same second
                Instant second = LocalDateTime.parse(value.substring(0, value.length() - 1), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .toInstant(ZoneOffset.UTC);
                return endOfPeriod ? second.plusSeconds(1).minusMillis(1) : second;
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal
        }
        throw OaiError.badArgument("Not a UTC date from 0001 to 9999 in the repository's granularity (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ): "
                + XmlChars.shown(value));
    }
}
