package org.diwan.web.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The shell's start page at {@code /}; any other path nobody serves gets the not-found page. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-home")
public final class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PageRenderer pages;
    private final transient ErrorPages errors;

    @Activate
    public HomeServlet(@Reference PageRenderer pages, @Reference ErrorPages errors) {
        this.pages = pages;
        this.errors = errors;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/".equals(ShiroSecurity.pathOf(request))) {
            errors.send(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        AttackNotice.take(WebSession.subject().getSession(false))
                .ifPresent(failures -> model.put("attackNotice", AttackNotice.text(pages, failures, WebSession.language(request))));
        pages.render(request, response, HttpServletResponse.SC_OK, "home", model);
    }
}
