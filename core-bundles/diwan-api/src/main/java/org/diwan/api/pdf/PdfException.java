package org.diwan.api.pdf;

/** A document that could not be turned into a PDF, with the reason in the message. */
public class PdfException extends Exception {

    private static final long serialVersionUID = 1L;

    public PdfException(String message) {
        super(message);
    }

    public PdfException(String message, Throwable cause) {
        super(message, cause);
    }
}
