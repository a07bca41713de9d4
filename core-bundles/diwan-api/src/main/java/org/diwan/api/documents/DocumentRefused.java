package org.diwan.api.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An upload {@link Documents} would not store, with the message key the web layer shows in the user's language
 * and the arguments of its placeholders. Nothing is kept of a refused upload.
 */
public class DocumentRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** Over {@link Documents#maxSize()}; argument: the limit in bytes. */
    public static final String TOO_LARGE = "documents.refused.too-large";
    /** No content at all. */
    public static final String EMPTY = "documents.refused.empty";
    /** A type the caller does not accept, or an executable or script; argument: the detected media type. */
    public static final String TYPE = "documents.refused.type";
    /** No usable file name is left once folders and control characters are taken out. */
    public static final String NAME = "documents.refused.name";
    /** A copy from another node whose content is not the original's (hash or size differ): damaged on the way. */
    public static final String MISMATCH = "documents.refused.mismatch";

    private final String messageKey;
    private final transient List<Object> args;

    public DocumentRefused(String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.args = List.of(args);
    }

    /** A key of the shell's message bundles, such as {@value #TOO_LARGE}. */
    public String messageKey() {
        return messageKey;
    }

    /** Values for the message's {@link java.text.MessageFormat} placeholders, in order. */
    public List<Object> args() {
        return args == null ? List.of() : args;
    }
}
