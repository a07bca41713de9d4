package org.diwan.library.internal.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Messages;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.Viewer;

/** What the library's page servlets share: the user, the shell's pages and texts, the same refusals everywhere. */
abstract class LibraryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    protected final transient CurrentUser user;
    protected final transient Pages pages;
    protected final transient Messages messages;

    protected LibraryServlet(CurrentUser user, Pages pages, Messages messages) {
        this.user = user;
        this.pages = pages;
        this.messages = messages;
    }

    /** True when the user holds the permission; otherwise the shell's 403 page is sent. */
    protected boolean allowed(HttpServletRequest request, HttpServletResponse response, String permission) throws IOException {
        if (user.isPermitted(permission)) {
            return true;
        }
        pages.error(request, response, HttpServletResponse.SC_FORBIDDEN, "error.forbidden");
        return false;
    }

    protected void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
    }

    protected String actor() {
        return user.username().orElse("anonymous");
    }

    /** The signed-in user's eyes: restricted records need their own permission. */
    protected Viewer staffViewer() {
        return user.isPermitted(LibraryPlugin.CATALOGUE_READ_RESTRICTED) ? Viewer.RESTRICTED : Viewer.STAFF;
    }

    /** The refusals of a form, field by field, in the visitor's language. */
    protected Map<String, String> localized(HttpServletRequest request, Validation v) {
        Map<String, String> texts = new LinkedHashMap<>();
        v.errors().forEach((field, error) -> texts.put(field, messages.get(error.messageKey(), pages.language(request), error.args().toArray())));
        return texts;
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

    /** The record version a form names, or -1 (never a stored version). */
    static int version(String raw) {
        try {
            return raw == null ? -1 : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
