package org.diwan.library.internal.web;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Messages;
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

    /** The record version a form names, or -1 (never a stored version). */
    static int version(String raw) {
        try {
            return raw == null ? -1 : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
