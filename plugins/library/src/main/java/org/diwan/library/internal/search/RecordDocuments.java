package org.diwan.library.internal.search;

import java.util.Locale;
import java.util.Map;

import org.diwan.api.i18n.Language;
import org.diwan.api.search.SearchDocument;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.catalogue.AuthorityLink;
import org.diwan.library.internal.catalogue.CatalogueRecord;

/**
 * What the search index holds of a description: its titles in their languages, summary, symbol and session,
 * and the names (every language and variant) of the authorities it names, so that a search for any form of an
 * author's or a body's name finds it; keywords for the facets (authorities by id, so that a renamed authority
 * needs no new facet value) and the access level for filtering.
 */
public final class RecordDocuments {

    private RecordDocuments() {
    }

    /**
     * @param authorities the authorities the record names, by id; one merged since is followed to the one kept
     *                    by the caller, or left out
     */
    public static SearchDocument of(CatalogueRecord record, Map<String, Authority> authorities) {
        SearchDocument.Builder doc = SearchDocument.builder(record.id())
                .text("title", record.title().ar(), Language.AR)
                .text("title", record.title().en(), Language.EN)
                .text("title", record.title().fr(), Language.FR)
                .text("summary", record.summary())
                .text("symbol", record.symbol())
                .text("session", record.session())
                .text("publisher", record.publisher())
                .keyword(LibraryCollections.TYPE, record.type().slug())
                .keyword(LibraryCollections.LANGUAGE, record.language())
                .keyword(LibraryCollections.ACCESS, record.access().name().toLowerCase(Locale.ROOT));
        // an original script and its romanization are both found, under the title's field
        record.title().others().forEach(t -> doc.text("title", t.text()));
        // "new or changed since": saved searches count what changed after their reader last looked
        doc.number(LibraryCollections.CHANGED, record.updatedAt().toEpochMilli());
        if (record.year() != null) {
            doc.keyword(LibraryCollections.YEAR, record.year().toString()).number(LibraryCollections.YEAR, record.year().longValue());
            // and as words, so that a free search for ٢٠٠٧ or 2007 finds the year's records (the folding makes both 2007)
            doc.text("issued", record.year().toString());
        }
        for (AuthorityLink link : record.links()) {
            Authority authority = authorities.get(link.authorityId());
            String field = link.role().name().toLowerCase(Locale.ROOT);
            doc.keyword(field, link.authorityId());
            if (authority != null) {
                names(doc, field, authority);
            }
        }
        return doc.build();
    }

    /** An authority record in its own collection: found by any of its names. */
    public static SearchDocument of(Authority authority) {
        SearchDocument.Builder doc = SearchDocument.builder(authority.id())
                .keyword(LibraryCollections.KIND, authority.kind().name().toLowerCase(Locale.ROOT))
                .keyword("state", authority.mergedInto() == null ? "live" : "merged");
        names(doc, "name", authority);
        return doc.build();
    }

    private static void names(SearchDocument.Builder doc, String field, Authority authority) {
        doc.text(field, authority.name().ar(), Language.AR)
                .text(field, authority.name().en(), Language.EN)
                .text(field, authority.name().fr(), Language.FR);
        authority.variants().forEach(variant -> doc.text(field, variant));
    }
}
