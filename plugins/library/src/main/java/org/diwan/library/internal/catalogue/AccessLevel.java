package org.diwan.library.internal.catalogue;

/** Who may see a description and its digital objects. */
public enum AccessLevel {
    /** Everyone, the public catalogue and harvesters included. */
    PUBLIC,
    /** Any signed-in user with the catalogue's read permission. */
    STAFF,
    /** Only users with the restricted-read permission. */
    RESTRICTED
}
