package org.diwan.missions.internal.bulletin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;


import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.events.Announcement;
import org.diwan.api.events.Announcements;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.documents.Documents;
import org.diwan.api.documents.StoredDocument;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.pdf.PdfRenderer;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.api.persistence.StaleEditException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly bulletin (MIS-4): built from the month's correspondence, edited by staff, issued as HTML and PDF
 * in Arabic and in English and French where every text has a translation. Issuing keeps both documents in the
 * core documents service and announces them on the bus, from where the shipped route delivers them.
 */
@Component(service = BulletinService.class)
public final class BulletinService {

    private static final Logger LOG = LoggerFactory.getLogger(BulletinService.class);

    /** The record type of the bulletin's events ({@code diwan.events.missions.*}). */
    static final String TYPE = "bulletin";

    private final BulletinStore store;
    private final BulletinDocument documents;
    private final Documents documentStore;
    private final PdfRenderer pdf;
    private final Announcements announcements;
    private final AuditLog audit;
    private final RecordEvents events;
    private final Messages messages;
    private final Clock clock;

    @Activate
    public BulletinService(@Reference(target = "(diwan.schema=missions)") DataSource data, @Reference Documents documentStore,
            @Reference PdfRenderer pdf, @Reference Announcements announcements, @Reference AuditLog audit,
            @Reference Messages messages, @Reference MissionsSync sync, @Reference RecordEvents events) {
        this(new BulletinStore(data, Clock.systemUTC(), sync::bulletinIssued), documentStore, pdf, announcements, audit, events, messages,
                Clock.systemDefaultZone());
    }

