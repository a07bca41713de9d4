package org.diwan.library.internal.oai;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a resumption token carries: everything the next page needs, so that the provider keeps no state and a
 * token stays valid across restarts. The harvest's upper bound is fixed at its first request: records changed
 * after it wait for the next harvest instead of appearing twice or moving under the harvester.
 * <p>
 * {@link OaiTokens} signs the payload; {@link #parse(String)} still checks every field, so that a token can
 * never carry a value the first request would have refused (a date the database cannot hold, say).
 */
record OaiToken(String metadataPrefix, String set, Instant from, Instant until, String afterId, int cursor) {

    /** The range of dates a harvest may name: the years 0001 to 9999, as in the arguments and the database. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    /** Far beyond any catalogue, far below an int overflow when a page is added. */
    static final int MAX_CURSOR = 1_000_000_000;
    static final String FIRST = "-";
    /** Version 1 tokens were unsigned: they are refused, and a harvest in progress starts again. */
    private static final String VERSION = "2";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,19}");

    String payload() {
        return String.join("|", VERSION, metadataPrefix, set == null ? "" : set, from == null ? "" : Long.toString(from.getEpochSecond()),
                Long.toString(until.toEpochMilli()), afterId, Integer.toString(cursor));
    }

    static OaiToken parse(String payload) throws OaiError {
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 7 || !parts[0].equals(VERSION)) {
            throw refused("shape");
        }
        try {
            OaiProvider.prefix(parts[1]);
            OaiProvider.setType(parts[2].isEmpty() ? null : parts[2]);
        } catch (OaiError e) {
            throw refused("format or set");
        }
        Instant from = parts[3].isEmpty() ? null : Instant.ofEpochSecond(number(parts[3], EARLIEST.getEpochSecond(), LATEST.getEpochSecond()));
        Instant until = Instant.ofEpochMilli(number(parts[4], EARLIEST.toEpochMilli(), LATEST.toEpochMilli()));
        if (from != null && from.isAfter(until)) {
            throw refused("from after until");
        }
        if (!parts[5].equals(FIRST) && !ID.matcher(parts[5]).matches()) {
            throw refused("position");
        }
        int cursor = (int) number(parts[6], 0, MAX_CURSOR);
        return new OaiToken(parts[1], parts[2].isEmpty() ? null : parts[2], from, until, parts[5], cursor);
    }

    private static long number(String text, long min, long max) throws OaiError {
        if (!NUMBER.matcher(text).matches()) {
            throw refused("number");
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw refused("out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw refused("number");
        }
    }

    /** One answer for every reason, so that a forger learns nothing from it. */
    static OaiError refused(String why) {
        return OaiError.badResumptionToken("The resumption token is not one this repository issued, or its harvest is over");
    }
}
