package org.diwan.missions.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Messages;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.DocumentResponses;
import org.diwan.api.web.Pages;

/**
 * What every page servlet of the department shares: the user, the shell's pages and texts, and the same
 * refusals (403, 404) and error texts everywhere.
 */
abstract class DepartmentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    protected final transient CurrentUser user;
    protected final transient Pages pages;
    protected final transient Messages messages;

    protected DepartmentServlet(CurrentUser user, Pages pages, Messages messages) {
        this.user = user;
        this.pages = pages;
        this.messages = messages;
    }

    /**
     * True when the record is this node's to edit; otherwise a 403 page that says the other node owns it
     * (headquarters the directory and bulletins, a mission its correspondence): sync never sees two editors.
     */
    protected boolean editableHere(HttpServletRequest request, HttpServletResponse response, boolean editable) throws IOException {
        if (editable) {
            return true;
        }
        pages.error(request, response, HttpServletResponse.SC_FORBIDDEN, "missions.sync.readOnly");
        return false;
    }

    protected void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
    }

    protected String actor() {
        return user.username().orElse("anonymous");
    }

    /** Sends a stored document or generated file: {@link DocumentResponses#send}. */
    protected static void sendDocument(HttpServletResponse response, String contentType, String fileName, long length, InputStream content)
            throws IOException {
        DocumentResponses.send(response, contentType, fileName, length, content);
    }

    /** A year in a path, within the years Diwan's records can hold. */
    static Optional<Integer> year(String raw) {
        try {
            int year = Integer.parseInt(raw);
            return year < 1900 || year > 2200 ? Optional.empty() : Optional.of(year);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
