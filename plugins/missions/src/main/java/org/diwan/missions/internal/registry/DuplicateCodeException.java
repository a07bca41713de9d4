package org.diwan.missions.internal.registry;

/** Another office already has this code. */
public final class DuplicateCodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public DuplicateCodeException(String code) {
        super("mission code already used: " + code);
    }
}
