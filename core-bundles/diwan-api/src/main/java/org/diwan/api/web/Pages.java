package org.diwan.api.web;

import java.io.IOException;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Language;
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
}
