package org.diwan.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.plugin.PermissionDef;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.api.security.ApiToken;
import org.diwan.api.security.ApiTokens;
import org.diwan.api.security.IssuedToken;
import org.diwan.api.security.TokenException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The token pages: a user's own ({@link AccountTokensServlet}) and the administrator's for every user
 * ({@link AdminTokensServlet}), one template ({@code tokens.html}). A new token's secret is shown in the answer to
 * the form that made it, once, never in a URL or a redirect.
 */
@Component(service = TokenPages.class)
public final class TokenPages {

    static final List<Integer> LIFETIME_DAYS = List.of(7, 30, 90, 180, 365);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final PageRenderer pages;
    private final ApiTokens tokens;
    private final Accounts accounts;
    private final Navigation navigation;

    @Activate
    public TokenPages(@Reference PageRenderer pages, @Reference ApiTokens tokens, @Reference Accounts accounts,
            @Reference Navigation navigation) {
        this.pages = pages;
        this.tokens = tokens;
        this.accounts = accounts;
        this.navigation = navigation;
    }

    /** The page; {@code owner} empty for the administrator's view of all tokens. */
    void show(HttpServletRequest request, HttpServletResponse response, int status, Optional<String> owner, Map<String, Object> model)
            throws IOException {
        Language language = WebSession.language(request);
        Instant now = Instant.now();
        List<ApiToken> shown = owner.map(tokens::list).orElseGet(tokens::listAll);
        model.put("admin", owner.isEmpty());
        model.put("action", owner.isEmpty() ? AdminTokensServlet.PATH : AccountTokensServlet.PATH);
        model.put("tokens", shown.stream().map(t -> row(t, now, language)).toList());
        model.put("lifetimes", LIFETIME_DAYS.stream().map(d -> Map.of("days", d, "label", pages.message("tokens.days", language,
                DigitStyle.defaultFor(language).apply(Integer.toString(d))), "selected", d == ApiTokens.DEFAULT_LIFETIME.toDays())).toList());
        if (owner.isEmpty()) {
            model.put("users", accounts.list().stream().map(a -> a.username()).toList());
        }
        Predicate<String> offered = owner.isEmpty() ? p -> true : WebSession.subject()::isPermitted;
        model.put("permissionGroups", navigation.permissionGroups(language, offered));
        pages.render(request, response, status, "tokens", model);
    }

    /** Makes a token for {@code owner} from the form: the page with its secret, or the form again with why not (422). */
    void create(HttpServletRequest request, HttpServletResponse response, String owner, Optional<String> shownOwner) throws IOException {
        Actor actor = new Actor(WebSession.username().orElseThrow(), request.getRemoteAddr());
        Set<String> scope = request.getParameterValues("permission") == null ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(request.getParameterValues("permission")));
        Map<String, Object> model = new HashMap<>();
        try {
            if (!declared().containsAll(scope)) {
                throw new TokenException(TokenException.Reason.SCOPE_INVALID, "not declared by an installed plugin");
            }
            IssuedToken issued = tokens.create(owner, WebSession.param(request, "name"), scope, lifetime(request), actor);
            model.put("issued", Map.of("secret", issued.secret(), "name", issued.token().name(), "owner", issued.token().owner()));
            show(request, response, HttpServletResponse.SC_OK, shownOwner, model);
        } catch (TokenException refused) {
            model.put("error", pages.message(refused.messageKey(), WebSession.language(request)));
            model.put("name", WebSession.param(request, "name"));
            show(request, response, 422, shownOwner, model);
        }
    }

    /** Revokes the token of the form if it is {@code owner}'s, then back to {@code back} with a notice. */
    void revoke(HttpServletRequest request, HttpServletResponse response, String owner, String back) throws IOException {
        Actor actor = new Actor(WebSession.username().orElseThrow(), request.getRemoteAddr());
        boolean revoked;
        try {
            revoked = tokens.revoke(UUID.fromString(WebSession.param(request, "id")), owner, actor);
        } catch (IllegalArgumentException notAnId) {
            revoked = false;
        }
        response.sendRedirect(back + "?done=" + (revoked ? "revoked" : "none"));
    }

    /** The notice of a redirect after a revocation. */
    static Map<String, Object> notice(HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        String done = request.getParameter("done");
        if ("revoked".equals(done)) {
            model.put("notice", "tokens.revoked");
        } else if ("none".equals(done)) {
            model.put("notice", "tokens.notRevoked");
        }
        return model;
    }

    private static Duration lifetime(HttpServletRequest request) {
        try {
            return Duration.ofDays(Integer.parseInt(WebSession.param(request, "days")));
        } catch (NumberFormatException notANumber) {
            return null; // refused by the service as LIFETIME_INVALID
        }
    }

    private Set<String> declared() {
        return navigation.plugins().stream().flatMap(p -> p.permissions().stream()).map(PermissionDef::id).collect(Collectors.toSet());
    }

    private Map<String, Object> row(ApiToken token, Instant now, Language language) {
        DigitStyle digits = DigitStyle.defaultFor(language);
        String state = token.revokedAt().isPresent() ? "revoked" : token.activeAt(now) ? "active" : "expired";
        Map<String, Object> row = new HashMap<>();
        row.put("id", token.id().toString());
        row.put("owner", token.owner());
        row.put("name", token.name());
        row.put("scope", String.join(" ", new java.util.TreeSet<>(token.scope())));
        row.put("created", digits.apply(WHEN.format(token.createdAt())));
        row.put("createdBy", token.createdBy());
        row.put("expires", digits.apply(WHEN.format(token.expiresAt())));
        row.put("lastUsed", token.lastUsedAt().map(at -> digits.apply(WHEN.format(at))).orElse(pages.message("tokens.never", language)));
        row.put("state", state);
        row.put("active", "active".equals(state));
        return row;
    }
}
