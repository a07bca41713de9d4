package org.diwan.api.web;

import java.io.IOException;
import java.sql.SQLException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.record.PageRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page that is not a record's (a search, an import, a list of the visitor's own things), served through
 * {@link Pages#serve}: the shell has checked the permission and resolved the request; the handler answers the paths it
 * knows and leaves every other path to the shell's 404.
 */
@ConsumerType
@FunctionalInterface
public interface PageHandler {

    /**
     * Answers the request, or returns false (having written nothing) when {@code page.path()} names none of this
     * servlet's pages: the shell then sends its 404 page.
     */
    boolean handle(PageRequest page, HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException, SQLException;
}
