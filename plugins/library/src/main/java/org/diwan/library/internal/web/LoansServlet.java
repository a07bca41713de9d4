package org.diwan.library.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.validation.Validation;
import org.diwan.api.web.Pages;
import org.diwan.api.web.record.PageRequest;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.holdings.Circulation;
import org.diwan.library.internal.holdings.CirculationRefused;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * "My loans", for every signed-in user (staff borrow whatever their roles): their open loans with due dates and a
 * renew button, their reservations (waiting, or a copy on the hold shelf for them) with a cancel button. Only the
 * visitor's own: another's loan or reservation is "not found".
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern(Circulation.MY_LOANS + "/*")
@HttpWhiteboardServletName("library-loans")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class LoansServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Circulation circulation;
    private final transient Pages pages;
    private final transient LoanRows rows;

    @Activate
    public LoansServlet(@Reference Circulation circulation, @Reference Catalogue catalogue, @Reference Pages pages) {
        this.circulation = circulation;
        this.pages = pages;
        this.rows = new LoanRows(catalogue, circulation);
    }

    // no permission: every user of the node may borrow; the shell's filter already requires a login below /diwan
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, null, (page, rq, rs) -> {
            if (!page.path().isEmpty()) {
                return false;
            }
            render(page, rq, rs, 200, Map.of());
            return true;
        });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, null, this::act);
    }

    /** {@code {loan}/renew} and {@code reservations/{id}/cancel}. */
    private boolean act(PageRequest page, HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        List<String> path = page.path();
        boolean renew = path.size() == 2 && path.get(1).equals("renew");
        boolean cancel = path.size() == 3 && path.get(0).equals("reservations") && path.get(2).equals("cancel");
        if (!renew && !cancel) {
            return false;
        }
        try {
            if (renew) {
                circulation.renew(path.get(0), page.actor(), page.actor(), page.address());
                response.sendRedirect(Circulation.MY_LOANS + "?done=renewed");
            } else {
                circulation.cancel(path.get(1), page.actor(), page.actor(), page.address());
                response.sendRedirect(Circulation.MY_LOANS + "?done=cancelled");
            }
            return true;
        } catch (CirculationRefused no) {
            if (no.status() == 404) {
                return false;
            }
            Validation v = new Validation();
            v.reject("loan", no.messageKey(), no.args().toArray());
            render(page, request, response, no.status(), Map.of("refusal", String.join(" ", pages.fieldErrors(request, v).values())));
            return true;
        }
    }

    private void render(PageRequest page, HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> extra)
            throws IOException, SQLException {
        Map<String, Object> model = new HashMap<>();
        model.put("loans", rows.loans(circulation.loansOf(page.actor()), page, false));
        model.put("reservations", rows.reservations(circulation.reservationsOf(page.actor()), page));
        String done = page.param("done");
        model.put("done", done.equals("renewed") || done.equals("cancelled") ? done : null);
        model.put("refusal", null);
        model.putAll(extra);
        pages.render(request, response, status, "library/loans", model);
    }
}
