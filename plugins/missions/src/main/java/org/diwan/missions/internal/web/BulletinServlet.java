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
import org.diwan.api.node.NodeRole;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.api.web.record.PageRequest;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.bulletin.Bulletin;
import org.diwan.missions.internal.bulletin.BulletinItem;
import org.diwan.missions.internal.bulletin.BulletinService;
import org.diwan.api.persistence.StaleEditException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Monthly bulletin pages (MIS-4): the list of bulletins and the form to build a month's; a draft's editor
 * (titles, introduction and every item in three languages, included or not, in order); the preview; issuing;
 * the issued HTML and PDF per language.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/missions/bulletins/*")
@HttpWhiteboardServletName("missions-bulletins")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class BulletinServlet extends DepartmentServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/diwan/missions/bulletins";

    private final transient BulletinService bulletins;
    private final transient MissionsSync sync;
    private final transient Countries countries = Countries.standard();

    @Activate
    public BulletinServlet(@Reference BulletinService bulletins, @Reference CurrentUser user, @Reference Pages pages, @Reference Messages messages,
            @Reference MissionsSync sync) {
        super(user, pages, messages);
        this.bulletins = bulletins;
        this.sync = sync;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, MissionsPlugin.BULLETIN_READ)) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        try {
            if (path.isEmpty()) {
                list(request, response, 200, Map.of(), null);
                return;
            }
            Optional<Bulletin> bulletin = bulletins.get(path.get(0));
            if (bulletin.isEmpty()) {
                notFound(request, response);
            } else if (path.size() == 1) {
                editor(request, response, bulletin.get(), 200, Map.of(), Map.of(), null);
            } else if (path.size() == 2 && path.get(1).equals("preview")) {
                Language language = Language.fromTag(request.getParameter("lang")).orElse(Language.AR);
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write(bulletins.preview(bulletin.get(), language));
            } else if (path.size() == 3 && (path.get(1).equals("html") || path.get(1).equals("pdf"))) {
                issued(request, response, bulletin.get(), path.get(1), path.get(2));
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("bulletins unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        // bulletins are headquarters' to build and issue: a mission receives them issued
        if (!pages.permitted(request, response, MissionsPlugin.BULLETIN_WRITE) || !editableHere(request, response, sync.owns(NodeRole.HQ))) {
            return;
        }
        PageRequest resolved = pages.resolve(request);
        List<String> path = resolved.path();
        Map<String, String> fields = resolved.params();
        Validation v = new Validation();
        try {
            if (path.isEmpty()) {
                Optional<String> id = bulletins.build(fields.get("month"), v, actor(), user.address());
                if (id.isPresent()) {
                    response.sendRedirect(BASE + "/" + id.get());
                } else {
                    list(request, response, 422, messages.fieldErrors(v.errors(), pages.language(request)), fields.get("month"));
                }
                return;
            }
            Optional<Bulletin> bulletin = bulletins.get(path.get(0));
            if (bulletin.isEmpty() || path.size() != 2) {
                notFound(request, response);
            } else if (bulletin.get().issued()) {
                editor(request, response, bulletin.get(), HttpServletResponse.SC_CONFLICT, Map.of(), Map.of(),
                        messages.get("missions.bulletin.already-issued", pages.language(request)));
            } else if (path.get(1).equals("edit")) {
                edit(request, response, bulletin.get(), fields, v);
            } else if (path.get(1).equals("issue")) {
                issue(request, response, bulletin.get(), fields);
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("bulletin not saved", e);
        }
    }

    private void edit(HttpServletRequest request, HttpServletResponse response, Bulletin bulletin, Map<String, String> fields, Validation v)
            throws IOException, SQLException {
        try {
            if (bulletins.edit(bulletin, Requests.version(fields.get("version")), fields, v, actor(), user.address())) {
                response.sendRedirect(BASE + "/" + bulletin.id() + "?saved=1");
            } else {
                editor(request, response, bulletin, 422, fields, messages.fieldErrors(v.errors(), pages.language(request)), null);
            }
        } catch (StaleEditException stale) {
            Bulletin current = bulletins.get(bulletin.id()).orElse(bulletin);
            editor(request, response, current, HttpServletResponse.SC_CONFLICT, fields, Map.of(),
                    messages.get("missions.conflict", pages.language(request)));
        }
    }

    private void issue(HttpServletRequest request, HttpServletResponse response, Bulletin bulletin, Map<String, String> fields)
            throws IOException, SQLException {
        if (!pages.permitted(request, response, MissionsPlugin.BULLETIN_APPROVE)) {
            return;
        }
        Language language = pages.language(request);
        try {
            bulletins.issue(bulletin, Requests.version(fields.get("version")), actor(), user.address());
            response.sendRedirect(BASE + "/" + bulletin.id() + "?issued=1");
        } catch (StaleEditException stale) {
            editor(request, response, bulletins.get(bulletin.id()).orElse(bulletin), HttpServletResponse.SC_CONFLICT, Map.of(), Map.of(),
                    messages.get("missions.conflict", language));
        } catch (PdfException | DocumentRefused e) {
            editor(request, response, bulletin, 500, Map.of(), Map.of(), messages.get("missions.bulletin.not-issued", language, e.getMessage()));
        }
    }

    private void issued(HttpServletRequest request, HttpServletResponse response, Bulletin bulletin, String format, String tag)
            throws IOException {
        Optional<Language> language = Language.fromTag(tag);
        Bulletin.Issue issue = language.map(l -> bulletin.issues().get(l)).orElse(null);
        if (issue == null) {
            notFound(request, response);
            return;
        }
        boolean pdf = format.equals("pdf");
        sendDocument(response, pdf ? "application/pdf" : "text/html;charset=UTF-8", pdf ? "bulletin-" + bulletin.month() + "-" + tag + ".pdf" : null,
                -1, bulletins.open(pdf ? issue.pdfDocument() : issue.htmlDocument()));
    }

    private void list(HttpServletRequest request, HttpServletResponse response, int status, Map<String, String> errors, String month)
            throws IOException, SQLException {
        Language language = pages.language(request);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Bulletin b : bulletins.list()) {
            rows.add(Map.of("id", b.id(), "month", b.month().toString(), "title", b.title().in(language) == null ? b.title().ar() : b.title().in(language),
                    "issued", b.issued(), "items", Requests.number(b.items().stream().filter(BulletinItem::included).count(), language)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("bulletins", rows);
        model.put("errors", errors);
        model.put("month", month == null ? bulletins.currentMonth().toString() : month);
        model.put("canWrite", user.isPermitted(MissionsPlugin.BULLETIN_WRITE) && sync.owns(NodeRole.HQ));
        pages.render(request, response, status, "missions/bulletin-list", model);
    }

    private void editor(HttpServletRequest request, HttpServletResponse response, Bulletin b, int status, Map<String, String> input,
            Map<String, String> errors, String problem) throws IOException {
        Language language = pages.language(request);
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
            row.put("country", countries.name(item.country(), language));
            row.put("position", item.position());
            row.put("included", item.included());
            for (Language l : Language.values()) {
                row.put("heading_" + l.tag(), nz(item.heading().in(l)));
                row.put("text_" + l.tag(), nz(item.text().in(l)));
                f.put(p + "heading." + l.tag(), nz(item.heading().in(l)));
                f.put(p + "text." + l.tag(), nz(item.text().in(l)));
            }
            items.add(row);
        }
        f.putAll(input);
        Map<String, Object> model = new HashMap<>();
        model.put("b", Map.of("id", b.id(), "month", b.month().toString(), "issued", b.issued(), "version", b.version(),
                "issuedBy", nz(b.issuedBy()), "languages", b.languages().stream().map(Language::tag).toList(),
                "issues", b.issues().keySet().stream().map(Language::tag).toList()));
        model.put("items", items);
        model.put("f", f);
        model.put("errors", errors);
        model.put("problem", problem);
        model.put("saved", request.getParameter("saved") != null);
        model.put("justIssued", request.getParameter("issued") != null);
        model.put("canWrite", user.isPermitted(MissionsPlugin.BULLETIN_WRITE) && !b.issued() && sync.owns(NodeRole.HQ));
        model.put("canIssue", user.isPermitted(MissionsPlugin.BULLETIN_APPROVE) && !b.issued() && sync.owns(NodeRole.HQ));
        pages.render(request, response, status, "missions/bulletin-edit", model);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
