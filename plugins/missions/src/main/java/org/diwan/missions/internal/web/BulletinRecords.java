package org.diwan.missions.internal.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.i18n.Language;
import org.diwan.api.node.NodeRole;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.reference.Countries;
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
import org.diwan.missions.internal.bulletin.Bulletin;
import org.diwan.missions.internal.bulletin.BulletinItem;
import org.diwan.missions.internal.bulletin.BulletinService;
import org.diwan.missions.internal.sync.MissionsSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The monthly bulletin (MIS-4) on the shell's record pages. Building a month's bulletin is the form
 * ({@code POST base/new} with its {@code month}); a draft's texts (titles, introductions, every item in three
 * languages, included or not, in order) are saved by its {@code compose} action, since their fields are named by
 * the items; {@code issue} needs the approve permission; the preview and the issued HTML and PDF are its files
 * ({@code preview/ar}, {@code html/en}, {@code pdf/fr}). Headquarters builds and issues; a mission receives them issued.
 */
@Component(service = {RecordEditor.class, BulletinRecords.class}, property = "diwan.plugin=" + MissionsPlugin.ID)
public final class BulletinRecords implements RecordEditor<Bulletin> {

    static final String BASE = "/diwan/missions/bulletins";
    static final String COMPOSE = "compose";
    static final String ISSUE = "issue";
    private static final List<String> FILES = List.of("preview", "html", "pdf");
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(BASE)
            .permissions(MissionsPlugin.BULLETIN_READ, MissionsPlugin.BULLETIN_WRITE)
            .templates("missions/bulletin")
            .columns(Column.plain("month", "missions.bulletin.month"), Column.plain("title", "missions.bulletin.heading"),
                    Column.plain("items", "missions.bulletin.items"), Column.plain("state", "missions.field.status").coded("missions.bulletin.state."))
            .sortedBy("month", true)
            .formFields("month")
            .actions(new RecordAction(COMPOSE, MissionsPlugin.BULLETIN_WRITE), new RecordAction(ISSUE, MissionsPlugin.BULLETIN_APPROVE))
            .files(FILES.toArray(String[]::new))
            .build();

    private final BulletinService bulletins;
    private final MissionsSync sync;
    private final Countries countries = Countries.standard();

    @Activate
    public BulletinRecords(@Reference BulletinService bulletins, @Reference MissionsSync sync) {
        this.bulletins = bulletins;
        this.sync = sync;
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    /** The bulletins, newest month first: twelve a year, so the list pages in memory. */
    @Override
    public ListPage<Bulletin> list(ListQuery query, PageRequest request) throws SQLException {
        List<Bulletin> all = bulletins.list();
        int from = Math.min(all.size(), query.page() * query.size());
        return new ListPage<>(all.subList(from, Math.min(all.size(), from + query.size())), all.size(), query.page(), query.size());
    }

    @Override
    public Optional<Bulletin> find(String id, PageRequest request) throws SQLException {
        return bulletins.get(id);
    }

    @Override
    public Map<String, Object> view(Bulletin b, PageRequest request) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", b.id());
        view.put("month", b.month().toString());
        view.put("title", b.title().in(request.language()) == null ? b.title().ar() : b.title().in(request.language()));
        view.put("items", request.number(b.items().stream().filter(BulletinItem::included).count()));
        view.put("state", b.state());
        view.put("issued", b.issued());
        view.put("issuedBy", b.issuedBy() == null ? "" : b.issuedBy());
        view.put("version", b.version());
        view.put("languages", b.languages().stream().map(Language::tag).toList());
        view.put("issues", b.issues().keySet().stream().map(Language::tag).toList());
        return view;
    }

