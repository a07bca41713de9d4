package org.diwan.web.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.diwan.api.i18n.Language;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.record.PageRequest;

/** The parts of a request the shell hands a department once, as a {@link PageRequest}. */
final class RequestParts {

    private RequestParts() {
    }

    /**
     * The parameters a page may read before its servlet decides about the body: all of them for a query or a plain
     * form, the query string's alone for a multipart body, whose parts are the servlet's to read within the documents
     * limit (asking Jetty for the parameters would parse, and store, the whole upload first).
     */
    static Map<String, String> readableParameters(HttpServletRequest request) {
        String type = request.getContentType();
        boolean multipart = type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
        return multipart ? queryOnly(request) : parameters(request);
    }

    static PageRequest pageRequest(HttpServletRequest request, Map<String, String> parameters, Language language, CurrentUser user) {
        return new PageRequest(segments(request), parameters, language, user.username().orElse("anonymous"), user.address(), user::isPermitted);
    }

    /** The path segments after the servlet's pattern: {@code /abc/edit} gives [abc, edit]. */
    static List<String> segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return List.of();
        }
        return List.of(info.substring(1).split("/", -1));
    }

    static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        return params;
    }

    /** A POST's query string alone: its body is the form, read later. */
    static Map<String, String> queryOnly(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = request.getQueryString();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException malformed) {
                // a broken %-escape: that pair is ignored, as Jetty ignores it in getParameter
            }
        }
        return params;
    }
}
