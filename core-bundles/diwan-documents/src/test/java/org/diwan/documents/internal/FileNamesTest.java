package org.diwan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void dropsFoldersOfEitherKind() {
        assertThat(FileNames.forDisplay("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.forDisplay("C:\\Users\\hassan\\..\\report.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.forDisplay("/tmp/")).isEmpty();
        assertThat(FileNames.forDisplay("..")).isEmpty();
    }

    @Test
    void dropsBidiOverridesAndControlCharacters() {
        assertThat(FileNames.forDisplay("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.forDisplay("\u2067list\u2069\u0000\n\t.txt")).isEqualTo("list.txt");
        assertThat(FileNames.forDisplay("\uFEFFnote.txt")).isEqualTo("note.txt");
    }

    @Test
    void keepsArabicWithItsMarks() {
        assertThat(FileNames.forDisplay("  مذكرة\u200F السفارة ٢٠٢٦.pdf ")).isEqualTo("مذكرة\u200F السفارة ٢٠٢٦.pdf");
    }

    @Test
    void replacesCharactersWindowsRefusesAndHidesNoLeadingDot() {
        assertThat(FileNames.forDisplay("a<b>:\"c\"|?*.txt")).isEqualTo("a_b___c____.txt");
        assertThat(FileNames.forDisplay(".bashrc")).isEqualTo("bashrc");
    }

    @Test
    void shortensLongNamesKeepingTheExtension() {
        String name = FileNames.forDisplay("ت".repeat(400) + ".docx");
        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("ت.docx");
    }
}
