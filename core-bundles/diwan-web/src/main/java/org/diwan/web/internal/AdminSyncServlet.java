package org.diwan.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.sync.Enrolment;
import org.diwan.api.sync.LinkMonitor;
import org.diwan.api.sync.LinkStatus;
import org.diwan.api.sync.MissionLinks;
import org.diwan.api.sync.SyncAdmin;
import org.diwan.api.sync.SyncReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mission ↔ headquarters link for administrators: its state, what waits each way, what was set aside;
 * on headquarters, enrolling a mission (its secret and headquarters' certificate shown once), resending a
 * mission everything it should hold, and revoking it; everywhere, retrying set-aside changes.
 * {@code /admin/sync/status} gives the same state as JSON for monitoring; {@code /admin/sync/inventory} lists a
 * record type's records with their versions and content hashes, to compare two nodes.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/admin/sync", "/admin/sync/*"})
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-admin-sync")
public final class AdminSyncServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminSyncServlet.class);

    private final transient PageRenderer pages;
    private final transient LinkMonitor link;
    private final transient SyncAdmin sync;
    private final transient AuditLog audit;
    private final transient Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile MissionLinks missions;

    @Activate
    public AdminSyncServlet(@Reference PageRenderer pages, @Reference LinkMonitor link, @Reference SyncAdmin sync,
            @Reference AuditLog audit) {
        this.pages = pages;
        this.link = link;
        this.sync = sync;
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/status")) {
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(SyncStatusJson.of(link.status(), sync.report()));
        } else if (path.equals("/inventory")) {
            inventory(request, response);
        } else if (path.isEmpty() || path.equals("/")) {
            show(request, response, HttpServletResponse.SC_OK, Map.of());
        } else {
            pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
        }
    }

    /**
     * {@code /admin/sync/inventory?type=missions.correspondence[&mission=TUN]}: one line a record, {@code id version
     * sha256}, sorted by id; the same command on both nodes and a {@code diff} shows what differs.
     */
    private void inventory(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getParameter("type");
        String mission = request.getParameter("mission");
        try {
            var records = sync.inventory(type == null ? "" : type, mission == null || mission.isBlank() ? null : mission.strip());
            response.setContentType("text/plain;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            var out = response.getWriter();
            records.forEach((id, versionAndHash) -> out.append(id).append(' ').append(versionAndHash).append('\n'));
        } catch (IllegalArgumentException e) {
            pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
        } catch (Exception e) {
            LOG.error("Sync inventory of {} failed", type, e);
            pages.error(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "admin.sync.error.failed");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getParameter("action");
        String code = request.getParameter("mission") == null ? "" : request.getParameter("mission").strip().toUpperCase(java.util.Locale.ROOT);
        String who = WebSession.username().orElseThrow();
        MissionLinks links = missions;
        try {
            switch (action == null ? "" : action) {
                case "enrol" -> {
                    if (links == null) {
                        show(request, response, HttpServletResponse.SC_CONFLICT, Map.of("error", "admin.sync.error.noLink"));
                        return;
                    }
                    Enrolment enrolment = links.enrol(code);
                    long queued = sync.resend(code);
                    record(who, "sync.enrol", code, queued + " record(s) queued", request);
                    show(request, response, HttpServletResponse.SC_OK, Map.of("enrolment", enrolment, "queued", queued));
                }
                case "resend" -> {
                    long queued = sync.resend(code);
                    record(who, "sync.resend", code, queued + " record(s) queued", request);
                    show(request, response, HttpServletResponse.SC_OK, Map.of("done", "admin.sync.done.resend", "count", queued));
                }
                case "revoke" -> {
                    boolean revoked = links != null && links.revoke(code);
                    record(who, "sync.revoke", code, revoked ? "revoked" : "was not enrolled", request);
                    show(request, response, HttpServletResponse.SC_OK, Map.of("done", "admin.sync.done.revoke", "count", revoked ? 1 : 0));
                }
                case "retry" -> {
                    int applied = sync.retryParked();
                    record(who, "sync.retry", "parked", applied + " applied", request);
                    show(request, response, HttpServletResponse.SC_OK, Map.of("done", "admin.sync.done.retry", "count", applied));
                }
                default -> show(request, response, HttpServletResponse.SC_BAD_REQUEST, Map.of("error", "admin.sync.error.action"));
            }
        } catch (IllegalArgumentException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, Map.of("error", "admin.sync.error.code"));
        } catch (Exception e) {
            LOG.error("Sync action {} for '{}' failed", action, code, e);
            show(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Map.of("error", "admin.sync.error.failed"));
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> extra) throws IOException {
        LinkStatus state = link.status();
        SyncReport report = sync.report();
        Map<String, Object> model = new HashMap<>(extra);
        model.put("link", state);
        model.put("report", report);
        model.put("hq", "hq".equals(state.role()));
        model.put("canEnrol", missions != null);
        model.put("missions", state.missions());
        // refusals of another's record are a security matter, not a data fault: shown apart, with the real owner
        model.put("failed", report.failed().stream().filter(p -> !p.refusedAsNotOwned()).toList());
        model.put("refused", report.failed().stream().filter(SyncReport.Parked::refusedAsNotOwned).toList());
        if (extra.get("error") instanceof String key) {
            model.put("error", pages.message(key, WebSession.language(request)));
        }
        pages.render(request, response, status, "admin-sync", model);
    }

    private void record(String who, String action, String target, String detail, HttpServletRequest request) {
        audit.record(new AuditEntry(clock.instant(), who, action, target, detail, request.getRemoteAddr()));
    }
}
