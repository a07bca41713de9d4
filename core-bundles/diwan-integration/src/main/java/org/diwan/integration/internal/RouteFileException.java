package org.diwan.integration.internal;

import java.nio.file.Path;

/** A route file that was refused: {@link #reason()} says why, on one line, for the operator's log. */
final class RouteFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;
    private final boolean repeated;

    RouteFileException(Path file, String reason, Throwable cause) {
        this(file, reason, cause, false);
    }

    private RouteFileException(Path file, String reason, Throwable cause, boolean repeated) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
        this.repeated = repeated;
    }

    /** The same refusal for content that was already refused once, and reported then. */
    RouteFileException asRepeated() {
        RouteFileException again = new RouteFileException(file, reason, getCause(), true);
        again.setStackTrace(getStackTrace());
        return again;
    }

    Path file() {
        return file;
    }

    String reason() {
        return reason;
    }

    boolean repeated() {
        return repeated;
    }
}
