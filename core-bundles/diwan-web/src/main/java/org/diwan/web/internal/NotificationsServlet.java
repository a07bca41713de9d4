package org.diwan.web.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Language;
import org.diwan.api.notification.InboxItem;
import org.diwan.api.notification.Notifications;
import org.diwan.api.calendar.DualDate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /notifications}: the signed-in user's inbox, each notification in the reader's language. Opening one marks
 * it read and goes to its page; a user only ever sees and marks their own.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/notifications")
@HttpWhiteboardServletName("diwan-notifications")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
public final class NotificationsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 100;

    private final transient PageRenderer pages;
    private final transient Notifications notifications;

    @Activate
    public NotificationsServlet(@Reference PageRenderer pages, @Reference Notifications notifications) {
        this.pages = pages;
        this.notifications = notifications;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = WebSession.username().orElseThrow();
        Language language = pages.language(request);
        List<Map<String, Object>> items = notifications.inbox(user, 0, PAGE).stream().map(item -> view(item, language)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        pages.render(request, response, 200, "notifications", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = WebSession.username().orElseThrow();
        if (request.getParameter("all") != null) {
            notifications.markAllRead(user);
            response.sendRedirect("/notifications");
            return;
        }
        String open = request.getParameter("open");
        if (open == null || !open.matches("\\d{1,18}")) {
            pages.error(request, response, HttpServletResponse.SC_BAD_REQUEST, "error.badrequest");
            return;
        }
        long id = Long.parseLong(open);
        // the reader's own inbox only: another user's id finds nothing here and marks nothing there
        Optional<InboxItem> item = notifications.find(user, id);
        if (item.isEmpty()) {
            pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
            return;
        }
        notifications.markRead(user, id);
        String link = item.get().notification().link();
        response.sendRedirect(link == null ? "/notifications" : link);
    }

    private Map<String, Object> view(InboxItem item, Language language) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", item.id());
        view.put("text", pages.message(item.notification().messageKey(), language, item.notification().args().toArray()));
        view.put("at", DualDate.formatMoment(item.sentAt(), ZoneId.systemDefault(), language));
        view.put("read", item.read());
        view.put("link", item.notification().link());
        return view;
    }
}
