package org.diwan.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.diwan.api.i18n.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisTest {

    private static final Analysis ANALYSIS = new Analysis();

    @AfterAll
    static void close() {
        ANALYSIS.close();
    }

    static List<String> terms(Language language, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYSIS.tokenStream(Fields.all(language), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "احمد, أحمد", "إحمد, آحمد", "مكتبة, مكتبه", "مستشفى, مستشفي", "العربيـــة, العربية", "كَتَبَ, كتب",
            "مُنَظَّمَة, منظمة", "ٱلقرار, القرار", "مسؤول, مسوول",
            // light stemming: plural and singular, with and without the article and conjunctions
            "مكتبات, مكتبة", "المكتبات, مكتبة", "والمعلمون, معلم", "القرارات, قرار", "بالمنظمة, منظمة",
            "٢٠٢٦, 2026"})
    void arabicSpellingsMeet(String one, String other) throws IOException {
        assertThat(terms(Language.AR, one)).isNotEmpty().isEqualTo(terms(Language.AR, other));
    }

    @Test
    void theWordForOnIsDroppedButTheNameAliIsKept() throws IOException {
        assertThat(terms(Language.AR, "على")).isEmpty();
        assertThat(terms(Language.AR, "علي")).hasSize(1);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"resolutions, resolution", "councils, council", "organization's, organization", "Meetings, meeting"})
    void englishWordsMeetByTheirStem(String one, String other) throws IOException {
        assertThat(terms(Language.EN, one)).isNotEmpty().isEqualTo(terms(Language.EN, other));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"résolutions, résolution", "résolution, resolution", "l'organisation, organisation", "économiques, économique",
            "Conseils, conseil"})
    void frenchWordsMeetByTheirStem(String one, String other) throws IOException {
        assertThat(terms(Language.FR, one)).isNotEmpty().isEqualTo(terms(Language.FR, other));
    }

    @Test
    void latinNamesInArabicTextAreFoundLowerCased() throws IOException {
        assertThat(terms(Language.AR, "استقبل السفير UNESCO")).contains("unesco");
    }

    @Test
    void stopWordsOfEveryLanguageGoInEveryChain() throws IOException {
        assertThat(terms(Language.EN, "the les في")).isEmpty();
        assertThat(terms(Language.FR, "the les في")).isEmpty();
    }
}
