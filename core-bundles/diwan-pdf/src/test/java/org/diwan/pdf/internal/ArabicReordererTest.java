package org.diwan.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArabicReordererTest {

    private final ArabicReorderer reorderer = new ArabicReorderer();

    @Test
    void joinsLettersAndLeavesVowelMarksCombining() {
        // ICU alone gives ﺷﻜﺮﺍ + U+FE70 (fathatan isolated form, a spacing glyph)
        assertThat(reorderer.shapeText("شكراً")).isEqualTo("\uFEB7\uFEDC\uFEAE\uFE8D\u064B");
        // marks between letters: ICU's medial forms (kashida + mark) become the plain marks, the letters stay joined
        assertThat(reorderer.shapeText("كُتُب")).isEqualTo("\uFEDB\u064F\uFE98\u064F\uFE90");
    }

    @Test
    void keepsDigitsAndLatinAsWritten() {
        assertThat(reorderer.shapeText("١٢ نوفمبر 2026 John")).startsWith("١٢ ").endsWith(" 2026 John");
    }

    @Test
    void reversesRightToLeftRunsWithMarksBeforeTheirLetter() {
        assertThat(reorderer.reorderRTLTextToLTR("\uFEB7\uFEDC\uFEAE\uFE8D\u064B")).isEqualTo("\u064B\uFE8D\uFEAE\uFEDC\uFEB7");
        assertThat(reorderer.reorderRTLTextToLTR("(أ)")).isEqualTo("(أ)");
    }

    @Test
    void deshapesBackToBaseLetters() {
        assertThat(reorderer.deshapeText(reorderer.shapeText("النشرة"))).isEqualTo("النشرة");
    }
}
