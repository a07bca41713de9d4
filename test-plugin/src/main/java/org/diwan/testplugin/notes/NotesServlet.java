package org.diwan.testplugin.notes;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

import org.diwan.api.web.CurrentUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The notes page: lists the notes (read permission) and adds one (write permission). */
@Component(service = Servlet.class, property = "diwan.plugin=notes")
@HttpWhiteboardServletPattern("/diwan/notes")
@HttpWhiteboardServletName("notes")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class NotesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient DataSource notes;
    private final transient CurrentUser user;

    @Activate
    public NotesServlet(@Reference(target = "(diwan.schema=notes)") DataSource notes, @Reference CurrentUser user) {
        this.notes = notes;
        this.user = user;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!user.isPermitted(NotesPlugin.READ)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><body><ul id=\"notes\">");
        try (Connection c = notes.getConnection(); PreparedStatement s = c.prepareStatement("SELECT text FROM note ORDER BY id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                html.append("<li>").append(escape(rs.getString(1))).append("</li>");
            }
        } catch (SQLException e) {
            throw new ServletException("notes not readable", e);
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html.append("</ul></body></html>").toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!user.isPermitted(NotesPlugin.WRITE)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String text = request.getParameter("text");
        if (text == null || text.isBlank() || text.length() > 500) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try (Connection c = notes.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO note (text) VALUES (?)")) {
            s.setString(1, text.strip());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new ServletException("note not saved", e);
        }
        response.sendRedirect("/diwan/notes");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
