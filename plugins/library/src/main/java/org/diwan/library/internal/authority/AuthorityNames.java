package org.diwan.library.internal.authority;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.diwan.api.i18n.ArabicText;
import org.diwan.api.search.SearchQuery;
import org.diwan.api.search.SearchService;
import org.diwan.api.validation.Validation;
import org.diwan.library.internal.Ids;
import org.diwan.library.internal.search.LibraryCollections;

/**
 * Turns what a cataloguer typed in an authority field (one name per line, in any language, any listed variant,
 * spelled with or without hamza, tashkeel or tatweel) into authority ids. A name that matches no live authority
 * of the kinds the field takes, or more than one, is refused: a description links authorities, never free text.
 */
public final class AuthorityNames {

    private static final Pattern SEPARATORS = Pattern.compile("\\R|[,،؛;]");
    private static final int CANDIDATES = 50;
    private static final int MAX_NAME = 500;

    private final SearchService search;
    private final AuthorityStore authorities;

    public AuthorityNames(SearchService search, AuthorityStore authorities) {
        this.search = search;
        this.authorities = authorities;
    }

    /**
     * The ids the names (or ids) in {@code raw} stand for, in order, each once; on a refusal the reason goes to
     * {@code v} under {@code field}, with the name, and the list stops there.
     */
    public List<String> ids(String raw, Set<AuthorityKind> kinds, String field, Validation v) throws SQLException {
        List<String> ids = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return ids;
        }
        for (String line : SEPARATORS.split(raw)) {
            String name = line.strip();
            if (name.isEmpty()) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            String id = Ids.isId(lower) ? lower : idOf(name, kinds, field, v);
            if (id == null) {
                break;
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * The one live authority of these kinds that has this name (any language or variant, folded), taken whole: a
     * heading such as "Hourani, Albert" has a comma of its own. {@code null} with the reason in {@code v} when none or
     * several.
     */
    public String idOf(String name, Set<AuthorityKind> kinds, String field, Validation v) throws SQLException {
        if (name.length() > MAX_NAME) {
            v.reject(field, "library.validation.authority-unknown", name.substring(0, 50) + "…");
            return null;
        }
        SearchQuery query = SearchQuery.builder().text("\"" + name.replace("\"", " ") + "\"").filter("state", "live")
                .filter(LibraryCollections.KIND, kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .page(0, CANDIDATES).build();
        String wanted = ArabicText.fold(name);
        List<String> matching = new ArrayList<>();
        for (Authority candidate : authorities.getAll(search.search(LibraryCollections.AUTHORITIES, query).ids()).values()) {
            if (candidate.mergedInto() == null && names(candidate).stream().anyMatch(n -> ArabicText.fold(n).equals(wanted))) {
                matching.add(candidate.id());
            }
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        v.reject(field, matching.isEmpty() ? "library.validation.authority-unknown" : "library.validation.authority-ambiguous", name);
        return null;
    }

    private static List<String> names(Authority authority) {
        List<String> names = new ArrayList<>(authority.variants());
        names.add(authority.name().ar());
        if (authority.name().en() != null) {
            names.add(authority.name().en());
        }
        if (authority.name().fr() != null) {
            names.add(authority.name().fr());
        }
        return names;
    }
}
