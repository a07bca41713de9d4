package org.diwan.web.internal;

import java.io.IOException;
import java.sql.SQLException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.PageHandler;
import org.diwan.api.web.Pages;
import org.diwan.api.web.record.PageRequest;

/**
 * {@link Pages#serve}: the order every page that is not a record's keeps, so that no department writes it again:
 * permission first (a body is never read for someone who may not send it), the request resolved once, a path nobody
 * answers is the shell's 404.
 */
final class PlainPages {

    private PlainPages() {
    }

    static void serve(Pages pages, HttpServletRequest request, HttpServletResponse response, String permission, PageHandler handler)
            throws IOException, ServletException {
        if (permission != null && !pages.permitted(request, response, permission)) {
            return;
        }
        PageRequest page = pages.resolve(request);
        boolean answered;
        try {
            answered = handler.handle(page, request, response);
        } catch (SQLException e) {
            throw new ServletException("page " + request.getRequestURI() + " unavailable", e);
        }
        if (!answered) {
            pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
        }
    }
}
