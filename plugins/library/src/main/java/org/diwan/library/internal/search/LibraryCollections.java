package org.diwan.library.internal.search;

/** The library's search collections and the fields its documents carry. */
public final class LibraryCollections {

    public static final String RECORDS = "library.record";
    public static final String AUTHORITIES = "library.authority";

    /** Facets of the catalogue: keyword fields whose values are counted. */
    public static final String TYPE = "type";
    public static final String BODY = "body";
    public static final String YEAR = "year";
    public static final String LANGUAGE = "language";
    public static final String SUBJECT = "subject";
    public static final String COUNTRY = "country";
    public static final String AUTHOR = "author";
    public static final String ACCESS = "access";
    public static final String KIND = "kind";
    /** When a record last changed, in epoch milliseconds (a number field). */
    public static final String CHANGED = "changed";

    private LibraryCollections() {
    }
}
