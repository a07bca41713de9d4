package org.diwan.library.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.authority.Authorities;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Authority control (LIB-5): finding authorities by any of their names, an authority's page with its possible
 * duplicates, the editor's form, and merging a duplicate into the one kept.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/library/authorities/*")
@HttpWhiteboardServletName("library-authorities")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class AuthoritiesServlet extends LibraryServlet {

    private static final long serialVersionUID = 1L;
    static final String BASE = "/diwan/library/authorities";
    private static final List<String> FIELDS = List.of("kind", "nameAr", "nameEn", "nameFr", "variants", "note", "related");

    private final transient Authorities authorities;

    @Activate
    public AuthoritiesServlet(@Reference Authorities authorities, @Reference CurrentUser user, @Reference Pages pages,
            @Reference Messages messages) {
        super(user, pages, messages);
        this.authorities = authorities;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!allowed(request, response, LibraryPlugin.CATALOGUE_READ)) {
            return;
        }
        List<String> path = segments(request);
        try {
            if (path.isEmpty()) {
                list(request, response);
            } else if (path.equals(List.of("new"))) {
                if (allowed(request, response, LibraryPlugin.AUTHORITY_WRITE)) {
                    String kind = request.getParameter("kind");
                    form(request, response, 200, null, Map.of("kind", kind == null ? AuthorityKind.PERSON.name() : kind), Map.of(), false);
                }
            } else if (path.size() == 1) {
                detail(request, response, path.get(0), null);
            } else if (path.size() == 2 && path.get(1).equals("edit")) {
                Optional<Authority> authority = authorities.get(path.get(0)).filter(a -> a.mergedInto() == null);
                if (authority.isEmpty()) {
                    notFound(request, response);
                } else if (allowed(request, response, LibraryPlugin.AUTHORITY_WRITE)) {
                    form(request, response, 200, authority.get(), fieldsOf(authority.get()), Map.of(), false);
                }
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("library authorities unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!allowed(request, response, LibraryPlugin.AUTHORITY_WRITE)) {
            return;
        }
        List<String> path = segments(request);
        Map<String, String> fields = params(request);
        Validation v = new Validation();
        try {
            if (path.equals(List.of("new"))) {
                Optional<Authority> created = authorities.create(fields, v, actor(), user.address());
                if (created.isPresent()) {
                    response.sendRedirect(BASE + "/" + created.get().id() + "?saved=1");
                } else {
                    form(request, response, 422, null, fields, localized(request, v), false);
                }
            } else if (path.size() == 2 && path.get(1).equals("edit")) {
                Optional<Authority> existing = authorities.get(path.get(0));
                if (existing.isEmpty()) {
                    notFound(request, response);
                    return;
                }
                try {
                    Optional<Authority> saved = authorities.update(existing.get().id(), version(fields.get("version")), fields, v, actor(),
                            user.address());
                    if (saved.isPresent()) {
                        response.sendRedirect(BASE + "/" + saved.get().id() + "?saved=1");
                    } else {
                        form(request, response, 422, existing.get(), fields, localized(request, v), false);
                    }
                } catch (StaleEditException stale) {
                    form(request, response, HttpServletResponse.SC_CONFLICT, stale.current(Authority.class), fields, Map.of(), true);
                }
            } else if (path.size() == 2 && path.get(1).equals("merge")) {
                merge(request, response, path.get(0), fields.get("into"));
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("library authority not saved", e);
        }
    }

    private void merge(HttpServletRequest request, HttpServletResponse response, String duplicate, String kept) throws IOException, SQLException {
        if (authorities.get(duplicate).isEmpty()) {
            notFound(request, response);
            return;
        }
        try {
            authorities.merge(duplicate, kept == null ? "" : kept.strip(), actor(), user.address());
            response.sendRedirect(BASE + "/" + kept.strip() + "?merged=1");
        } catch (IllegalArgumentException refused) {
            detail(request, response, duplicate, messages.get("library.authority.mergeRefused", pages.language(request)));
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        Language language = pages.language(request);
        String q = Optional.ofNullable(request.getParameter("q")).map(s -> s.length() > 500 ? s.substring(0, 500) : s).orElse("");
        AuthorityKind kind = kind(request.getParameter("kind"));
        Map<String, Object> model = new HashMap<>();
        model.put("q", q);
        model.put("kind", kind == null ? "" : kind.name());
        model.put("kinds", Arrays.stream(AuthorityKind.values()).map(Enum::name).toList());
        model.put("rows", authorities.find(q, kind, 50).stream().map(a -> row(a, language)).toList());
        model.put("canWrite", user.isPermitted(LibraryPlugin.AUTHORITY_WRITE));
        pages.render(request, response, 200, "library/authorities", model);
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, String id, String refusal) throws IOException, SQLException {
        Optional<Authority> found = authorities.get(id);
        if (found.isEmpty()) {
            notFound(request, response);
            return;
        }
        Authority authority = found.get();
        if (authority.mergedInto() != null && refusal == null) {
            // a merged authority answers for its old id with the one kept
            response.sendRedirect(BASE + "/" + authority.mergedInto());
            return;
        }
        Language language = pages.language(request);
        Map<String, Object> model = new HashMap<>();
        model.put("a", row(authority, language));
        model.put("nameAr", authority.name().ar());
        model.put("nameEn", authority.name().en());
        model.put("nameFr", authority.name().fr());
        model.put("variants", authority.variants());
        model.put("note", authority.note());
        model.put("related", authorities.getAll(authority.related()).values().stream().map(a -> row(a, language)).toList());
        List<Map<String, Object>> duplicates = new ArrayList<>();
        for (Authority candidate : authorities.similar(authority, 5)) {
            duplicates.add(row(candidate, language));
        }
        model.put("duplicates", duplicates);
        model.put("records", CatalogueServlet.BASE + "?f." + facetOf(authority.kind()) + "=" + authority.id());
        model.put("saved", request.getParameter("saved") != null);
        model.put("merged", request.getParameter("merged") != null);
        model.put("refusal", refusal);
        model.put("canWrite", user.isPermitted(LibraryPlugin.AUTHORITY_WRITE));
        pages.render(request, response, refusal == null ? 200 : 422, "library/authority", model);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, Authority editing, Map<String, String> fields,
            Map<String, String> errors, boolean conflict) throws IOException, SQLException {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> f = new HashMap<>();
        FIELDS.forEach(name -> f.put(name, fields.getOrDefault(name, "")));
        model.put("f", f);
        model.put("errors", errors);
        model.put("editing", editing == null ? null : row(editing, pages.language(request)));
        model.put("version", editing == null ? "" : Integer.toString(editing.version()));
        model.put("conflict", conflict);
        model.put("kinds", Arrays.stream(AuthorityKind.values()).map(Enum::name).toList());
        model.put("action", editing == null ? BASE + "/new" : BASE + "/" + editing.id() + "/edit");
        pages.render(request, response, status, "library/authority-form", model);
    }

    private Map<String, String> fieldsOf(Authority a) throws SQLException {
        Map<String, String> f = new HashMap<>();
        f.put("kind", a.kind().name());
        f.put("nameAr", a.name().ar());
        f.put("nameEn", a.name().en() == null ? "" : a.name().en());
        f.put("nameFr", a.name().fr() == null ? "" : a.name().fr());
        f.put("variants", String.join("\n", a.variants()));
        f.put("note", a.note() == null ? "" : a.note());
        f.put("related", String.join("\n", authorities.getAll(a.related()).values().stream().map(r -> r.name().ar()).toList()));
        return f;
    }

    private static Map<String, Object> row(Authority a, Language language) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", a.id());
        row.put("href", BASE + "/" + a.id());
        row.put("name", a.nameIn(language));
        row.put("kind", a.kind().name());
        row.put("version", a.version());
        row.put("otherNames", String.join(" · ", java.util.stream.Stream.of(a.name().ar(), a.name().en(), a.name().fr())
                .filter(n -> n != null && !n.equals(a.nameIn(language))).toList()));
        return row;
    }

    private static String facetOf(AuthorityKind kind) {
        return switch (kind) {
            case PERSON -> "author";
            case BODY -> "body";
            case COUNTRY -> "country";
            case SUBJECT -> "subject";
        };
    }

    private static AuthorityKind kind(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : AuthorityKind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
