package org.diwan.library.internal.catalogue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Whose eyes a search is for, and so which access levels it may find. */
public enum Viewer {
    /** The public catalogue and harvesters: no login. */
    PUBLIC(EnumSet.of(AccessLevel.PUBLIC)),
    /** Signed-in readers and cataloguers. */
    STAFF(EnumSet.of(AccessLevel.PUBLIC, AccessLevel.STAFF)),
    /** Holders of the restricted-read permission. */
    RESTRICTED(EnumSet.allOf(AccessLevel.class));

    private final Set<AccessLevel> sees;

    Viewer(Set<AccessLevel> sees) {
        this.sees = sees;
    }

    public boolean sees(AccessLevel level) {
        return sees.contains(level);
    }

    /** The access keywords a search filters on. */
    public String[] accessKeywords() {
        return sees.stream().map(l -> l.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }
}
