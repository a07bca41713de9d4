package org.diwan.persistence.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityGuardTest {

    @TempDir
    Path home;

    @Test
    void refusesTestDurabilityFromASystemProperty() {
        assertThatThrownBy(() -> DurabilityGuard.requireDurableCommits(" TEST ", home.resolve("derby.properties")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("derby.system.durability=test")
                .hasMessageContaining("system property");
    }

    @Test
    void refusesTestDurabilityFromDerbyProperties() throws Exception {
        Path file = Files.writeString(home.resolve("derby.properties"), "derby.system.durability=test\n");
        assertThatThrownBy(() -> DurabilityGuard.requireDurableCommits(null, file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void acceptsTheDefaultAndUnrelatedSettings() throws Exception {
        Path file = Files.writeString(home.resolve("derby.properties"), "derby.storage.pageCacheSize=2000\n");
        assertThatCode(() -> DurabilityGuard.requireDurableCommits(null, file)).doesNotThrowAnyException();
        assertThatCode(() -> DurabilityGuard.requireDurableCommits(null, home.resolve("absent"))).doesNotThrowAnyException();
    }
}
