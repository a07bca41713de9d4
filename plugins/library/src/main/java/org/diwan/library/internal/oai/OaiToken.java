package org.diwan.library.internal.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A resumption token: everything the next page needs, so that the provider keeps no state and a token stays
 * valid across restarts. The harvest's upper bound is fixed at its first request: records changed after it
 * wait for the next harvest instead of appearing twice or moving under the harvester.
 */
record OaiToken(String metadataPrefix, String set, Instant from, Instant until, String afterId, int cursor) {

    private static final String VERSION = "1";

    String encode() {
        String raw = String.join("|", VERSION, metadataPrefix, nz(set), from == null ? "" : Long.toString(from.getEpochSecond()),
                Long.toString(until.toEpochMilli()), afterId, Integer.toString(cursor));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static OaiToken decode(String token) throws OaiError {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 7 || !parts[0].equals(VERSION) || parts[5].isEmpty()) {
                throw new IllegalArgumentException("shape");
            }
            return new OaiToken(parts[1], parts[2].isEmpty() ? null : parts[2], parts[3].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(parts[3])),
                    Instant.ofEpochMilli(Long.parseLong(parts[4])), parts[5], Integer.parseInt(parts[6]));
        } catch (IllegalArgumentException e) {
            throw new OaiError("badResumptionToken", "The resumption token is not one this repository issued");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
