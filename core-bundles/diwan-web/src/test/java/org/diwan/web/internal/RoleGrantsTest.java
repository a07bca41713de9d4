package org.diwan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.shiro.authz.permission.WildcardPermission;
import org.junit.jupiter.api.Test;

class RoleGrantsTest {

    private static final Set<String> DECLARED = Set.of("missions:registry:read", "missions:registry:write", "library:catalogue:read");

    /** What a holder of these permissions holds, by Shiro's own wildcard rules (as the realm decides it). */
    private static Predicate<String> holder(String... held) {
        return asked -> Set.of(held).stream().anyMatch(h -> new WildcardPermission(h).implies(new WildcardPermission(asked)));
    }

    @Test
    void aRoleHoldsOnlyPermissionsThatInstalledPluginsDeclare() {
        Predicate<String> admin = holder("*");
        assertThat(RoleGrants.refusedInRole(Set.of("missions:registry:read"), DECLARED, admin)).isEmpty();
        assertThat(RoleGrants.refusedInRole(Set.of("missions:registry:read", "diwan:admin"), DECLARED, admin)).contains("diwan:admin");
        assertThat(RoleGrants.refusedInRole(Set.of("*"), DECLARED, admin)).contains("*");
        assertThat(RoleGrants.refusedInRole(Set.of("helpdesk:tickets:read"), DECLARED, admin)).contains("helpdesk:tickets:read");
    }

    @Test
    void aDelegateCannotPutInARolePermissionsTheyDoNotHold() {
        Predicate<String> clerk = holder("missions:registry:read", "diwan:users");
        assertThat(RoleGrants.refusedInRole(Set.of("missions:registry:read"), DECLARED, clerk)).isEmpty();
        assertThat(RoleGrants.refusedInRole(Set.of("missions:registry:write"), DECLARED, clerk)).contains("missions:registry:write");
    }

    @Test
    void onlyAnAdministratorGrantsTheAdminRoleAndADelegateOnlyRolesWithinTheirOwn() {
        Map<String, Set<String>> roles = Map.of("admin", Set.of("*"), "deputy", Set.of("diwan:admin"),
                "reader", Set.of("missions:registry:read"), "writer", Set.of("missions:registry:read", "missions:registry:write"));
        Predicate<String> deputy = holder("diwan:admin", "missions:registry:read");
        assertThat(RoleGrants.refusedRole(Set.of("admin"), roles, deputy)).contains("admin");
        assertThat(RoleGrants.refusedRole(Set.of("reader"), roles, deputy)).isEmpty();
        assertThat(RoleGrants.refusedRole(Set.of("reader", "writer"), roles, deputy)).contains("writer");
        assertThat(RoleGrants.refusedRole(Set.of("admin", "writer"), roles, holder("*"))).isEmpty();
        assertThat(RoleGrants.refusedRole(Set.of("admin"), Map.of(), holder("missions:*"))).contains("admin");
    }
}
