package org.diwan.missions.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.diwan.api.i18n.Language;
import org.diwan.missions.internal.common.QueryParams;

/** Small helpers the department's servlets share: query strings, versions, numbers in the reader's digits. */
final class Requests {

    private Requests() {
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The record version a form or request names, or -1 (never a stored version) when absent or not a number. */
    static int version(String raw) {
        return QueryParams.number(raw, -1);
    }

    /** A number as the reader's language writes it (Arabic-Indic digits in Arabic). */
    static String number(long value, Language language) {
        return org.diwan.api.i18n.DigitStyle.defaultFor(language).apply(Long.toString(value));
    }
}
