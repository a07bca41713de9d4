package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.diwan.itkit.DiwanNode;

/** A node started with Derby's unsafe {@code durability=test} refuses to open its database and says why. */
class DurabilityRefusalIT {

    @Test
    void refusesToOpenTheDatabaseWithTestDurability() throws Exception {
        try (DiwanNode node = DiwanNode.unpack("durability-it")
                .withEnv("EXTRA_JAVA_OPTS", "-Dderby.system.durability=test").start().awaitListening()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> node.log().contains("derby.system.durability=test is set"));
            assertThat(node.data().resolve("derby/diwan")).doesNotExist();
        }
    }
}
