package org.diwan.api.pdf;

import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a well-formed XHTML document to PDF.
 *
 * <p>Direction comes from the document: a {@code dir} attribute on {@code <html>} (else on {@code <body>})
 * decides; without one, a {@code lang} starting with {@code ar} (or another right-to-left language) makes
 * the document right to left, anything else left to right. Inline {@code dir} attributes and CSS
 * {@code direction} work as in a browser for parts of the document.
 *
 * <p>Fonts are the service's business: it embeds {@value #ARABIC_FONT} (regular, bold) and
 * {@value #LATIN_FONT} (regular, bold, italic) and picks, character by character, the first font of the
 * {@code font-family} list that has the glyph, then these two. A document that names no font gets
 * {@value #ARABIC_FONT} first when it is right to left and {@value #LATIN_FONT} first otherwise. Arabic-Indic
 * digits ({@code ١٢}) and European digits stay as written.
 *
 * <p>The document must be XML: close every element, quote attributes, use numeric character references
 * ({@code &#160;}) instead of HTML named entities. CSS 2.1 with some CSS 3 ({@code @page}, page counters) is
 * understood. Nothing outside the document is loaded (no files, no network): images must be {@code data:}
 * URIs.
 */
@ProviderType
public interface PdfRenderer {

    /** The family name of the embedded Arabic font, for {@code font-family}. */
    String ARABIC_FONT = "Noto Naskh Arabic";

    /** The family name of the embedded Latin font, for {@code font-family}. */
    String LATIN_FONT = "Noto Sans";

    /**
     * Writes the PDF of {@code xhtml} to {@code pdf}. The stream is not closed.
     *
     * @throws PdfException if the document is not well-formed XML or cannot be laid out or written; the
     *                      message says why (for XML errors with the line and column)
     */
    void render(String xhtml, OutputStream pdf) throws PdfException;
}
