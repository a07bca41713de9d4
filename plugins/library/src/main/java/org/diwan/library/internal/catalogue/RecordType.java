package org.diwan.library.internal.catalogue;

/** The holdings of the library (LIB-1, LIB-2), bibliographic or not. */
public enum RecordType {
    /** Summit, League Council, ministerial councils, standing committees: resolutions, reports, minutes. */
    LEAGUE_DOCUMENT(true),
    BOOK(true),
    PERIODICAL(true),
    /** One issue of a periodical (its parent). */
    ISSUE(true),
    MANUSCRIPT(true),
    RARE_BOOK(true),
    PHOTOGRAPH(false),
    FILM(false),
    TAPE(false);

    private final boolean bibliographic;

    RecordType(boolean bibliographic) {
        this.bibliographic = bibliographic;
    }

    public boolean bibliographic() {
        return bibliographic;
    }

    /** The name used in search facets and URLs: {@code league-document}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
