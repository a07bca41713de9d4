package org.diwan.missions.internal.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.documents.Documents;
import org.diwan.api.documents.StoredDocument;
import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.pdf.PdfRenderer;
import org.diwan.api.reference.Countries;
import org.diwan.api.reference.Region;
import org.diwan.api.validation.Validation;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.common.Xhtml;
import org.diwan.missions.internal.correspondence.Classification;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The annual report (MIS-5): the year's events and issues by region and topic, gathered from the missions'
 * correspondence, and the analytical part (observations and proposals) written by staff; issued like the
 * bulletin as HTML and PDF, kept by the documents service.
 */
@Component(service = AnnualReportService.class)
public final class AnnualReportService {

    /** The record type of the report's events ({@code diwan.events.missions.*}). */
    static final String TYPE = "annual-report";

    private final AnnualReportStore store;
    private final Countries countries = Countries.standard();
    private final Documents documents;
    private final PdfRenderer pdf;
    private final AuditLog audit;
    private final RecordEvents events;
    private final Messages messages;
    private final Clock clock;

    @Activate
    public AnnualReportService(@Reference(target = "(diwan.schema=missions)") DataSource data, @Reference Documents documents,
            @Reference PdfRenderer pdf, @Reference AuditLog audit, @Reference Messages messages, @Reference RecordEvents events) {
        this(new AnnualReportStore(data, Countries.standard(), Clock.systemUTC()), documents, pdf, audit, events, messages,
                Clock.systemDefaultZone());
    }

