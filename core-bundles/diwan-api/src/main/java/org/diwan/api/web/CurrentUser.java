package org.diwan.api.web;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The user of the request being served on this thread, for servlets in Diwan's context. Permissions are
 * Shiro wildcard strings ({@code missions:correspondence:write}); an administrator holds them all.
 */
@ProviderType
public interface CurrentUser {

    /** The login name, or empty for a visitor who is not logged in. */
    Optional<String> username();

    boolean isPermitted(String permission);

    /** The remote address of the request, for the audit trail. */
    String address();
}
