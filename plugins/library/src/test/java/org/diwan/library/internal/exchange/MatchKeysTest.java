package org.diwan.library.internal.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.diwan.library.internal.catalogue.MatchKeys;
import org.junit.jupiter.api.Test;

class MatchKeysTest {

    @Test
    void anIsbnIsOneKeyHoweverItIsWritten() {
        assertThat(MatchKeys.ofIdentifier("0-306-40615-2")).containsExactly("isbn:9780306406157");
        assertThat(MatchKeys.ofIdentifier("9780306406157 (pbk.)")).containsExactly("isbn:9780306406157");
        assertThat(MatchKeys.ofIdentifier("978-0-306-40615-7")).containsExactly("isbn:9780306406157");
        assertThat(MatchKeys.ofIdentifier("0-8044-2957-x")).containsExactly("isbn:9780804429573");
        assertThat(MatchKeys.ofIdentifier("2049-3630")).containsExactly("issn:20493630");
        assertThat(MatchKeys.ofIdentifier("ق.ق: 245")).isEmpty();
        assertThat(MatchKeys.ofIdentifier(null)).isEmpty();
    }

    @Test
    void anOclcNumberIsOneKeyWithOrWithoutItsPrefixAndZeros() {
        assertThat(MatchKeys.system("(OCoLC)ocm00012345")).isEqualTo(MatchKeys.system("(OCoLC)12345")).isEqualTo(MatchKeys.system("(ocolc)on12345"));
        assertThat(MatchKeys.system("(DLC)  2010345678")).isEqualTo("sys:(dlc)2010345678");
        assertThat(MatchKeys.control(" 2010345678 ", "DLC")).isEqualTo(MatchKeys.control("2010345678", "dlc"));
        assertThat(MatchKeys.control("2010345678", "DLC")).isNotEqualTo(MatchKeys.control("2010345678", "OCoLC"));
    }

    @Test
    void isbdPunctuationIsTakenOffEveryFieldAlikeButInitialsKeepTheirFullStop() {
        assertThat(MarcImport.clean("Kitāb al-ayyām /")).isEqualTo("Kitāb al-ayyām");
        assertThat(MarcImport.clean("Ḥusayn, Ṭāhā,")).isEqualTo("Ḥusayn, Ṭāhā");
        assertThat(MarcImport.clean("Authors, Arab.")).isEqualTo("Authors, Arab");
        assertThat(MarcImport.clean("حسين، طه،")).isEqualTo("حسين، طه");
        assertThat(MarcImport.clean("سلسلة الأدب العربي ؛")).isEqualTo("سلسلة الأدب العربي");
        assertThat(MarcImport.clean("Smith, John A.")).isEqualTo("Smith, John A.");
        assertThat(MarcImport.clean("Kavafēs, K. P.,")).isEqualTo("Kavafēs, K. P.");
        assertThat(MarcImport.clean("Tales, etc.")).isEqualTo("Tales, etc.");
        assertThat(MarcImport.clean("To be continued...")).isEqualTo("To be continued...");
        assertThat(MarcImport.clean(" = ")).isNull();
    }
}
