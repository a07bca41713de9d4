package org.diwan.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Letters typed on Persian, Urdu, Kurdish and Maghrebi keyboards find the Arabic spelling, over the whole inventory. */
class ArabicLettersTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "کتاب, كتاب", // Persian keheh
            "علی, علي", // Farsi yeh
            "مدرسہ, مدرسه", // Urdu heh goal
            "ہے, هي", // heh goal and yeh barree
            "کھانا, كهانا", // heh doachashmee
            "ڤيينا, فيينا", // veh, as Arabic writes Vienna
            "گرجستان, كرجستان", // gaf
            "پاريس, باريس", // peh
            "چين, جين", // tcheh
            "ٱلرحمن, الرحمن", // alef wasla
            "ﺍﻟﻌﺮﺑﻴﺔ, العربية", // presentation forms
            "ۀ, ه", // heh with yeh above
            "ۓ, ي" // yeh barree with hamza above
    })
    void aLetterFromAnotherKeyboardFindsTheArabicSpelling(String typed, String arabic) {
        assertThat(ArabicText.fold(typed)).isEqualTo(ArabicText.fold(arabic));
    }

    @Test
    void everyArabicScriptLetterFoldsIntoTheArabicAlphabet() {
        List<String> left = new ArrayList<>();
        int[][] blocks = {{0x0620, 0x06FF}, {0x0750, 0x077F}, {0x0870, 0x089F}, {0x08A0, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};
        for (int[] block : blocks) {
            for (int c = block[0]; c <= block[1]; c++) {
                String name = Character.getName(c);
                if (name == null || !name.startsWith("ARABIC LETTER ") || name.equals("ARABIC LETTER MARK") || name.contains("SUPERSCRIPT")
                        || name.equals("ARABIC LETTER HIGH HAMZA")) {
                    continue;
                }
                String folded = ArabicText.fold(new String(Character.toChars(c)));
                boolean arabic = !folded.isEmpty() && folded.codePoints().allMatch(f -> f >= 0x0621 && f <= 0x064A);
                if (!arabic) {
                    left.add(String.format("U+%04X %s", c, name));
                }
            }
        }
        assertThat(left).as("letters that fold to no Arabic letter").isEmpty();
    }

    @Test
    void theArabicAlphabetStaysAsTheOldFoldingHadIt() {
        assertThat(ArabicText.fold("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")).isEqualTo("ابتثجحخدذرزسشصضطظعغفقكلمنهوي");
        assertThat(ArabicText.fold("ءآأؤإئىة")).isEqualTo("ءاا" + "و" + "ا" + "ي" + "ي" + "ه");
    }
}
