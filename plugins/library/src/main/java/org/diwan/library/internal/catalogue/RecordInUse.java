package org.diwan.library.internal.catalogue;

/** A record other records name as their parent (a periodical with issues): it cannot be deleted while they do. */
public final class RecordInUse extends Exception {

    private static final long serialVersionUID = 1L;

    public RecordInUse(String id) {
        super("records name " + id + " as their parent");
    }
}
