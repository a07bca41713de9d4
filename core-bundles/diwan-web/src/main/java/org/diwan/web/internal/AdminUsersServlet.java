package org.diwan.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.shiro.subject.Subject;
import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.i18n.Language;
import org.diwan.api.plugin.PermissionDef;
import org.diwan.api.security.AccountException;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.api.security.Lockout;
import org.diwan.api.security.Lockouts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Users and roles: the accounts with their roles, a form to create an account, and each role with the
 * permissions of the plugins installed now (a plugin's permissions appear here when it is installed). What may be
 * granted is decided by {@link RoleGrants}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin/users")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-admin-users")
public final class AdminUsersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PageRenderer pages;
    private final transient Accounts accounts;
    private final transient Navigation navigation;
    private final transient AuditLog audit;
    private final transient Lockouts lockouts;

    @Activate
    public AdminUsersServlet(@Reference PageRenderer pages, @Reference Accounts accounts, @Reference Navigation navigation,
            @Reference AuditLog audit, @Reference Lockouts lockouts) {
        this.pages = pages;
        this.accounts = accounts;
        this.navigation = navigation;
        this.audit = audit;
        this.lockouts = lockouts;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        if ("unlocked".equals(request.getParameter("done"))) {
            model.put("notice", "admin.users.unlocked");
        } else if (request.getParameter("done") != null) {
            model.put("notice", "created".equals(request.getParameter("done")) ? "admin.users.created" : "admin.roles.saved");
        }
        show(request, response, HttpServletResponse.SC_OK, model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = new Actor(WebSession.username().orElseThrow(), request.getRemoteAddr());
        Set<String> checked = request.getParameterValues("permission") == null ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(request.getParameterValues("permission")));
        Set<String> roles = request.getParameterValues("role") == null ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(request.getParameterValues("role")));
        Subject subject = WebSession.subject();
        try {
            if ("saveRole".equals(request.getParameter("action"))) {
                String role = WebSession.param(request, "roleName");
                Optional<String> refused = RoleGrants.refusedInRole(checked, declaredPermissions(), subject::isPermitted);
                if (refused.isPresent()) {
                    refuse(request, response, actor, "role.refused", role, "permission: " + refused.get(), "admin.roles.refused");
                    return;
                }
                accounts.saveRole(role, checked, actor);
                response.sendRedirect("/admin/users?done=role");
            } else {
                String username = WebSession.param(request, "username");
                Optional<String> refused = RoleGrants.refusedRole(roles, accounts.roles(), subject::isPermitted);
                if (refused.isPresent()) {
                    refuse(request, response, actor, "account.refused", username, "role: " + refused.get(), "admin.users.role-refused");
                    return;
                }
                accounts.create(username, WebSession.param(request, "displayName"), WebSession.param(request, "password").toCharArray(), roles,
                        actor);
                response.sendRedirect("/admin/users?done=created");
            }
        } catch (AccountException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, formAgain(request, e.messageKey()));
        }
    }

    /** A grant beyond what the actor holds or plugins declare: 422, audited, the form shown again. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, Actor actor, String action, String target, String detail,
            String messageKey) throws IOException {
        audit.record(new AuditEntry(Instant.now(), actor.username(), action, target, detail, actor.address()));
        show(request, response, 422, formAgain(request, messageKey));
    }

    private Map<String, Object> formAgain(HttpServletRequest request, String messageKey) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", pages.message(messageKey, WebSession.language(request)));
        model.put("username", WebSession.param(request, "username"));
        model.put("displayName", WebSession.param(request, "displayName"));
        return model;
    }

    private Set<String> declaredPermissions() {
        return navigation.plugins().stream().flatMap(p -> p.permissions().stream()).map(PermissionDef::id).collect(Collectors.toSet());
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> model) throws IOException {
        Language language = WebSession.language(request);
        model.put("users", accounts.list().stream().map(a -> Map.of("username", a.username(), "displayName", a.displayName(),
                "roles", String.join(", ", a.roles()))).toList());
        model.put("locks", locks(language));
        Map<String, Set<String>> roles = accounts.roles();
        model.put("roles", roles.entrySet().stream()
                .map(r -> Map.of("name", r.getKey(), "permissions", r.getValue())).toList());
        model.put("permissionGroups", navigation.permissionGroups(language, permission -> true));
        pages.render(request, response, status, "admin-users", model);
    }

    /** The login locks in force, by name, for the unlock buttons (the unlock itself: {@link AdminUnlockServlet}). */
    private Map<String, String> locks(Language language) {
        Map<String, String> locks = new HashMap<>();
        for (Lockout lock : lockouts.current()) {
            String until = org.diwan.api.i18n.DigitStyle.defaultFor(language).apply(java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .withZone(java.time.ZoneId.systemDefault()).format(lock.until()));
            locks.put(lock.username(), pages.message(lock.accountWide() ? "admin.users.lockedWide" : "admin.users.locked", language,
                    until, String.join(", ", lock.addresses())));
        }
        return locks;
    }

}
