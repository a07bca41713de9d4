package org.diwan.web.internal;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * The second principal of a Bearer call's subject (the first is the owner's login name): which token it is, and
 * the scope it may use. {@link DiwanRealm} gives such a subject no roles and only the entries of the scope that the
 * owner's current permissions imply.
 */
record TokenPrincipal(UUID tokenId, Set<String> scope) {

    TokenPrincipal {
        scope = Set.copyOf(scope);
    }

    /**
     * The scope entries the owner still holds. Since every entry was held when the token was made, this is the
     * intersection of the scope with the owner's permissions, or less where a role was narrowed since: never more.
     */
    Set<String> heldBy(Set<String> ownerPermissions) {
        Set<WildcardPermission> held = ownerPermissions.stream().map(WildcardPermission::new).collect(Collectors.toSet());
        return scope.stream().filter(entry -> {
            WildcardPermission wanted = new WildcardPermission(entry);
            return held.stream().anyMatch(h -> h.implies(wanted));
        }).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "token " + tokenId;
    }
}
