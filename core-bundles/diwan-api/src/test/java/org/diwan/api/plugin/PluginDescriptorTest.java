package org.diwan.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.diwan.api.i18n.LocalizedText;
import org.junit.jupiter.api.Test;

class PluginDescriptorTest {

    private static final LocalizedText NAME = LocalizedText.of("البعثات", "Missions", "Missions");
    private static final PermissionDef READ = new PermissionDef("missions:registry:read", NAME);

    @Test
    void acceptsAWellFormedDescriptorWithADefaultIcon() {
        PluginDescriptor descriptor = new PluginDescriptor("missions", NAME, null, List.of(READ),
                List.of(new NavEntry("/diwan/missions/registry", NAME, READ.id(), 1)));
        assertThat(descriptor.navigation()).hasSize(1);
        assertThat(descriptor.icon()).isEqualTo("puzzle");
    }

    @Test
    void refusesIdsThatCannotServeAsUrlAndPermissionPrefix() {
        for (String bad : List.of("Missions", "m", "missions/x", "البعثات", "1missions")) {
            assertThatThrownBy(() -> new PluginDescriptor(bad, NAME, null, List.of(), List.of()))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesPermissionsOfAnotherPlugin() {
        PermissionDef foreign = new PermissionDef("library:catalogue:read", NAME);
        assertThatThrownBy(() -> new PluginDescriptor("missions", NAME, null, List.of(foreign), List.of()))
                .hasMessageContaining("must start with 'missions:'");
    }

    @Test
    void refusesNavigationGuardedByAnUndeclaredPermissionOrOutsideItsPath() {
        NavEntry unguarded = new NavEntry("/diwan/missions/x", NAME, "missions:registry:write", 1);
        assertThatThrownBy(() -> new PluginDescriptor("missions", NAME, null, List.of(READ), List.of(unguarded)))
                .hasMessageContaining("undeclared permission");
        NavEntry elsewhere = new NavEntry("/diwan/library/x", NAME, READ.id(), 1);
        assertThatThrownBy(() -> new PluginDescriptor("missions", NAME, null, List.of(READ), List.of(elsewhere)))
                .hasMessageContaining("must lie under /diwan/missions");
    }

    @Test
    void refusesMalformedPermissionsAndNonAsciiPaths() {
        assertThatThrownBy(() -> new PermissionDef("missions", NAME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PermissionDef("missions:Read", NAME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NavEntry("/diwan/missions/تقارير", NAME, READ.id(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NavEntry("/diwan/missions/a;b", NAME, READ.id(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
