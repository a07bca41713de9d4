package org.diwan.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ValidationTest {

    private final Validation v = new Validation();

    @Test
    void cleanArabicTextPassesStrippedAndComposed() {
        // alef + combining hamza above composes to U+0623 under NFC
        assertThat(v.requiredLine("name", "  \u0627\u0654حمد  ", 50)).isEqualTo("أحمد");
        assertThat(v.line("name2", "بعثة\u200F (باريس)", 50)).isEqualTo("بعثة\u200F (باريس)");
        assertThat(v.isValid()).isTrue();
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThat(v.requiredLine("subject", "   ", 50)).isNull();
        assertThat(v.requiredParagraph("summary", null, 50)).isNull();
        assertThat(v.date("received", "", true)).isNull();
        assertThat(v.errors()).containsOnlyKeys("subject", "summary", "received");
        assertThat(v.errors().get("subject").messageKey()).isEqualTo("validation.required");
    }

    @Test
    void bidiOverridesAreRefusedNotStripped() {
        assertThat(v.requiredLine("name", "سفارة\u202Egnp.exe", 50)).isNull();
        assertThat(v.line("name2", "a\u2067b", 50)).isNull();
        assertThat(v.errors().get("name").messageKey()).isEqualTo("validation.bidi");
        assertThat(v.errors().get("name2").messageKey()).isEqualTo("validation.bidi");
    }

    @Test
    void markupAndControlCharactersAreRefused() {
        v.line("subject", "تقرير <script>alert(1)</script>", 200);
        v.line("nul", "a\u0000b", 200);
        v.line("newline", "a\nb", 200);
        assertThat(v.paragraph("summary", "سطر\nسطر آخر\r\n", 200)).isEqualTo("سطر\nسطر آخر");
        assertThat(v.line("math", "3 < 4 and 5 > 2", 200)).isEqualTo("3 < 4 and 5 > 2");
        assertThat(v.errors()).containsOnlyKeys("subject", "nul", "newline");
        assertThat(v.errors().get("subject").messageKey()).isEqualTo("validation.markup");
        assertThat(v.errors().get("nul").messageKey()).isEqualTo("validation.control");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThat(v.line("a", "ع".repeat(10), 10)).hasSize(10);
        assertThat(v.line("b", "ع".repeat(11), 10)).isNull();
        assertThat(v.errors().get("b")).isEqualTo(FieldError.of("validation.too-long", 10));
    }

    @Test
    void datesNumbersChoicesEmailsAndPhones() {
        assertThat(v.date("ok", "2026-11-25", true)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(v.date("bad", "2026-02-30", true)).isNull();
        assertThat(v.number("n", "45", 1, 365, true)).isEqualTo(45);
        assertThat(v.number("big", "400", 1, 365, true)).isNull();
        assertThat(v.number("nan", "x", 1, 365, true)).isNull();
        assertThat(v.choice("type", "MISSION", Set.of("MISSION", "CENTRE"), true)).isEqualTo("MISSION");
        assertThat(v.choice("type2", "BOGUS", Set.of("MISSION"), true)).isNull();
        assertThat(v.email("mail", "head@mission.example.org")).isNotNull();
        assertThat(v.email("mail2", "not an address")).isNull();
        assertThat(v.phone("tel", "+33 1 45 00 00 00")).isNotNull();
        assertThat(v.phone("tel2", "call me")).isNull();
        assertThat(v.errors()).containsOnlyKeys("bad", "big", "nan", "type2", "mail2", "tel2");
        assertThat(v.errors().get("big")).isEqualTo(FieldError.of("validation.range", 1, 365));
    }
}
