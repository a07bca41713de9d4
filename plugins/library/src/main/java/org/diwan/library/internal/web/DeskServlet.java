package org.diwan.library.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
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
import org.diwan.library.internal.holdings.Items;
import org.diwan.library.internal.holdings.Loan;
import org.diwan.library.internal.holdings.OverdueNotices;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The circulation desk, for holders of {@link LibraryPlugin#CIRCULATION}: lend a copy by its barcode to a user (due
 * after the loan period on the working calendar, or on a date the desk types), take one back by its barcode, renew,
 * send the overdue notices now, and the open loans, longest overdue first. A refusal names why and changes nothing.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern(DeskServlet.BASE + "/*")
@HttpWhiteboardServletName("library-desk")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class DeskServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String BASE = "/diwan/library/desk";
    private static final int SHOWN = 200;

    private final transient Circulation circulation;
    private final transient OverdueNotices overdue;
    private final transient Pages pages;
    private final transient LoanRows rows;

    @Activate
    public DeskServlet(@Reference Circulation circulation, @Reference OverdueNotices overdue, @Reference Catalogue catalogue,
            @Reference Pages pages) {
        this.circulation = circulation;
        this.overdue = overdue;
        this.pages = pages;
        this.rows = new LoanRows(catalogue, circulation);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, LibraryPlugin.CIRCULATION, (page, rq, rs) -> {
            if (!page.path().isEmpty()) {
                return false;
            }
            render(page, rq, rs, 200, Map.of());
            return true;
        });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, LibraryPlugin.CIRCULATION, this::act);
    }

    private boolean act(PageRequest page, HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        List<String> path = page.path();
        String step = path.isEmpty() ? "" : path.get(0);
        Map<String, Object> done = new HashMap<>();
        Validation v = new Validation();
        try {
            switch (step) {
                case "lend" -> {
                    LocalDate due = v.date("dueOn", page.param("dueOn"), false);
                    if (!v.isValid()) {
                        break;
                    }
                    Loan loan = circulation.lend(page.param("barcode"), page.param("borrower"), due, page.actor(), page.address());
                    done.put("lent", Map.of("barcode", Items.barcode(page.param("barcode")), "borrower",
                            loan.borrower(), "due", page.date(loan.dueOn())));
                }
                case "return" -> {
                    Circulation.Returned back = circulation.giveBack(page.param("barcode"), page.actor(), page.address());
                    done.put("returned", Map.of("barcode", back.item().barcode(), "heldFor", back.heldFor() == null ? "" : back.heldFor()));
                }
                case "renew" -> {
                    if (path.size() != 2) {
                        return false;
                    }
                    Loan loan = circulation.renew(path.get(1), null, page.actor(), page.address());
                    done.put("renewed", Map.of("due", page.date(loan.dueOn())));
                }
                case "overdue" -> done.put("notices", page.number(overdue.sendNow()));
                default -> {
                    return false;
                }
            }
        } catch (CirculationRefused no) {
            v.reject(step, no.messageKey(), no.args().toArray());
            done.put("status", no.status());
        }
        if (!v.isValid()) {
            Map<String, Object> model = new HashMap<>(done);
            model.put("refusal", String.join(" ", pages.fieldErrors(request, v).values()));
            model.put("typed", Map.of("barcode", page.param("barcode"), "borrower", page.param("borrower"), "dueOn", page.param("dueOn")));
            render(page, request, response, done.containsKey("status") ? (int) done.get("status") : 422, model);
            return true;
        }
        render(page, request, response, 200, done);
        return true;
    }

    private void render(PageRequest page, HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> extra)
            throws IOException, SQLException {
        Map<String, Object> model = new HashMap<>();
        model.put("loans", rows.loans(circulation.openLoans(SHOWN), page, true));
        model.put("loanDays", page.number(circulation.settings().loanDays()));
        model.put("typed", Map.of("barcode", "", "borrower", "", "dueOn", ""));
        model.put("refusal", null);
        model.putAll(extra);
        pages.render(request, response, status, "library/desk", model);
    }
}
