package org.diwan.pdf.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * PDFBox's font mapper for fonts a PDF does not embed. openhtmltopdf creates PDFBox's standard 14 fonts
 * (Times, Helvetica, Symbol, ...) for every document, and PDFBox's default mapper then scans every font file
 * of the operating system and writes a cache file into the home directory of the Karaf user. This one
 * answers every request with the bundled Noto Sans instead: nothing is scanned or written, and output does
 * not depend on the fonts installed on the node. The service's documents embed their own fonts anyway.
 * Mappings are not flagged as fallbacks, or PDFBox would warn about each of the 14 fonts on every document.
 */
final class OfflineFontMapper implements FontMapper {

    private final TrueTypeFont substitute;

    OfflineFontMapper(byte[] trueTypeFont) {
        try {
            substitute = new TTFParser().parse(new RandomAccessReadBuffer(trueTypeFont));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the substitute font", e);
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(substitute, false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(substitute, false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, substitute, false);
    }
}
