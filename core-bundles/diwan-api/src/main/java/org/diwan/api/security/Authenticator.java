package org.diwan.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks a login name and password, applying the lockout policy: after repeated failures an account is
 * locked for a while and an address is slowed down. Used by the web login and the SSH console.
 */
@ProviderType
public interface Authenticator {

    /**
     * @param address the remote address of the attempt, for the per-address limit and the audit trail
     */
    LoginResult login(String username, char[] password, String address);
}
