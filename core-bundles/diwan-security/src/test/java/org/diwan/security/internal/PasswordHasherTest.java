package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = SecurityFixture.HASHER;

    @Test
    void writesArgon2idAtTheOwaspMinimumInPhcFormat() {
        String hash = hasher.hash("correct horse battery".toCharArray());
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verifiesTheRightPasswordOnlyWithAFreshSaltEachTime() {
        String first = hasher.hash("كلمة المرور الصحيحة".toCharArray());
        String second = hasher.hash("كلمة المرور الصحيحة".toCharArray());
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("كلمة المرور الصحيحة".toCharArray(), first)).isTrue();
        assertThat(hasher.verify("كلمة المرور الصحيحه".toCharArray(), first)).isFalse();
    }

    @Test
    void treatsAMalformedStoredHashAsAMismatch() {
        assertThat(hasher.verify("anything at all".toCharArray(), "$2a$10$notargon")).isFalse();
        assertThat(hasher.verify("anything at all".toCharArray(), null)).isFalse();
    }
}
