package org.diwan.missions.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.validation.FieldError;
import org.diwan.missions.internal.common.QueryParams;

/** Small helpers the department's servlets share: parameters as a map, query strings, localized errors. */
final class Requests {

    private Requests() {
    }

    /** The first value of every parameter, as typed. */
    static Map<String, String> params(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        return params;
    }

    /** The path segments after the servlet's pattern: {@code /abc/edit} gives [abc, edit]. */
    static List<String> segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return List.of();
        }
        return List.of(info.substring(1).split("/", -1));
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

    static Map<String, String> localized(Map<String, FieldError> errors, Messages messages, Language language) {
        Map<String, String> texts = new LinkedHashMap<>();
        errors.forEach((field, error) -> texts.put(field, messages.get(error.messageKey(), language, error.args().toArray())));
        return texts;
    }
}
