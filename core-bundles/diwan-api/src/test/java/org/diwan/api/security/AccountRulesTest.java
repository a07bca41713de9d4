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

    private static void reason(AccountException e, Reason expected) {
        org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(expected);
        org.assertj.core.api.Assertions.assertThat(e.messageKey()).isEqualTo("security.error." + expected.name().toLowerCase());
    }
}
