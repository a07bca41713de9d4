package org.diwan.missions.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.Part;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.documents.Documents;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.common.Page;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.correspondence.Attachment;
import org.diwan.missions.internal.correspondence.Correspondence;
import org.diwan.missions.internal.correspondence.CorrespondenceQuery;
import org.diwan.missions.internal.correspondence.CorrespondenceService;
import org.diwan.missions.internal.correspondence.FollowUpStatus;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Correspondence pages (MIS-2): the list with filters by mission, country, class, period and status; a record's
 * page with its attachments and follow-up actions; the form to register or edit one (optimistic locking as in
 * the registry); uploads, downloads and follow-up changes. Upload forms carry the CSRF token in their action
 * URL because the shell checks it before the multipart body is read.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/missions/correspondence/*")
@HttpWhiteboardServletName("missions-correspondence")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
// the shell caps every upload at the documents service's limit before and while the body is read
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = 1024 * 1024)
public final class CorrespondenceServlet extends DepartmentServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/diwan/missions/correspondence";

    private final transient CorrespondenceService service;
    private final transient MissionRegistry registry;
    private final transient Documents documents;
    private final transient CorrespondenceViews views = new CorrespondenceViews(Countries.standard());

    @Activate
    public CorrespondenceServlet(@Reference CorrespondenceService service, @Reference MissionRegistry registry, @Reference CurrentUser user,
            @Reference Pages pages, @Reference Messages messages, @Reference Documents documents) {
        super(user, pages, messages);
        this.service = service;
        this.registry = registry;
        this.documents = documents;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!allowed(request, response, MissionsPlugin.CORRESPONDENCE_READ)) {
            return;
        }
        List<String> path = Requests.segments(request);
        try {
            if (path.isEmpty()) {
                list(request, response);
            } else if (path.equals(List.of("new"))) {
                if (allowed(request, response, MissionsPlugin.CORRESPONDENCE_WRITE)) {
                    Map<String, String> defaults = new HashMap<>(Map.of("status", "OPEN", "counterpart", "HEADQUARTERS"));
                    defaults.put("documentDate", service.today().toString());
                    form(request, response, 200, null, defaults, Map.of(), null);
                }
            } else {
                Optional<Correspondence> record = service.get(path.get(0));
                if (record.isEmpty()) {
                    notFound(request, response);
                } else if (path.size() == 1) {
                    detail(request, response, record.get(), 200, null);
                } else if (path.size() == 2 && path.get(1).equals("edit")) {
                    if (allowed(request, response, MissionsPlugin.CORRESPONDENCE_WRITE)
                            && editableHere(request, response, record.get().editableHere())) {
                        form(request, response, 200, record.get(), CorrespondenceViews.fieldsOf(record.get()), Map.of(), null);
                    }
                } else if (path.size() == 3 && path.get(1).equals("attachments")) {
                    download(request, response, record.get(), path.get(2));
                } else {
                    notFound(request, response);
                }
            }
        } catch (SQLException e) {
            throw new ServletException("correspondence unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!allowed(request, response, MissionsPlugin.CORRESPONDENCE_WRITE)) {
            return;
        }
        List<String> path = Requests.segments(request);
        boolean mayApprove = user.isPermitted(MissionsPlugin.CORRESPONDENCE_APPROVE);
        Validation v = new Validation();
        try {
            if (path.equals(List.of("new"))) {
                Map<String, String> fields = Requests.params(request);
                Optional<Correspondence> created = service.create(fields, v, actor(), user.address(), mayApprove);
                if (created.isPresent()) {
                    response.sendRedirect(BASE + "/" + created.get().id() + "?saved=1");
                } else {
                    form(request, response, 422, null, fields, localized(request, v), null);
                }
                return;
            }
            Optional<Correspondence> record = path.isEmpty() ? Optional.empty() : service.get(path.get(0));
            if (record.isEmpty()) {
                notFound(request, response);
            } else if (!editableHere(request, response, record.get().editableHere())) {
                return;
            } else if (path.size() == 2 && path.get(1).equals("edit")) {
                edit(request, response, record.get(), mayApprove);
            } else if (path.size() == 2 && path.get(1).equals("attachments")) {
                upload(request, response, record.get());
            } else if (path.size() == 2 && path.get(1).equals("follow-ups")) {
                if (service.addFollowUp(record.get(), Requests.params(request), v, actor(), user.address()).isPresent()) {
                    response.sendRedirect(BASE + "/" + record.get().id() + "#follow-ups");
                } else {
                    detail(request, response, record.get(), 422, Map.of("followUpErrors", localized(request, v),
                            "followUpInput", Requests.params(request)));
                }
            } else if (path.size() == 3 && path.get(1).equals("follow-ups")) {
                changeFollowUp(request, response, record.get(), path.get(2));
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("correspondence not saved", e);
        }
    }

    private void edit(HttpServletRequest request, HttpServletResponse response, Correspondence record, boolean mayApprove)
            throws IOException, SQLException {
        Map<String, String> fields = Requests.params(request);
        Validation v = new Validation();
        try {
            Optional<Correspondence> saved = service.update(record.id(), Requests.version(fields.get("version")), fields, v, actor(), user.address(),
                    mayApprove);
            if (saved.isPresent()) {
                response.sendRedirect(BASE + "/" + saved.get().id() + "?saved=1");
            } else {
                form(request, response, 422, record, fields, localized(request, v), null);
            }
        } catch (StaleEditException stale) {
            Correspondence current = stale.current(Correspondence.class);
            form(request, response, HttpServletResponse.SC_CONFLICT, current, fields, Map.of(), current);
        }
    }

    private void upload(HttpServletRequest request, HttpServletResponse response, Correspondence record) throws IOException, SQLException {
        Part part;
        try {
            part = request.getPart("file");
        } catch (IllegalStateException tooLarge) {
            detail(request, response, record, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    Map.of("uploadError", messages.get(DocumentRefused.TOO_LARGE, pages.language(request), documents.maxSize())));
            return;
        } catch (ServletException notMultipart) {
            part = null;
        }
        if (part == null || part.getSize() == 0) {
            detail(request, response, record, 422, Map.of("uploadError", messages.get("documents.refused.empty", pages.language(request))));
            return;
        }
        try (InputStream content = part.getInputStream()) {
            service.attach(record, part.getSubmittedFileName(), content, actor(), user.address());
            response.sendRedirect(BASE + "/" + record.id() + "?attached=1#attachments");
        } catch (DocumentRefused refused) {
            int status = refused.messageKey().equals(DocumentRefused.TOO_LARGE) ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : 422;
            detail(request, response, record, status,
                    Map.of("uploadError", messages.get(refused.messageKey(), pages.language(request), refused.args().toArray())));
        } finally {
            part.delete();
        }
    }

    private void download(HttpServletRequest request, HttpServletResponse response, Correspondence record, String attachmentId)
            throws IOException, SQLException {
        Optional<Attachment> attachment = service.attachments(record).stream().filter(a -> a.id().equals(attachmentId)).findFirst();
        if (attachment.isEmpty()) {
            notFound(request, response);
            return;
        }
        Attachment a = attachment.get();
        sendDocument(response, a.mediaType(), a.fileName(), a.size(), service.open(a));
    }

    private void changeFollowUp(HttpServletRequest request, HttpServletResponse response, Correspondence record, String followUpId)
            throws IOException, SQLException {
        Map<String, String> fields = Requests.params(request);
        FollowUpStatus status;
        try {
            status = FollowUpStatus.valueOf(fields.getOrDefault("status", ""));
        } catch (IllegalArgumentException e) {
            pages.error(request, response, HttpServletResponse.SC_BAD_REQUEST, "error.badrequest");
            return;
        }
        try {
            service.setFollowUpStatus(record, followUpId, Requests.version(fields.get("version")), status, actor(), user.address());
            response.sendRedirect(BASE + "/" + record.id() + "#follow-ups");
        } catch (StaleEditException stale) {
            detail(request, response, record, HttpServletResponse.SC_CONFLICT,
                    Map.of("followUpConflict", messages.get("missions.conflict", pages.language(request))));
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        Map<String, String> params = Requests.params(request);
        Page<Correspondence> page = service.find(params);
        CorrespondenceQuery query = CorrespondenceQuery.from(params, null);
        Language language = pages.language(request);

        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : List.of("q", "mission", "country", "classification", "from", "to", "status")) {
            filters.put(name, params.getOrDefault(name, ""));
        }
        Map<String, Object> model = views.choices(missionsInScope(), language);
        model.putAll(Listing.sortAndPages(BASE, filters, query.sort().param(), query.descending(),
                java.util.Arrays.stream(CorrespondenceQuery.Sort.values()).map(CorrespondenceQuery.Sort::param).toList(), page, "desc"));
        model.put("rows", page.items().stream().map(c -> views.row(c, language)).toList());
        model.put("filters", filters);
        model.put("canWrite", user.isPermitted(MissionsPlugin.CORRESPONDENCE_WRITE));
        model.put("scope", service.scope().orElse(null));
        pages.render(request, response, 200, "missions/correspondence-list", model);
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, Correspondence c, int status, Map<String, Object> extra)
            throws IOException, SQLException {
        Language language = pages.language(request);
        Map<String, Object> model = new HashMap<>();
        model.put("c", views.row(c, language));
        model.put("attachments", service.attachments(c).stream().map(a -> views.attachment(a, language)).toList());
        model.put("followUps", service.followUps(c).stream().map(f -> views.followUp(f, service.today(), language)).toList());
        model.put("saved", request.getParameter("saved") != null);
        model.put("attached", request.getParameter("attached") != null);
        model.put("canWrite", user.isPermitted(MissionsPlugin.CORRESPONDENCE_WRITE) && c.editableHere());
        model.put("receivedFrom", c.receivedFrom());
        model.put("followUpErrors", Map.of());
        model.put("followUpInput", Map.of());
        if (extra != null) {
            model.putAll(extra);
        }
        pages.render(request, response, status, "missions/correspondence-detail", model);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, Correspondence editing, Map<String, String> fields,
            Map<String, String> errors, Correspondence conflict) throws IOException {
        Language language = pages.language(request);
        Map<String, Object> model = views.choices(missionsInScope(), language);
        Map<String, String> f = new HashMap<>();
        CorrespondenceViews.FIELDS.forEach(name -> f.put(name, fields.getOrDefault(name, "")));
        model.put("f", f);
        model.put("errors", errors);
        model.put("editing", editing == null ? null : views.row(editing, language));
        model.put("version", editing == null ? "" : Integer.toString(editing.version()));
        model.put("conflict", conflict == null ? null : views.row(conflict, language));
        model.put("action", editing == null ? BASE + "/new" : BASE + "/" + editing.id() + "/edit");
        model.put("mayApprove", user.isPermitted(MissionsPlugin.CORRESPONDENCE_APPROVE));
        pages.render(request, response, status, "missions/correspondence-form", model);
    }

    private List<Mission> missionsInScope() {
        try {
            List<Mission> all = registry.find(new MissionQuery(null, null, null, null, MissionQuery.Sort.NAME, false, 0, MissionQuery.MAX_SIZE)).items();
            return all.stream().filter(m -> service.scope().map(code -> code.equals(m.code())).orElse(true)).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
