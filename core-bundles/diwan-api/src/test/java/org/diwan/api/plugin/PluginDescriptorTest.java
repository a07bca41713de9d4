package org.diwan.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PluginDescriptorTest {

    private static final PermissionDef READ = new PermissionDef("missions:registry:read");
    private static final String LABEL = "missions.nav.registry";

    @Test
    void acceptsAWellFormedDescriptorWithADefaultIcon() {
        PluginDescriptor descriptor = new PluginDescriptor("missions", null, List.of(READ),
                List.of(new NavEntry("/diwan/missions/registry", LABEL, READ.id(), 1)));
        assertThat(descriptor.navigation()).hasSize(1);
        assertThat(descriptor.icon()).isEqualTo("puzzle");
    }

    @Test
    void namesItsTextsByKeysUnderThePluginsId() {
        PluginDescriptor descriptor = new PluginDescriptor("missions", null, List.of(READ), List.of());
        assertThat(descriptor.nameKey()).isEqualTo("missions.plugin.name");
        assertThat(READ.labelKey()).isEqualTo("missions.permission.registry.read");
        assertThat(new PermissionDef("it-services:tickets").labelKey()).isEqualTo("it-services.permission.tickets");
    }

    @Test
    void refusesIdsThatCannotServeAsUrlAndPermissionPrefix() {
        for (String bad : List.of("Missions", "m", "missions/x", "البعثات", "1missions")) {
            assertThatThrownBy(() -> new PluginDescriptor(bad, null, List.of(), List.of()))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesPermissionsOfAnotherPlugin() {
        PermissionDef foreign = new PermissionDef("library:catalogue:read");
        assertThatThrownBy(() -> new PluginDescriptor("missions", null, List.of(foreign), List.of()))
                .hasMessageContaining("must start with 'missions:'");
    }

    @Test
    void refusesNavigationGuardedByAnUndeclaredPermissionOrOutsideItsPathOrItsKeys() {
        NavEntry unguarded = new NavEntry("/diwan/missions/x", LABEL, "missions:registry:write", 1);
        assertThatThrownBy(() -> new PluginDescriptor("missions", null, List.of(READ), List.of(unguarded)))
                .hasMessageContaining("undeclared permission");
        NavEntry elsewhere = new NavEntry("/diwan/library/x", LABEL, READ.id(), 1);
        assertThatThrownBy(() -> new PluginDescriptor("missions", null, List.of(READ), List.of(elsewhere)))
                .hasMessageContaining("must lie under /diwan/missions");
        NavEntry borrowed = new NavEntry("/diwan/missions/x", "library.nav.catalogue", READ.id(), 1);
        assertThatThrownBy(() -> new PluginDescriptor("missions", null, List.of(READ), List.of(borrowed)))
                .hasMessageContaining("key under 'missions.'");
    }

    @Test
    void refusesMalformedPermissionsPathsAndKeys() {
        assertThatThrownBy(() -> new PermissionDef("missions")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PermissionDef("missions:Read")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NavEntry("/diwan/missions/تقارير", LABEL, READ.id(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NavEntry("/diwan/missions/a;b", LABEL, READ.id(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        for (String text : List.of("Missions registry", "سجل البعثات", "missions", "missions..x", "missions.nav x")) {
            assertThatThrownBy(() -> new NavEntry("/diwan/missions/registry", text, READ.id(), 1)).as(text)
                    .hasMessageContaining("message key");
        }
    }
}
