package org.diwan.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's first start. Until an administrator exists no login works; the node generates a one-time
 * setup token (logged on the console and written to {@code <data>/setup-token}), which the first web visit
 * asks for together with the administrator's name and password.
 */
@ProviderType
public interface Setup {

    /** True while no administrator exists. */
    boolean required();

    /**
     * Creates the first administrator. The token stops working as soon as this succeeds.
     *
     * @throws AccountException {@code SETUP_ALREADY_DONE}, {@code SETUP_TOKEN_INVALID}, or a broken account rule
     */
    Account complete(String token, String username, String displayName, char[] password, String address);
}
