package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MissionCredentialTest {

    @Test
    void readsTheSecretTheNodeKeyAndTheInstance() {
        assertThat(MissionCredential.parse(MissionCredential.join("s3cr-t_", "k3y", "inst")))
                .isEqualTo(new MissionCredential("s3cr-t_", "k3y", "inst"));
    }

    @Test
    void readsWhatOlderNodesSend() {
        assertThat(MissionCredential.parse(MissionCredential.join("s", "k"))).isEqualTo(new MissionCredential("s", "k", ""));
        assertThat(MissionCredential.parse("s")).isEqualTo(new MissionCredential("s", "", ""));
    }

    @Test
    void somethingNoNodeSendsCannotMatchASecret() {
        assertThat(MissionCredential.parse("a.b.c.d").secret()).isEqualTo("a.b.c.d");
        assertThat(MissionCredential.parse(null).secret()).isNull();
    }

    @Test
    void eachStartGetsItsOwnInstanceMadeOfCharactersThatCannotBeTheSeparator() {
        String one = MissionCredential.newInstance();
        assertThat(one).isNotEqualTo(MissionCredential.newInstance()).matches("[A-Za-z0-9_-]{16}");
    }

    @Test
    void neverShowsItsParts() {
        assertThat(new MissionCredential("secret", "key", "inst").toString()).doesNotContain("secret", "key", "inst");
    }
}