    /** The service over a store of its own: how a test builds it, with a clock of its choosing. */
    public BulletinService(BulletinStore store, Documents documentStore, PdfRenderer pdf, Announcements announcements, AuditLog audit,
            RecordEvents events, Messages messages, Clock clock) {
        this.store = store;
        this.documents = new BulletinDocument(Countries.standard(), messages::get);
        this.documentStore = documentStore;
        this.pdf = pdf;
        this.announcements = announcements;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    public List<Bulletin> list() throws SQLException {
        return store.list();
    }

    public Optional<Bulletin> get(String id) throws SQLException {
        return store.get(id);
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /** Builds the month's draft; empty (with the reason in {@code v}) when the month is not valid or has one. */
    public Optional<String> build(String monthText, Validation v, String actor, String address) throws SQLException {
        String value = v.requiredLine("month", monthText, 7);
        YearMonth month = null;
        if (value != null) {
            try {
                month = YearMonth.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                v.reject("month", "validation.date");
            }
        }
        if (month != null && month.isAfter(currentMonth())) {
            v.reject("month", "missions.validation.future");
        }
        if (!v.isValid()) {
            return Optional.empty();
        }
        Bulletin.Texts title = new Bulletin.Texts(messages.get("missions.bulletin.default-title", Language.AR),
                messages.get("missions.bulletin.default-title", Language.EN), messages.get("missions.bulletin.default-title", Language.FR));
        String built = month.toString();
        YearMonth made = month;
        Optional<String> id = store.build(month, title, actor, (c, bulletin) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.bulletin.build", bulletin, built, address));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, TYPE, bulletin, 1, EventKind.CREATED, actor, clock.instant(),
                    fields(made, title, "DRAFT")));
        });
        if (id.isEmpty()) {
            v.reject("month", "missions.bulletin.exists");
            return Optional.empty();
        }
        return id;
    }

    /**
     * Saves the edit of a draft from the form: {@code title.ar/en/fr}, {@code intro.ar/en/fr}, and per item
     * {@code item.<id>.included}, {@code .position}, {@code .heading.<lang>}, {@code .text.<lang>}.
     */
    public boolean edit(Bulletin bulletin, int version, Map<String, String> f, Validation v, String actor, String address)
            throws SQLException, StaleEditException {
        Bulletin.Texts title = new Bulletin.Texts(v.requiredLine("title.ar", f.get("title.ar"), 300), v.line("title.en", f.get("title.en"), 300),
                v.line("title.fr", f.get("title.fr"), 300));
        Bulletin.Texts intro = new Bulletin.Texts(v.paragraph("intro.ar", f.get("intro.ar"), 4000), v.paragraph("intro.en", f.get("intro.en"), 4000),
                v.paragraph("intro.fr", f.get("intro.fr"), 4000));
        List<BulletinItem> items = new ArrayList<>();
        for (BulletinItem item : bulletin.items()) {
            String p = "item." + item.id() + ".";
            if (!f.containsKey(p + "heading.ar")) {
                items.add(item);
                continue;
            }
            Integer position = v.number(p + "position", f.getOrDefault(p + "position", Integer.toString(item.position())), 0, 100_000, true);
            items.add(new BulletinItem(item.id(), item.correspondenceId(), item.classification(), item.country(),
                    position == null ? item.position() : position, "on".equals(f.get(p + "included")) || "true".equals(f.get(p + "included")),
                    new Bulletin.Texts(v.requiredLine(p + "heading.ar", f.get(p + "heading.ar"), 300), v.line(p + "heading.en", f.get(p + "heading.en"), 300),
                            v.line(p + "heading.fr", f.get(p + "heading.fr"), 300)),
                    new Bulletin.Texts(v.paragraph(p + "text.ar", f.get(p + "text.ar"), 4000), v.paragraph(p + "text.en", f.get(p + "text.en"), 4000),
                            v.paragraph(p + "text.fr", f.get(p + "text.fr"), 4000))));
        }
        if (!v.isValid()) {
            return false;
        }
        store.saveDraft(bulletin.id(), version, title, intro, items, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.bulletin.edit", id, bulletin.month().toString(), address));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, TYPE, id, version + 1L, EventKind.CHANGED, actor, clock.instant(),
                    fields(bulletin.month(), title, "DRAFT")));
        });
        return true;
    }

    /** The bulletin as XHTML in the language, for the preview. */
    public String preview(Bulletin bulletin, Language language) {
        return documents.xhtml(bulletin, language);
    }

    /**
     * Issues the draft at {@code version}: renders HTML and PDF in every complete language, stores them, and in one
     * transaction marks the bulletin issued, writes its audit entry and record events, and announces each language on
     * {@code diwan.events.missions.bulletin-issued} through the node's event outbox: an issued bulletin is announced
     * once the broker is there, one whose issue failed never is. Nothing is issued if rendering or storing fails.
     */
    public Map<Language, Bulletin.Issue> issue(Bulletin bulletin, int version, String actor, String address)
            throws SQLException, StaleEditException, PdfException, DocumentRefused {
        Map<Language, byte[]> pdfs = new EnumMap<>(Language.class);
        Map<Language, String> htmls = new EnumMap<>(Language.class);
        Map<Language, Bulletin.Issue> issues = render(bulletin, actor, pdfs, htmls);
        store.markIssued(bulletin.id(), version, issues, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.bulletin.issue", id, bulletin.month() + " " + issues.keySet(), address));
            Map<String, Object> fields = fields(bulletin.month(), bulletin.title(), "ISSUED");
            fields.put("languages", String.join(",", issues.keySet().stream().map(Language::tag).toList()));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, TYPE, id, version + 1L, EventKind.CHANGED, actor, clock.instant(), fields));
            events.publish(c, RecordEvent.stateChanged(MissionsPlugin.ID, TYPE, id, version + 1L, "DRAFT", "ISSUED", actor, clock.instant(),
                    fields));
            for (Language language : issues.keySet()) {
                for (Announcement announcement : BulletinAnnouncement.of(bulletin, language, bulletin.title().in(language), actor,
                        htmls.get(language), pdfs.get(language))) {
                    announcements.announce(c, announcement);
                }
            }
        });
        return issues;
    }

    /** The event body: the bulletin is published, so its month, titles and state are anyone's to read. */
    private static Map<String, Object> fields(YearMonth month, Bulletin.Texts title, String state) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("month", month.toString());
        fields.put("titleAr", title.ar());
        fields.put("titleEn", title.en());
        fields.put("titleFr", title.fr());
        fields.put("status", state);
        return fields;
    }

    /** Whether the bulletin has its HTML and PDF on this node. */
    public boolean hasDocuments(String id) throws SQLException {
        return store.get(id).map(b -> !b.issues().isEmpty()).orElse(false);
    }

    /**
     * Renders a bulletin received from headquarters into this node's own documents, with the same code that
     * issued it there. Not announced on the bus: announcing is headquarters' part.
     */
    public void renderReceived(String id) throws SQLException, PdfException, DocumentRefused {
        Bulletin bulletin = store.get(id).orElseThrow(() -> new SQLException("bulletin " + id + " not stored"));
        store.replaceIssues(id, render(bulletin, "sync", new EnumMap<>(Language.class), new EnumMap<>(Language.class)));
        LOG.info("Bulletin {} received from headquarters and rendered in {}", bulletin.month(), bulletin.languages());
    }

    /** HTML and PDF of every complete language, stored in the documents service. */
    private Map<Language, Bulletin.Issue> render(Bulletin bulletin, String actor, Map<Language, byte[]> pdfs, Map<Language, String> htmls)
            throws PdfException, DocumentRefused {
        Map<Language, Bulletin.Issue> issues = new EnumMap<>(Language.class);
        for (Language language : bulletin.languages()) {
            String html = documents.xhtml(bulletin, language);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.render(html, out);
            String name = "bulletin-" + bulletin.month() + "-" + language.tag();
            StoredDocument htmlDocument = store(name + ".html", html.getBytes(StandardCharsets.UTF_8), actor);
            byte[] rendered = out.toByteArray();
            StoredDocument pdfDocument = store(name + ".pdf", rendered, actor);
            issues.put(language, new Bulletin.Issue(htmlDocument.id(), pdfDocument.id()));
            pdfs.put(language, rendered);
            htmls.put(language, html);
        }
        return issues;
    }

    /** The content of an issued document of the bulletin, for download. */
    public InputStream open(String documentId) {
        return documentStore.open(documentId);
    }

    private StoredDocument store(String name, byte[] content, String actor) throws DocumentRefused {
        return documentStore.store(MissionsPlugin.ID, name, new ByteArrayInputStream(content), Set.of("text/html", "application/xhtml+xml",
                "application/pdf", "text/plain", "application/xml", "text/xml"), actor);
    }
}
