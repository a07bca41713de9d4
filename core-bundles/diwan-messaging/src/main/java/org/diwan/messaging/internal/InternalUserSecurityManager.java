package org.diwan.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts exactly one user, the internal one of {@link BrokerCredentials}, and nobody else: no guest, no
 * anonymous login, no JAAS configuration that an edited file could widen. Its role gets every permission
 * (see {@link BrokerConfiguration#internalRole()}).
 */
final class InternalUserSecurityManager implements ActiveMQSecurityManager5 {

    private static final Logger LOG = LoggerFactory.getLogger(InternalUserSecurityManager.class);

    static final String ROLE = "diwan-internal";
    /** Enough of a refused user name to recognise it, not enough to flood the log. */
    private static final int LOGGED_NAME_LENGTH = 64;

    private final String user;
    private final byte[] password;

    InternalUserSecurityManager(BrokerCredentials credentials) {
        this.user = credentials.user();
        this.password = credentials.password().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Subject authenticate(String offeredUser, String offeredPassword, RemotingConnection connection, String securityDomain) {
        if (matches(offeredUser, offeredPassword)) {
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(new RolePrincipal(ROLE));
            return subject;
        }
        LOG.warn("Broker login refused for user '{}' from {}", printable(offeredUser),
                connection == null ? "unknown" : connection.getRemoteAddress());
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        Set<String> held = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName).collect(Collectors.toSet());
        return grants(roles, checkType, held);
    }

    @Override
    public boolean validateUser(String offeredUser, String offeredPassword) {
        return matches(offeredUser, offeredPassword);
    }

    @Override
    public boolean validateUserAndRole(String offeredUser, String offeredPassword, Set<Role> roles, CheckType checkType) {
        return matches(offeredUser, offeredPassword) && grants(roles, checkType, Set.of(ROLE));
    }

    private static boolean grants(Set<Role> roles, CheckType checkType, Set<String> held) {
        return roles != null && roles.stream().anyMatch(role -> held.contains(role.getName()) && checkType.hasRole(role));
    }

    private boolean matches(String offeredUser, String offeredPassword) {
        if (offeredUser == null || offeredPassword == null) {
            return false;
        }
        // Both compared in full, in constant time, so timing tells nothing about which one was wrong.
        boolean userMatches = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8), offeredUser.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password, offeredPassword.getBytes(StandardCharsets.UTF_8));
        return userMatches & passwordMatches;
    }

    /** The name comes from the network: no control characters into the log. */
    static String printable(String name) {
        if (name == null) {
            return "(none)";
        }
        String shortened = name.length() > LOGGED_NAME_LENGTH ? name.substring(0, LOGGED_NAME_LENGTH) + "…" : name;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
