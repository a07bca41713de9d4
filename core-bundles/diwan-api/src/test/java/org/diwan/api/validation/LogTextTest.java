package org.diwan.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void controlAndFormatCharactersAreWrittenAsEscapesAndArabicStaysAsItIs() {
        assertThat(LogText.escaped("ghost\u001b[31m\r\nforged")).isEqualTo("ghost\\u001b[31m\\u000d\\u000aforged");
        assertThat(LogText.escaped("abc\u202Eexe")).isEqualTo("abc\\u202eexe");
        assertThat(LogText.escaped("\u009b")).isEqualTo("\\u009b");
        assertThat(LogText.escaped("بعثة تونس")).isEqualTo("بعثة تونس");
        assertThat(LogText.escaped(null)).isEqualTo("null");
    }
}
