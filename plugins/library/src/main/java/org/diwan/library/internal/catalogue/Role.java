package org.diwan.library.internal.catalogue;

import org.diwan.library.internal.authority.AuthorityKind;

/** How a description names an authority, and which kinds of authority fit the role. */
public enum Role {
    AUTHOR(AuthorityKind.PERSON, AuthorityKind.BODY),
    BODY(AuthorityKind.BODY),
    COUNTRY(AuthorityKind.COUNTRY),
    SUBJECT(AuthorityKind.SUBJECT);

    private final java.util.Set<AuthorityKind> kinds;

    Role(AuthorityKind first, AuthorityKind... more) {
        this.kinds = java.util.EnumSet.of(first, more);
    }

    public boolean accepts(AuthorityKind kind) {
        return kinds.contains(kind);
    }

    public java.util.Set<AuthorityKind> kinds() {
        return java.util.Collections.unmodifiableSet(kinds);
    }
}
