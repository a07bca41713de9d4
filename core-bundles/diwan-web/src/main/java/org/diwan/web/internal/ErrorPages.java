package org.diwan.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell's refusals in the visitor's language: an error page for people, and for the JSON APIs
 * ({@code /api/…}) an RFC 9457 problem document, so that no client ever gets the servlet container's bare page.
 */
@Component(service = ErrorPages.class)
public final class ErrorPages {

    static final String PROBLEM_JSON = "application/problem+json;charset=UTF-8";

    private final PageRenderer pages;

    @Activate
    public ErrorPages(@Reference PageRenderer pages) {
        this.pages = pages;
    }

    void send(HttpServletRequest request, HttpServletResponse response, int status, String messageKey) throws IOException {
        if (AccessRules.isApi(ShiroSecurity.pathOf(request))) {
            problem(request, response, status, messageKey);
        } else {
            pages.error(request, response, status, messageKey);
        }
    }

    /**
     * {@code {"type":"about:blank","title":…,"status":…,"error":…,"detail":…}}: {@code error} is the message key's
     * last part, the code the departments' APIs also use in their own error bodies.
     */
    void problem(HttpServletRequest request, HttpServletResponse response, int status, String messageKey) throws IOException {
        String detail = pages.message(messageKey, pages.language(request));
        String code = messageKey.substring(messageKey.lastIndexOf('.') + 1);
        String body = "{\"type\":\"about:blank\",\"title\":" + SyncStatusJson.quote(pages.message("error.title", pages.language(request)))
                + ",\"status\":" + status + ",\"error\":" + SyncStatusJson.quote(code) + ",\"detail\":" + SyncStatusJson.quote(detail) + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
