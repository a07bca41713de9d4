package org.diwan.web.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.security.AccountException;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.api.security.MailSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * A user's own account: their e-mail address and whether notifications go there too. Only ever the signed-in
 * user's own account: the form names no account, so no one sets another's address here (admins do it at
 * {@code /admin/users}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(AccountServlet.PATH)
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-account")
public final class AccountServlet extends HttpServlet {

    static final String PATH = "/account";
    private static final long serialVersionUID = 1L;

    private final transient PageRenderer pages;
    private final transient Accounts accounts;

    @Activate
    public AccountServlet(@Reference PageRenderer pages, @Reference Accounts accounts) {
        this.pages = pages;
        this.accounts = accounts;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        MailSettings mail = accounts.mailSettings(self());
        Map<String, Object> model = new HashMap<>();
        model.put("mailAddress", mail.address() == null ? "" : mail.address());
        model.put("notifyByMail", mail.notifyByMail());
        if (request.getParameter("saved") != null) {
            model.put("notice", "account.mail.saved");
        }
        show(request, response, HttpServletResponse.SC_OK, model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = WebSession.param(request, "mailAddress");
        boolean notify = request.getParameter("notifyByMail") != null;
        try {
            accounts.setMailSettings(self(), new MailSettings(address, notify), new Actor(self(), request.getRemoteAddr()));
            response.sendRedirect(PATH + "?saved=1");
        } catch (AccountException e) {
            Map<String, Object> model = new HashMap<>();
            model.put("mailAddress", address);
            model.put("notifyByMail", notify);
            model.put("error", pages.message(e.messageKey(), WebSession.language(request)));
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, model);
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> model) throws IOException {
        model.put("username", self());
        pages.render(request, response, status, "account", model);
    }

    private static String self() {
        return WebSession.username().orElseThrow();
    }
}
