package org.diwan.library.internal.oai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlCharsTest {

    @Test
    void cleanReplacesExactlyWhatXmlForbids() {
        assertThat(XmlChars.clean("a\u0000b\u0008c\u000Bd\uFFFEe\uFFFF\uD800f\uDC00")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD\uFFFDf\uFFFD");
        String legal = "tab\tline\nreturn\rقرار\u202E😀\u0085";
        assertThat(XmlChars.clean(legal)).isSameAs(legal);
    }

    @Test
    void argumentsRefuseEveryControlCharacterButKeepArabicAndBidi() {
        assertThat(XmlChars.isCleanArgument("oai:diwan.library:قرار\u202E\u2066\u200F😀")).isTrue();
        for (String bad : new String[] {"\u0000", "\t", "\n", "\u007F", "\u0085", "\u009F", "\uFFFE", "\uFFFF", "\uFDD0", "\uD800", "\uDFFF", "\uD83F\uDFFE"}) {
            assertThat(XmlChars.isCleanArgument("x" + bad + "y")).as(Integer.toHexString(bad.codePointAt(0))).isFalse();
        }
    }

    @Test
    void shownValuesAreEscapedAndCut() {
        assertThat(XmlChars.shown("a\u0000\u001B[2J\uD800")).isEqualTo("a\\u0000\\u001B[2J\\uD800");
        assertThat(XmlChars.shown("x".repeat(100))).hasSize(65).endsWith("…");
        assertThat(XmlChars.shown(null)).isEmpty();
    }
}
