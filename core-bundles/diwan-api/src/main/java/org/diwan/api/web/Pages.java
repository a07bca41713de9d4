package org.diwan.api.web;

import java.io.IOException;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Language;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a plugin's pages inside the shell, so that every department looks and behaves the same: the
 * shell's header and navigation, the visitor's language and direction, today's date in both calendars.
 *
 * <p>A plugin ships Thymeleaf templates as {@code templates/<name>.html} and its texts as
 * {@code messages/messages_ar.properties} (and {@code _en}, {@code _fr}, UTF-8) in its bundle. It names a
 * template {@code <pluginId>/<name>}; its keys start with {@code <pluginId>.}. Templates include the shell's
 * fragments ({@code ~{fragments :: head(title)}}, {@code ~{fragments :: topbar}}) and can use the model values
 * the shell adds: {@code lang}, {@code dir}, {@code csrf} (the form field {@code _csrf} every POST needs),
 * {@code user}, {@code today}.
 */
@ProviderType
public interface Pages {

    void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
            Map<String, Object> model) throws IOException;

    /** The language the visitor chose, or Arabic. */
    Language language(HttpServletRequest request);

    /** The shell's error page with the given status and message key, in the visitor's language. */
    void error(HttpServletRequest request, HttpServletResponse response, int status, String messageKey) throws IOException;

    /**
     * True when the visitor holds the permission; otherwise the shell's 403 page has been sent and the servlet stops.
     * Call it before anything reads the request's parameters: a form's body is not read for someone who may not send it.
     */
    boolean permitted(HttpServletRequest request, HttpServletResponse response, String permission) throws IOException;

    /**
     * What the shell knows of this request, resolved once: the path below the servlet's pattern, the parameters (query
     * and form, the first value of each), the visitor's language, login name, address and permissions. Reading the
     * parameters reads a plain form's body: resolve after {@link #permitted}. A multipart body is never read here (only
     * its query string's parameters are given): its parts are the servlet's to read, within the documents limit.
     */
    PageRequest resolve(HttpServletRequest request);

    /**
     * Serves a page that is not a record's the same way in every department: without {@code permission} the shell's
     * 403 page (the body unread); then the request {@link #resolve resolved} once and handed to {@code handler}; a path
     * the handler does not know gets the shell's 404 page, and a failing database a 500 (a {@link ServletException}).
     *
     * @param permission the permission the page needs, or null for a page open to everyone (the public catalogue)
     */
    void serve(HttpServletRequest request, HttpServletResponse response, String permission, PageHandler handler)
            throws IOException, ServletException;

    /** The refusals of a form, field by field, in the visitor's language, for the fields' error texts. */
    Map<String, String> fieldErrors(HttpServletRequest request, Validation validation);
}
