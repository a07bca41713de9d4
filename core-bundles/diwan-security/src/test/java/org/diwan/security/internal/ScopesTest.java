package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void followsShirosWildcardRule() {
        assertThat(Scopes.implies("*", "missions:registry:read")).isTrue();
        assertThat(Scopes.implies("missions:*", "missions:registry:read")).isTrue();
        assertThat(Scopes.implies("missions", "missions:registry:read")).isTrue();
        assertThat(Scopes.implies("missions:registry", "missions:registry:write")).isTrue();
        assertThat(Scopes.implies("missions:registry:read,write", "missions:registry:write")).isTrue();
        assertThat(Scopes.implies("missions:*:read", "missions:media:read")).isTrue();
        assertThat(Scopes.implies("missions:registry:*", "missions:registry")).isTrue();

        assertThat(Scopes.implies("missions:registry:read", "missions:registry:write")).isFalse();
        assertThat(Scopes.implies("missions:registry:read", "missions:registry")).isFalse();
        assertThat(Scopes.implies("missions:registry:read", "missions")).isFalse();
        assertThat(Scopes.implies("library:*", "missions:registry:read")).isFalse();
        assertThat(Scopes.implies("missions:*:read", "missions:media:write")).isFalse();
    }

    @Test
    void aScopeMustBeHeldEntryByEntry() {
        Set<String> reader = Set.of("missions:registry:read", "library:catalogue");
        assertThat(Scopes.notHeld(List.of("missions:registry:read", "library:catalogue:write"), reader)).isEmpty();
        assertThat(Scopes.notHeld(List.of("missions:registry:read", "missions:registry:write"), reader)).contains("missions:registry:write");
        assertThat(Scopes.notHeld(List.of("missions:registry:read"), Set.of())).contains("missions:registry:read");
        assertThat(Scopes.notHeld(List.of("diwan:admin:x"), Set.of("*"))).isEmpty(); // held, but refused by malformed()
    }

    @Test
    void onlyDeclaredFormsAndNeverTheShellsOwn() {
        assertThat(Scopes.malformed(List.of("missions:registry:read", "library:catalogue"))).isEmpty();
        for (String bad : List.of("*", "missions:*", "missions", "missions:registry:read:more", "Missions:registry", "missions:registry,media",
                "missions: registry", "diwan:admin", "missions:regístry", "missions:registry\n:read", "")) {
            assertThat(Scopes.malformed(List.of("missions:registry:read", bad))).as(bad).contains(bad);
        }
    }
}
