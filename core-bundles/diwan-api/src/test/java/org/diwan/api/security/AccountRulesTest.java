package org.diwan.api.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.diwan.api.security.AccountException.Reason;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

    @Test
    void loginNamesAreLowerCaseAscii() {
        assertThatCode(() -> AccountRules.checkUsername("a.hassan")).doesNotThrowAnyException();
        for (String bad : new String[] {"ab", "Ahmed", "أحمد", "1admin", "a b", "x".repeat(65), null}) {
            assertThatThrownBy(() -> AccountRules.checkUsername(bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(AccountException.class, e -> reason(e, Reason.USERNAME_INVALID));
        }
        org.assertj.core.api.Assertions.assertThat(AccountRules.normalizeUsername("  Admin ")).isEqualTo("admin");
    }

    @Test
    void displayNamesTakeAnyScriptButNoBidiOverrides() {
        assertThatCode(() -> AccountRules.checkDisplayName("أحمد بن علي")).doesNotThrowAnyException();
        assertThatCode(() -> AccountRules.checkDisplayName("Élise \u200F")).doesNotThrowAnyException();
        for (String bad : new String[] {"abc\u202Egnp.exe", "\u2066x\u2069", "tab\there", " ", "x".repeat(201)}) {
            assertThatThrownBy(() -> AccountRules.checkDisplayName(bad))
                    .isInstanceOfSatisfying(AccountException.class, e -> reason(e, Reason.DISPLAY_NAME_INVALID));
        }
    }

    @Test
    void passwordsNeedTwelveCharactersCountedAsCodePoints() {
        assertThatThrownBy(() -> AccountRules.checkPassword("admin", "short-pass1".toCharArray()))
                .isInstanceOfSatisfying(AccountException.class, e -> reason(e, Reason.PASSWORD_TOO_SHORT));
        assertThatCode(() -> AccountRules.checkPassword("admin", "كلمة سر طويلة".toCharArray())).doesNotThrowAnyException();
        assertThatThrownBy(() -> AccountRules.checkPassword("admin", "x".repeat(257).toCharArray()))
                .isInstanceOfSatisfying(AccountException.class, e -> reason(e, Reason.PASSWORD_TOO_LONG));
    }

    @Test
    void passwordsMustNotContainTheLoginName() {
        assertThatThrownBy(() -> AccountRules.checkPassword("hassan", "my-HASSAN-password".toCharArray()))
                .isInstanceOfSatisfying(AccountException.class, e -> reason(e, Reason.PASSWORD_CONTAINS_USERNAME));
    }

    @Test
    void mailAddressesAreNormalisedAndNeverCarryASecondRecipientOrAHeader() {
        org.assertj.core.api.Assertions.assertThat(AccountRules.normalizeMailAddress("  Laila.H+diwan@Example.ORG ")).isEqualTo("Laila.H+diwan@example.org");
        org.assertj.core.api.Assertions.assertThat(AccountRules.normalizeMailAddress("sec@وزارة.مصر")).startsWith("sec@xn--");
        org.assertj.core.api.Assertions.assertThat(AccountRules.normalizeMailAddress("laila@example.org\r\n")).isEqualTo("laila@example.org");
        org.assertj.core.api.Assertions.assertThat(AccountRules.normalizeMailAddress("  ")).isNull();
        org.assertj.core.api.Assertions.assertThat(AccountRules.normalizeMailAddress(null)).isNull();
        for (String bad : new String[] {"laila", "@example.org", "laila@", "laila@localhost", "a@b@example.org",
                "laila@example.org\r\nBcc: all@example.org", "laila@example.org, omar@example.org", "Laila <laila@example.org>",
                "\"laila\"@example.org", "lai la@example.org", "ليلى@example.org", "laila@exa_mple.org", "laila@example..org",
                "laila@-example.org", "laila@example.org.", "x".repeat(65) + "@example.org", "a@" + "b".repeat(250) + ".org",
                "laila\n@example.org", "laila..h@example.org", ".laila@example.org"}) {
            assertThatThrownBy(() -> AccountRules.normalizeMailAddress(bad)).as(bad)
                    .isInstanceOfSatisfying(AccountException.class, e -> reason(e, Reason.MAIL_ADDRESS_INVALID));
        }
    }

    private static void reason(AccountException e, Reason expected) {
        org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(expected);
        org.assertj.core.api.Assertions.assertThat(e.messageKey()).isEqualTo("security.error." + expected.name().toLowerCase());
    }
}
