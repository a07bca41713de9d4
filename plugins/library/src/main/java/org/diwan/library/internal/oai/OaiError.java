package org.diwan.library.internal.oai;

/**
 * An OAI-PMH error condition (protocol section 3.6): the code the response carries, and a message for people.
 * Messages that repeat a value from outside pass it through {@link XmlChars#shown(String)} first.
 */
final class OaiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    OaiError(String code, String message) {
        // the stack is never shown or logged: an error condition is an answer, not a fault
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** Whether the request element must stay bare: the protocol forbids echoing arguments that were not valid. */
    boolean echoesNoArguments() {
        return code.equals("badVerb") || code.equals("badArgument");
    }

    static OaiError badArgument(String message) {
        return new OaiError("badArgument", message);
    }

    static OaiError badResumptionToken(String message) {
        return new OaiError("badResumptionToken", message);
    }
}
