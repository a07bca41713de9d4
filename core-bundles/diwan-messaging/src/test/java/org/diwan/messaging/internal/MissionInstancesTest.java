package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MissionInstancesTest {

    private final MissionInstances instances = new MissionInstances();

    @Test
    void theFirstStartHoldsTheLinkAndKeepsItAcrossItsOwnLogins() {
        assertThat(instances.login("TUN", "a")).isEqualTo(MissionInstances.Login.HOLDER);
        assertThat(instances.login("TUN", "a")).isEqualTo(MissionInstances.Login.HOLDER);
        assertThat(instances.holder("TUN")).isEqualTo("a");
    }

    @Test
    void aNewStartTakesTheLinkOverAndEachRestartAgain() {
        instances.login("TUN", "a");
        assertThat(instances.login("TUN", "b")).isEqualTo(MissionInstances.Login.TOOK_OVER);
        assertThat(instances.login("TUN", "c")).isEqualTo(MissionInstances.Login.TOOK_OVER);
        assertThat(instances.holder("TUN")).isEqualTo("c");
    }

    @Test
    void aStartThatWasTakenOverAndComesBackIsASecondNodeAndDoesNotGetTheLink() {
        instances.login("TUN", "copy");
        instances.login("TUN", "real");
        assertThat(instances.login("TUN", "copy")).isEqualTo(MissionInstances.Login.RETURNED);
        assertThat(instances.login("TUN", "copy")).isEqualTo(MissionInstances.Login.RETURNED);
        assertThat(instances.holder("TUN")).isEqualTo("real");
        assertThat(instances.login("TUN", "real")).isEqualTo(MissionInstances.Login.HOLDER);
    }

    @Test
    void missionsAreKeptApart() {
        instances.login("TUN", "a");
        assertThat(instances.login("EGY", "b")).isEqualTo(MissionInstances.Login.HOLDER);
        assertThat(instances.login("TUN", "a")).isEqualTo(MissionInstances.Login.HOLDER);
    }

    @Test
    void enrollingAgainForgetsEveryStart() {
        instances.login("TUN", "copy");
        instances.login("TUN", "real");
        instances.forget("TUN");
        assertThat(instances.holder("TUN")).isNull();
        assertThat(instances.login("TUN", "copy")).isEqualTo(MissionInstances.Login.HOLDER);
    }

    @Test
    void aNodeWithoutAnInstanceIdCannotBeToldApartAndIsLetIn() {
        instances.login("TUN", "a");
        assertThat(instances.login("TUN", "")).isEqualTo(MissionInstances.Login.HOLDER);
        assertThat(instances.holder("TUN")).isEqualTo("a");
    }

    @Test
    void aCopyRetryingForLongIsStillRecognisedAmongManyRestarts() {
        instances.login("TUN", "copy");
        for (int restart = 0; restart < 40; restart++) {
            instances.login("TUN", "real-" + restart);
        }
        assertThat(instances.login("TUN", "copy")).isEqualTo(MissionInstances.Login.RETURNED);
    }
}
