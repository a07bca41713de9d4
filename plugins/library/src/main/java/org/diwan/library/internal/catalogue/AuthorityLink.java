package org.diwan.library.internal.catalogue;

/** One authority a description names, in a role, in the order the cataloguer gave. */
public record AuthorityLink(Role role, String authorityId) {
}
