package org.diwan.web.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.ExcessiveAttemptsException;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.LockedAccountException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Authenticator;
import org.diwan.api.security.LoginResult;

/**
 * Shiro's view of Diwan's accounts. The password check, lockout and audit happen in diwan-security's
 * {@link Authenticator}; this realm only translates its outcome into Shiro's exceptions and reads
 * permissions from the roles in the database once per request: a page asks many times (navigation, the
 * servlet, the template), and a role change still applies from the next request on. A Bearer call's subject
 * (see {@link BearerTokens}) carries a {@link TokenPrincipal} and gets the token's scope within those permissions.
 */
final class DiwanRealm extends AuthorizingRealm {

    private final Authenticator authenticator;
    private final Accounts accounts;
    /** The permissions read during the request being served on this thread; null outside a request. */
    private final ThreadLocal<Map<Object, AuthorizationInfo>> requestCache = new ThreadLocal<>();

    DiwanRealm(Authenticator authenticator, Accounts accounts) {
        this.authenticator = authenticator;
        this.accounts = accounts;
        setName("diwan");
        // The Authenticator has checked the password already.
        setCredentialsMatcher(new AllowAllCredentialsMatcher());
        setAuthorizationCachingEnabled(false);
        setAuthenticationCachingEnabled(false);
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return token instanceof UsernamePasswordToken;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) throws AuthenticationException {
        UsernamePasswordToken credentials = (UsernamePasswordToken) token;
        LoginResult result = authenticator.login(credentials.getUsername(), credentials.getPassword(), credentials.getHost());
        switch (result.outcome()) {
            case SUCCESS:
                if (credentials instanceof DiwanLoginToken form) {
                    form.failedSinceLastLogin(result.sinceLastLogin());
                }
                return new SimpleAuthenticationInfo(result.account().orElseThrow().username(), credentials.getPassword(), getName());
            case LOCKED:
                throw new LockedAccountException(result.retryAfter().map(Object::toString).orElse(""));
            case RATE_LIMITED:
                throw new ExcessiveAttemptsException(result.retryAfter().map(Object::toString).orElse(""));
            default:
                throw new IncorrectCredentialsException();
        }
    }

    void beginRequest() {
        requestCache.set(new HashMap<>());
    }

    void endRequest() {
        requestCache.remove();
    }

    @Override
    protected AuthorizationInfo getAuthorizationInfo(PrincipalCollection principals) {
        Map<Object, AuthorizationInfo> cache = requestCache.get();
        if (cache == null || principals == null || principals.isEmpty()) {
            return super.getAuthorizationInfo(principals);
        }
        // by all principals, not the user's name alone: a Bearer call's token principal changes what is permitted
        return cache.computeIfAbsent(java.util.List.copyOf(principals.asList()), user -> super.getAuthorizationInfo(principals));
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        String username = (String) principals.getPrimaryPrincipal();
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
        TokenPrincipal token = principals.oneByType(TokenPrincipal.class);
        if (token != null) {
            // a Bearer call: no roles, and of the token's scope only what the owner holds now
            info.setStringPermissions(token.heldBy(accounts.permissions(username)));
            return info;
        }
        accounts.find(username).ifPresent(account -> info.setRoles(Set.copyOf(account.roles())));
        info.setStringPermissions(accounts.permissions(username));
        return info;
    }
}
