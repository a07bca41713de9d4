package org.diwan.web.internal;

import java.util.Optional;

import org.apache.shiro.authc.UsernamePasswordToken;
import org.diwan.api.security.FailedLogins;

/**
 * A login form's credentials, which also bring back from the realm what the login page tells the user
 * afterwards: the failed attempts on their account since their previous login.
 */
final class DiwanLoginToken extends UsernamePasswordToken {

    private static final long serialVersionUID = 1L;

    private transient FailedLogins failedSinceLastLogin;

    DiwanLoginToken(String username, char[] password, String host) {
        super(username, password, false, host);
    }

    void failedSinceLastLogin(Optional<FailedLogins> failures) {
        this.failedSinceLastLogin = failures.orElse(null);
    }

    Optional<FailedLogins> failedSinceLastLogin() {
        return Optional.ofNullable(failedSinceLastLogin);
    }
}
