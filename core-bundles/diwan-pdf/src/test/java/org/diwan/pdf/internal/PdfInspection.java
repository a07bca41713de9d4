package org.diwan.pdf.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads back a PDF the way a reader and a person would: the text PDFBox extracts, the glyphs as drawn, the
 * fonts, the images, page one as a picture.
 */
final class PdfInspection implements AutoCloseable {

    /** One line of drawn glyphs: its baseline, its left and right edges (points), its glyphs as drawn. */
    record GlyphLine(float y, float left, float right, String drawn) {
    }

    private final PDDocument document;

    private PdfInspection(PDDocument document) {
        this.document = document;
    }

    static PdfInspection of(byte[] pdf) {
        try {
            return new PdfInspection(Loader.loadPDF(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text as PDFBox extracts it, one entry per line: PDFTextStripper sorts glyphs into lines by position,
     * turns each line's visual order back into logical order (java.text.Bidi) and maps Arabic presentation
     * forms back to base letters (NFKC). Lines are trimmed, runs of spaces collapsed, blank lines dropped.
     */
    List<String> lines() throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return Arrays.stream(stripper.getText(document).split("\\R"))
                .map(line -> line.strip().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /** The glyphs of page one as drawn (left to right on the page), as their Unicode values, a line each. */
    String drawn() throws IOException {
        StringBuilder drawn = new StringBuilder();
        for (GlyphLine line : glyphLines()) {
            drawn.append(line.drawn()).append('\n');
        }
        return drawn.toString();
    }

    /** Glyphs of page one grouped by baseline, top to bottom; within a line in drawing order. */
    List<GlyphLine> glyphLines() throws IOException {
        Map<Integer, List<TextPosition>> byBaseline = new TreeMap<>();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                byBaseline.computeIfAbsent(Math.round(text.getYDirAdj()), y -> new ArrayList<>()).add(text);
            }
        };
        collector.setStartPage(1);
        collector.setEndPage(1);
        collector.getText(document);
        List<GlyphLine> lines = new ArrayList<>();
        byBaseline.forEach((y, glyphs) -> {
            float left = Float.MAX_VALUE;
            float right = -Float.MAX_VALUE;
            StringBuilder drawn = new StringBuilder();
            for (TextPosition g : glyphs) {
                if (!g.getUnicode().isBlank()) {
                    left = Math.min(left, g.getXDirAdj());
                    right = Math.max(right, g.getXDirAdj() + g.getWidthDirAdj());
                }
                drawn.append(g.getUnicode());
            }
            lines.add(new GlyphLine(y, left, right, drawn.toString()));
        });
        return lines;
    }

    float pageWidth() {
        return document.getPage(0).getMediaBox().getWidth();
    }

    /** Base names (subset tag removed) of the fonts on the pages. */
    SortedSet<String> fontNames() throws IOException {
        SortedSet<String> names = new TreeSet<>();
        for (PDFont font : fonts()) {
            names.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
        }
        return names;
    }

    /** Fonts on the pages whose glyphs are not inside the PDF (a reader would substitute its own). */
    SortedSet<String> fontsNotEmbedded() throws IOException {
        SortedSet<String> names = new TreeSet<>();
        for (PDFont font : fonts()) {
            boolean embedded = font instanceof PDType0Font type0
                    && type0.getDescendantFont().getFontDescriptor() != null
                    && type0.getDescendantFont().getFontDescriptor().getFontFile2() != null;
            if (!embedded) {
                names.add(font.getName());
            }
        }
        return names;
    }

    int imageCount() throws IOException {
        int images = 0;
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
        }
        return images;
    }

    int pageCount() {
        return document.getNumberOfPages();
    }

    BufferedImage pageOne(float dpi) throws IOException {
        return new PDFRenderer(document).renderImageWithDPI(0, dpi);
    }

    private List<PDFont> fonts() throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
