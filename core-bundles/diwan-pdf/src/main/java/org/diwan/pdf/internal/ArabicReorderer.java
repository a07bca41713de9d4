package org.diwan.pdf.internal;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.openhtmltopdf.bidi.BidiReorderer;

/**
 * Shapes Arabic and reverses right-to-left runs for openhtmltopdf, like its {@code ICUBidiReorderer}
 * (ICU4J {@link ArabicShaping} with {@code LETTERS_SHAPE}: letters to their joined presentation forms, lam-alef
 * ligatures, digits untouched), with one difference: vowel marks (harakat, shadda, sukun, tanween) stay
 * combining marks.
 *
 * <p>ICU turns each mark into a presentation form of its own (U+FE70–U+FE7F), a spacing glyph, some with a
 * kashida: a word like {@code شكراً} then shows a gap and a floating mark. PDFBox has no OpenType mark
 * positioning, but the fonts' combining marks have no advance, so drawn just before their letter in visual
 * order they sit over (or under) the letter and the word stays joined.
 */
final class ArabicReorderer implements BidiReorderer {

    /** The combining mark of each presentation form U+FE70..U+FE7F (U+FE75 is unassigned). */
    private static final char[] MARK_OF_FORM = {
        '\u064B', '\u064B', '\u064C', 0, '\u064D', 0, '\u064E', '\u064E',
        '\u064F', '\u064F', '\u0650', '\u0650', '\u0651', '\u0651', '\u0652', '\u0652'
    };

    private final ArabicShaping shaper = new ArabicShaping(ArabicShaping.LETTERS_SHAPE);
    private final ArabicShaping deshaper = new ArabicShaping(ArabicShaping.LETTERS_UNSHAPE);

    @Override
    public String shapeText(String text) {
        try {
            return marksBackToCombining(shaper.shape(text));
        } catch (ArabicShapingException e) {
            return text;
        }
    }

    static String marksBackToCombining(String shaped) {
        char[] chars = null;
        for (int i = 0; i < shaped.length(); i++) {
            char c = shaped.charAt(i);
            if (c >= '\uFE70' && c <= '\uFE7F' && MARK_OF_FORM[c - '\uFE70'] != 0) {
                if (chars == null) {
                    chars = shaped.toCharArray();
                }
                chars[i] = MARK_OF_FORM[c - '\uFE70'];
            }
        }
        return chars == null ? shaped : new String(chars);
    }

    @Override
    public String deshapeText(String text) {
        try {
            return deshaper.shape(text);
        } catch (ArabicShapingException e) {
            return text;
        }
    }

    @Override
    public String reorderRTLTextToLTR(String text) {
        // Marks come before their letter in visual order, so a zero-advance mark is drawn over its letter
        return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }
}
