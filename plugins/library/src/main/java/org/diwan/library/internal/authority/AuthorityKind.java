package org.diwan.library.internal.authority;

/** What an authority record names (MARC 21 authority format: 151, 110, 100, 150). */
public enum AuthorityKind {
    COUNTRY,
    /** League bodies (summit, council, ministerial councils, committees) and other organisations. */
    BODY,
    PERSON,
    SUBJECT
}
