package org.diwan.missions.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.report.AnnualReport;
import org.diwan.missions.internal.report.AnnualReportService;
import org.diwan.missions.internal.report.YearInReview;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The annual report (MIS-5): the year by region and topic, the analytical part's editor, issuing, and the
 * issued HTML and PDF ({@code /<year>/report.html}, {@code /<year>/report.pdf}).
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/missions/report/*")
@HttpWhiteboardServletName("missions-report")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class AnnualReportServlet extends DepartmentServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/diwan/missions/report";

    private final transient AnnualReportService reports;

    @Activate
    public AnnualReportServlet(@Reference AnnualReportService reports, @Reference CurrentUser user, @Reference Pages pages,
            @Reference Messages messages) {
        super(user, pages, messages);
        this.reports = reports;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, MissionsPlugin.REPORT_READ)) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        Optional<Integer> year = path.isEmpty() ? Optional.of(reports.today().getYear() - (reports.today().getMonthValue() < 3 ? 1 : 0))
                : year(path.get(0));
        try {
            if (year.isEmpty() || path.size() > 2) {
                pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
                return;
            }
            AnnualReport report = reports.forYear(year.get(), actor());
            if (path.size() == 2) {
                issued(request, response, report, path.get(1));
                return;
            }
            page(request, response, report, 200, Map.of(), Map.of(), null);
        } catch (SQLException e) {
            throw new ServletException("annual report unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, MissionsPlugin.REPORT_WRITE)) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        Optional<Integer> year = path.size() == 2 ? year(path.get(0)) : Optional.empty();
        if (year.isEmpty()) {
            pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
            return;
        }
        Map<String, String> f = pages.resolve(request).params();
        Language language = pages.language(request);
        try {
            AnnualReport report = reports.forYear(year.get(), actor());
            if (report.issued()) {
                page(request, response, report, HttpServletResponse.SC_CONFLICT, Map.of(), Map.of(), messages.get("missions.report.already-issued", language));
                return;
            }
            try {
                if (path.get(1).equals("edit")) {
                    Validation v = new Validation();
                    if (reports.edit(report, f, v, actor(), user.address())) {
                        response.sendRedirect(BASE + "/" + report.year() + "?saved=1");
                    } else {
                        page(request, response, report, 422, f, messages.fieldErrors(v.errors(), language), null);
                    }
                } else if (path.get(1).equals("issue")) {
                    if (pages.permitted(request, response, MissionsPlugin.REPORT_APPROVE)) {
                        reports.issue(report, Requests.version(f.get("version")), actor(), user.address());
                        response.sendRedirect(BASE + "/" + report.year() + "?issued=1");
                    }
                } else {
                    pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
                }
            } catch (StaleEditException stale) {
                page(request, response, reports.forYear(year.get(), actor()), HttpServletResponse.SC_CONFLICT, f, Map.of(),
                        messages.get("missions.conflict", language));
            } catch (PdfException | DocumentRefused e) {
                page(request, response, report, 500, f, Map.of(), messages.get("missions.bulletin.not-issued", language, e.getMessage()));
            }
        } catch (SQLException e) {
            throw new ServletException("annual report not saved", e);
        }
    }

    private void issued(HttpServletRequest request, HttpServletResponse response, AnnualReport report, String name) throws IOException {
        String document = switch (name) {
            case "report.pdf" -> report.pdfDocument();
            case "report.html" -> report.htmlDocument();
            default -> null;
        };
        if (document == null) {
            pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
            return;
        }
        boolean pdf = name.endsWith(".pdf");
        sendDocument(response, pdf ? "application/pdf" : "text/html;charset=UTF-8", pdf ? "annual-report-" + report.year() + ".pdf" : null, -1,
                reports.open(document));
    }

    private void page(HttpServletRequest request, HttpServletResponse response, AnnualReport report, int status, Map<String, String> input,
            Map<String, String> errors, String problem) throws IOException, SQLException {
        Language language = pages.language(request);
        YearInReview review = reports.review(report.year());
        List<Map<String, Object>> regions = new ArrayList<>();
        review.byRegion().forEach((region, topics) -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            topics.forEach((topic, t) -> rows.add(Map.of("topic", topic.name(), "count", Requests.number(t.count(), language),
                    "events", t.events().stream().map(e -> Map.of("subject", e.subject(), "date", Dates.day(e.date(), language),
                            "code", e.missionCode())).toList())));
            regions.add(Map.of("name", region.displayName().in(language), "topics", rows));
        });
        Map<String, Object> model = new HashMap<>();
        model.put("year", report.year());
        model.put("regions", regions);
        model.put("total", Requests.number(review.total(), language));
        model.put("title", input.getOrDefault("title", report.title()));
        model.put("observations", input.getOrDefault("observations", report.observations() == null ? "" : report.observations()));
        model.put("proposals", input.getOrDefault("proposals", report.proposals() == null ? "" : report.proposals()));
        model.put("version", report.version());
        model.put("issued", report.issued());
        model.put("issuedBy", report.issuedBy() == null ? "" : report.issuedBy());
        model.put("errors", errors);
        model.put("problem", problem);
        model.put("saved", request.getParameter("saved") != null);
        model.put("justIssued", request.getParameter("issued") != null);
        model.put("canWrite", user.isPermitted(MissionsPlugin.REPORT_WRITE) && !report.issued());
        model.put("canIssue", user.isPermitted(MissionsPlugin.REPORT_APPROVE) && !report.issued());
        pages.render(request, response, status, "missions/annual-report", model);
    }
}