    /** The service over a store of its own: how a test builds it, with a clock of its choosing. */
    public AnnualReportService(AnnualReportStore store, Documents documents, PdfRenderer pdf, AuditLog audit, RecordEvents events,
            Messages messages, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.pdf = pdf;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The year a report is being written for: last year's until March, this year's after. */
    public int currentYear() {
        return today().getYear() - (today().getMonthValue() < 3 ? 1 : 0);
    }

    /** The year's report, made as a draft the first time it is asked for. */
    public AnnualReport forYear(int year, String actor) throws SQLException {
        String title = messages.get("missions.report.default-title", Language.AR, Integer.toString(year));
        return store.forYear(year, title, actor, (c, id) -> events.publish(c, RecordEvent.of(MissionsPlugin.ID, TYPE, id, 1,
                EventKind.CREATED, actor, clock.instant(), fields(year, title, "DRAFT"))));
    }

    /** The reports kept here, latest year first, with the current year's made. */
    public List<AnnualReport> reports(String actor) throws SQLException {
        forYear(currentYear(), actor);
        List<AnnualReport> reports = new ArrayList<>();
        for (int year : store.years()) {
            store.find(year).ifPresent(reports::add);
        }
        return reports;
    }

    public YearInReview review(int year) throws SQLException {
        return store.review(year);
    }

    /**
     * Saves the analytical part, made from {@code version}: false with the refusals in {@code v}.
     *
     * @throws StaleEditException carrying the report as it is now, when saved or issued since {@code version}
     */
    public boolean edit(AnnualReport report, int version, Map<String, String> f, Validation v, String actor, String address)
            throws SQLException, StaleEditException {
        String title = v.requiredLine("title", f.get("title"), 300);
        String observations = v.paragraph("observations", f.get("observations"), 16000);
        String proposals = v.paragraph("proposals", f.get("proposals"), 16000);
        if (!v.isValid()) {
            return false;
        }
        store.saveDraft(report, version, title, observations, proposals, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.report.edit", id, Integer.toString(report.year()), address));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, TYPE, id, version + 1L, EventKind.CHANGED, actor, clock.instant(),
                    fields(report.year(), title, "DRAFT")));
        });
        return true;
    }

    /**
     * Renders the report as HTML and PDF, stores both with the documents service and marks the report issued.
     *
     * @throws StaleEditException carrying the report as it is now, when saved or issued since {@code version}
     */
    public void issue(AnnualReport report, int version, String actor, String address)
            throws SQLException, StaleEditException, PdfException, DocumentRefused {
        String html = xhtml(report, store.review(report.year()), Language.AR);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.render(html, out);
        Set<String> types = Set.of("text/html", "application/xhtml+xml", "application/xml", "text/xml", "text/plain", "application/pdf");
        StoredDocument htmlDocument = documents.store(MissionsPlugin.ID, "annual-report-" + report.year() + ".html",
                new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), types, actor);
        StoredDocument pdfDocument = documents.store(MissionsPlugin.ID, "annual-report-" + report.year() + ".pdf",
                new ByteArrayInputStream(out.toByteArray()), types, actor);
        store.markIssued(report, version, htmlDocument.id(), pdfDocument.id(), actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.report.issue", id, Integer.toString(report.year()), address));
            Map<String, Object> fields = fields(report.year(), report.title(), "ISSUED");
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, TYPE, id, version + 1L, EventKind.CHANGED, actor, clock.instant(), fields));
            events.publish(c, RecordEvent.stateChanged(MissionsPlugin.ID, TYPE, id, version + 1L, "DRAFT", "ISSUED", actor, clock.instant(),
                    fields));
        });
    }

    /** The event body: what anyone on the bus may read (the analytical part stays in Diwan until issued). */
    private static Map<String, Object> fields(int year, String title, String state) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("year", year);
        fields.put("title", title);
        fields.put("status", state);
        return fields;
    }

    public InputStream open(String documentId) {
        return documents.open(documentId);
    }

    /** The report as one XHTML document: title, the year by region and topic, observations, proposals. */
    public String xhtml(AnnualReport report, YearInReview review, Language language) {
        DigitStyle digits = DigitStyle.defaultFor(language);
        StringBuilder html = new StringBuilder(32_768);
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(language.tag())
                .append("\" dir=\"").append(language.direction()).append("\"><head><meta charset=\"UTF-8\"/><title>").append(Xhtml.escape(report.title()))
                .append("</title><style>body { font-size: 10.5pt; line-height: 1.5; } h1 { color: #0b6e4f; font-size: 19pt; }"
                        + " h2 { font-size: 15pt; border-bottom: 1px solid #d5dde4; } h3 { font-size: 12pt; color: #5b6b7a; }"
                        + " p { margin: 0.2em 0 0.5em 0; white-space: pre-line; } .count { color: #5b6b7a; }"
                        + " @page { size: A4; margin: 2cm; }</style></head><body>");
        html.append("<h1>").append(Xhtml.escape(report.title())).append("</h1>");
        html.append("<p class=\"count\">").append(Xhtml.escape(messages.get("missions.report.total", language,
                digits.apply(Integer.toString(review.total()))))).append("</p>");
        for (Map.Entry<Region, Map<Classification, YearInReview.Topic>> region : review.byRegion().entrySet()) {
            html.append("<h2>").append(Xhtml.escape(region.getKey().displayName().in(language))).append("</h2>");
            for (Map.Entry<Classification, YearInReview.Topic> topic : region.getValue().entrySet()) {
                html.append("<h3>").append(Xhtml.escape(messages.get("missions.bulletin.topic." + topic.getKey().name(), language)))
                        .append(" <span class=\"count\">(").append(digits.apply(Integer.toString(topic.getValue().count()))).append(")</span></h3>");
                for (YearInReview.Event event : topic.getValue().events()) {
                    html.append("<p><b>").append(Xhtml.escape(event.subject())).append("</b> — ")
                            .append(Xhtml.escape(countries.name(event.country(), language))).append(language == Language.AR ? "، " : ", ")
                            .append(digits.apply(event.date().toString())).append("</p>");
                }
            }
        }
        html.append("<h2>").append(Xhtml.escape(messages.get("missions.report.observations", language))).append("</h2><p>")
                .append(Xhtml.escape(report.observations() == null ? "—" : report.observations())).append("</p>");
        html.append("<h2>").append(Xhtml.escape(messages.get("missions.report.proposals", language))).append("</h2><p>")
                .append(Xhtml.escape(report.proposals() == null ? "—" : report.proposals())).append("</p></body></html>");
        return html.toString();
    }
}
