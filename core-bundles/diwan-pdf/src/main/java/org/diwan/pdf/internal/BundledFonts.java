package org.diwan.pdf.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;

import org.diwan.api.pdf.PdfRenderer;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The fonts shipped in this bundle ({@code fonts/}, OFL 1.1), read once. Each is registered under its family
 * name for {@code font-family} and as a fallback ahead of PDFBox's built-in fonts, which have no Arabic and
 * are not embedded.
 */
final class BundledFonts {

    record Face(String family, int weight, FontStyle style, byte[] data) {
    }

    private final List<Face> faces;

    BundledFonts(List<Face> faces) {
        this.faces = List.copyOf(faces);
    }

    static BundledFonts load() {
        return new BundledFonts(List.of(
                // Latin first among the fallbacks: spaces and punctuation in a document naming no font of ours
                face(PdfRenderer.LATIN_FONT, 400, FontStyle.NORMAL, "NotoSans-Regular.ttf"),
                face(PdfRenderer.LATIN_FONT, 700, FontStyle.NORMAL, "NotoSans-Bold.ttf"),
                face(PdfRenderer.LATIN_FONT, 400, FontStyle.ITALIC, "NotoSans-Italic.ttf"),
                face(PdfRenderer.ARABIC_FONT, 400, FontStyle.NORMAL, "NotoNaskhArabic-Regular.ttf"),
                face(PdfRenderer.ARABIC_FONT, 700, FontStyle.NORMAL, "NotoNaskhArabic-Bold.ttf")));
    }

    /** The regular Latin face, PDFBox's substitute for fonts a PDF does not embed. */
    byte[] latinRegular() {
        return faces.stream()
                .filter(f -> f.family().equals(PdfRenderer.LATIN_FONT) && f.weight() == 400 && f.style() == FontStyle.NORMAL)
                .findFirst().orElseThrow().data();
    }

    void registerOn(PdfRendererBuilder builder) {
        EnumSet<FSFontUseCase> uses = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE);
        for (Face face : faces) {
            // subset = true: only the glyphs the document uses are embedded
            builder.useFont(() -> new ByteArrayInputStream(face.data()), face.family(), face.weight(), face.style(), true, uses);
        }
    }

    private static Face face(String family, int weight, FontStyle style, String file) {
        String path = "/fonts/" + file;
        try (InputStream in = BundledFonts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the bundle: " + path);
            }
            return new Face(family, weight, style, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + path, e);
        }
    }
}