    /** The draft's texts as the compose form shows them (what was typed, after a refusal), and its items. */
    @Override
    public Map<String, Object> details(Bulletin b, PageRequest request) {
        Map<String, String> f = new HashMap<>();
        for (Language l : Language.values()) {
            f.put("title." + l.tag(), nz(b.title().in(l)));
            f.put("intro." + l.tag(), nz(b.intro().in(l)));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (BulletinItem item : b.items()) {
            String p = "item." + item.id() + ".";
            Map<String, Object> row = new HashMap<>();
            row.put("id", item.id());
            row.put("topic", item.classification().name());
            row.put("country", countries.name(item.country(), request.language()));
            row.put("position", item.position());
            row.put("included", item.included());
            for (Language l : Language.values()) {
                f.put(p + "heading." + l.tag(), nz(item.heading().in(l)));
                f.put(p + "text." + l.tag(), nz(item.text().in(l)));
            }
            items.add(row);
        }
        boolean hq = sync.owns(NodeRole.HQ);
        Map<String, Object> details = new HashMap<>();
        details.put("texts", f);
        details.put("bulletinItems", items);
        details.put("canCompose", hq && !b.issued() && request.permitted(MissionsPlugin.BULLETIN_WRITE));
        details.put("canIssue", hq && !b.issued() && request.permitted(MissionsPlugin.BULLETIN_APPROVE));
        return details;
    }

    @Override
    public Map<String, String> fields(Bulletin b) {
        return Map.of("month", b.month().toString());
    }

    @Override
    public Map<String, String> defaults(PageRequest request) {
        return Map.of("month", bulletins.currentMonth().toString());
    }

    @Override
    public Map<String, Object> choices(PageRequest request) {
        return Map.of("currentMonth", bulletins.currentMonth().toString());
    }

    /** Builds the month's draft from its correspondence; a month is built once. */
    @Override
    public Outcome<Bulletin> create(Map<String, String> fields, PageRequest request) throws SQLException {
        Validation v = new Validation();
        Optional<String> id = bulletins.build(fields.get("month"), v, request.actor(), request.address());
        return id.isPresent() ? Outcome.saved(bulletins.get(id.get()).orElseThrow()) : Outcome.invalid(v);
    }

    /** A bulletin keeps the month it was built for: its texts are its {@code compose} action's. */
    @Override
    public Outcome<Bulletin> update(Bulletin b, int version, Map<String, String> fields, PageRequest request) {
        if (b.issued()) {
            return new Outcome.Stale<>(b, b.issuedBy(), b.issuedAt());
        }
        return Outcome.invalid("month", "missions.bulletin.month-kept");
    }

    /** Bulletins are headquarters' to build, edit and issue: a mission receives them issued. */
    @Override
    public Optional<String> readOnlyHere(Optional<Bulletin> b) {
        return sync.owns(NodeRole.HQ) ? Optional.empty() : Optional.of("missions.sync.readOnly");
    }

    /** Saves a draft's texts or issues it; an issued bulletin is neither (409), nor is one saved since the page was loaded. */
    @Override
    public ActionOutcome act(String action, Bulletin b, ActionInput input, PageRequest request) throws SQLException {
        if (b.issued()) {
            return new ActionOutcome.Refused(409, "missions.bulletin.already-issued", List.of(), Map.of());
        }
        String raw = input.field("version");
        int version = raw.matches("\\d{1,9}") ? Integer.parseInt(raw) : -1;
        try {
            if (action.equals(COMPOSE)) {
                Validation v = new Validation();
                return bulletins.edit(b, version, input.form(), v, request.actor(), request.address()) ? ActionOutcome.done(b.id())
                        : ActionOutcome.invalid(v);
            }
            bulletins.issue(b, version, request.actor(), request.address());
            return ActionOutcome.done(b.id());
        } catch (StaleEditException stale) {
            Bulletin now = stale.current(Bulletin.class);
            return new ActionOutcome.Refused(409, "missions.conflict.by", List.of(now.updatedBy(), request.dateTime(now.updatedAt())), Map.of());
        } catch (PdfException | DocumentRefused e) {
            return new ActionOutcome.Refused(500, "missions.bulletin.not-issued", List.of(String.valueOf(e.getMessage())), Map.of());
        }
    }

    /**
     * {@code preview/<lang>} of a draft, {@code html/<lang>} and {@code pdf/<lang>} of an issued language. The HTML is
     * Diwan's own page (every text escaped by the bulletin's renderer): sent without a file name, it is shown.
     */
    @Override
    public Optional<RecordFile> file(Bulletin b, String files, String fileId, PageRequest request) {
        Optional<Language> language = Language.fromTag(fileId).filter(l -> l.tag().equals(fileId));
        if (language.isEmpty()) {
            return Optional.empty();
        }
        if (files.equals("preview")) {
            return b.issued() || !b.languages().contains(language.get()) ? Optional.empty()
                    : Optional.of(file("text/html;charset=UTF-8", null, () -> new ByteArrayInputStream(
                            bulletins.preview(b, language.get()).getBytes(StandardCharsets.UTF_8))));
        }
        Bulletin.Issue issue = b.issues().get(language.get());
        if (issue == null) {
            return Optional.empty();
        }
        boolean pdf = files.equals("pdf");
        return Optional.of(file(pdf ? "application/pdf" : "text/html;charset=UTF-8", pdf ? "bulletin-" + b.month() + "-" + fileId + ".pdf" : null,
                () -> bulletins.open(pdf ? issue.pdfDocument() : issue.htmlDocument())));
    }

    private interface Content {
        InputStream open();
    }

    private static RecordFile file(String mediaType, String fileName, Content content) {
        return new RecordFile() {
            @Override
            public String mediaType() {
                return mediaType;
            }

            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public InputStream open() {
                return content.open();
            }
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
