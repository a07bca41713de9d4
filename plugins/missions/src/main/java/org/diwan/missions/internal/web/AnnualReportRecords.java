package org.diwan.missions.internal.web;

import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordFile;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.report.AnnualReport;
import org.diwan.missions.internal.report.AnnualReportService;
import org.diwan.missions.internal.report.YearInReview;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The annual report (MIS-5) on the shell's record pages. A report answers under its year
 * ({@code /diwan/missions/report/2026}): the year by region and topic gathered from the correspondence, and its
 * analytical part as the form; {@code issue} is its action (with the approve permission), after which nothing is
 * edited; the issued documents are its files {@code issued/html} and {@code issued/pdf}.
 */
@Component(service = {RecordEditor.class, AnnualReportRecords.class}, property = "diwan.plugin=" + MissionsPlugin.ID)
public final class AnnualReportRecords implements RecordEditor<AnnualReport> {

    static final String BASE = "/diwan/missions/report";
    static final String ISSUE = "issue";
    static final String ISSUED = "issued";
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(BASE)
            .permissions(MissionsPlugin.REPORT_READ, MissionsPlugin.REPORT_WRITE)
            .templates("missions/annual-report")
            .columns(Column.plain("year", "missions.plan.year"), Column.plain("title", "missions.bulletin.heading"),
                    Column.plain("state", "missions.report.state").coded("missions.report.state."))
            .sortedBy("year", true)
            .formFields("title", "observations", "proposals")
            .actions(new RecordAction(ISSUE, MissionsPlugin.REPORT_APPROVE))
            .files(ISSUED)
            .build();

    private final AnnualReportService reports;

    @Activate
    public AnnualReportRecords(@Reference AnnualReportService reports) {
        this.reports = reports;
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    /** The reports, latest year first: one a year, few enough for one page. */
    @Override
    public ListPage<AnnualReport> list(ListQuery query, PageRequest request) throws SQLException {
        List<AnnualReport> all = reports.reports(request.actor());
        int from = Math.min(all.size(), query.page() * query.size());
        return new ListPage<>(all.subList(from, Math.min(all.size(), from + query.size())), all.size(), query.page(), query.size());
    }

    @Override
    public Optional<AnnualReport> find(String id, PageRequest request) throws SQLException {
        Optional<Integer> year = ActionPlanRecords.year(id);
        return year.isEmpty() ? Optional.empty() : Optional.of(reports.forYear(year.get(), request.actor()));
    }

    @Override
    public String id(AnnualReport report) {
        return Integer.toString(report.year());
    }

    @Override
    public Map<String, Object> view(AnnualReport report, PageRequest request) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", id(report));
        view.put("year", report.year());
        view.put("title", report.title());
        view.put("observations", report.observations() == null ? "" : report.observations());
        view.put("proposals", report.proposals() == null ? "" : report.proposals());
        view.put("version", report.version());
        view.put("state", report.state());
        view.put("issued", report.issued());
        view.put("issuedBy", report.issuedBy() == null ? "" : report.issuedBy());
        view.put("issuedAt", report.issuedAt() == null ? "" : request.dateTime(report.issuedAt()));
        return view;
    }

    /** The year by region and topic, gathered from the missions' correspondence. */
    @Override
    public Map<String, Object> details(AnnualReport report, PageRequest request) throws SQLException {
        YearInReview review = reports.review(report.year());
        List<Map<String, Object>> regions = new ArrayList<>();
        review.byRegion().forEach((region, topics) -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            topics.forEach((topic, t) -> rows.add(Map.of("topic", topic.name(), "count", request.number(t.count()),
                    "events", t.events().stream().map(e -> Map.of("subject", e.subject(), "date", request.day(e.date()),
                            "code", e.missionCode())).toList())));
            regions.add(Map.of("name", region.displayName().in(request.language()), "topics", rows));
        });
        return Map.of("regions", regions, "total", request.number(review.total()),
                "canIssue", request.permitted(MissionsPlugin.REPORT_APPROVE) && !report.issued());
    }

    @Override
    public Map<String, String> fields(AnnualReport report) {
        return Map.of("title", report.title(), "observations", report.observations() == null ? "" : report.observations(),
                "proposals", report.proposals() == null ? "" : report.proposals());
    }

    /** Reports are made by year, never from a form: {@code new} is refused by {@link #readOnlyHere}. */
    @Override
    public Outcome<AnnualReport> create(Map<String, String> fields, PageRequest request) {
        throw new UnsupportedOperationException("reports are made by year");
    }

    /** The analytical part; an issued report is not edited any more: the edit is stale, the issue being the change since. */
    @Override
    public Outcome<AnnualReport> update(AnnualReport report, int version, Map<String, String> fields, PageRequest request)
            throws SQLException {
        if (report.issued()) {
            return new Outcome.Stale<>(report, report.issuedBy(), report.issuedAt());
        }
        Validation v = new Validation();
        try {
            return reports.edit(report, version, fields, v, request.actor(), request.address())
                    ? Outcome.saved(reports.forYear(report.year(), request.actor())) : Outcome.invalid(v);
        } catch (StaleEditException stale) {
            return Outcome.stale(stale, AnnualReport.class);
        }
    }

    @Override
    public Optional<String> readOnlyHere(Optional<AnnualReport> report) {
        return report.isEmpty() ? Optional.of("missions.report.no-new") : Optional.empty();
    }

    /** Issues the report as HTML and PDF; refused when it was saved or issued since the page was loaded. */
    @Override
    public ActionOutcome act(String action, AnnualReport report, ActionInput input, PageRequest request) throws SQLException {
        if (report.issued()) {
            return new ActionOutcome.Refused(409, "missions.report.already-issued", List.of(), Map.of());
        }
        String raw = input.field("version");
        int version = raw.matches("\\d{1,9}") ? Integer.parseInt(raw) : -1;
        try {
            reports.issue(report, version, request.actor(), request.address());
            return ActionOutcome.done(id(report));
        } catch (StaleEditException stale) {
            AnnualReport now = stale.current(AnnualReport.class);
            return new ActionOutcome.Refused(409, "missions.conflict.by", List.of(now.updatedBy(), request.dateTime(now.updatedAt())), Map.of());
        } catch (PdfException | DocumentRefused e) {
            return new ActionOutcome.Refused(500, "missions.bulletin.not-issued", List.of(String.valueOf(e.getMessage())), Map.of());
        }
    }

    /** The issued report: {@code issued/pdf} or {@code issued/html}; nothing before it is issued. */
    @Override
    public Optional<RecordFile> file(AnnualReport report, String files, String fileId, PageRequest request) {
        boolean pdf = fileId.equals("pdf");
        String document = pdf ? report.pdfDocument() : fileId.equals("html") ? report.htmlDocument() : null;
        if (document == null) {
            return Optional.empty();
        }
        return Optional.of(new RecordFile() {
            @Override
            public String mediaType() {
                return pdf ? "application/pdf" : "text/html;charset=UTF-8";
            }

            @Override
            public String fileName() {
                return "annual-report-" + report.year() + (pdf ? ".pdf" : ".html");
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public InputStream open() {
                return reports.open(document);
            }
        });
    }
}
