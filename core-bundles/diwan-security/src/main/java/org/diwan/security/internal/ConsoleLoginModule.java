package org.diwan.security.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.diwan.api.security.Account;
import org.diwan.api.security.Authenticator;
import org.diwan.api.security.LoginResult;

/**
 * The SSH console's login: a Diwan administrator becomes a Karaf user with the roles the shell checks. The
 * lockout counts by the SSH client's own address, which Karaf's SSH server puts into the subject as a
 * {@link ClientPrincipal} before the login (Karaf 4.4), so that one client's failures never lock the console
 * for administrators connecting from elsewhere.
 */
public final class ConsoleLoginModule implements LoginModule {

    static final String AUTHENTICATOR_OPTION = "diwan.authenticator";
    /** Karaf's roles: {@code ssh} opens the console, {@code admin} runs every command. */
    static final List<String> KARAF_ROLES = List.of("ssh", "admin", "manager", "viewer", "systembundles");

    private Subject subject;
    private CallbackHandler callbacks;
    private Authenticator authenticator;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.authenticator = (Authenticator) options.get(AUTHENTICATOR_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("login: ");
        PasswordCallback password = new PasswordCallback("password: ", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("console login needs a name and a password: " + e.getMessage());
        }
        char[] secret = password.getPassword() == null ? new char[0] : password.getPassword();
        try {
            LoginResult result = authenticator.login(name.getName(), secret, clientAddress(subject));
            Account account = result.account().filter(a -> result.succeeded()).orElseThrow(
                    () -> new FailedLoginException("login refused (" + result.outcome().name().toLowerCase() + ")"));
            if (!account.isAdmin()) {
                throw new FailedLoginException("the console is for administrators");
            }
            principals.add(new UserPrincipal(account.username()));
            KARAF_ROLES.forEach(role -> principals.add(new RolePrincipal(role)));
            return true;
        } finally {
            Arrays.fill(secret, '\0');
            password.clearPassword();
        }
    }

    /** The SSH client's address ({@code ssh} when Karaf did not say), from Karaf's {@code ClientPrincipal}. */
    static String clientAddress(Subject subject) {
        if (subject != null) {
            for (ClientPrincipal client : subject.getPrincipals(ClientPrincipal.class)) {
                if ("ssh".equals(client.getMethod()) && client.getAddress() != null) {
                    return host(client.getAddress());
                }
            }
        }
        return "ssh";
    }

    /** The address of {@code InetSocketAddress.toString()}: {@code name/1.2.3.4:22}, {@code /[::1]:22} → {@code 1.2.3.4}, {@code ::1}. */
    static String host(String socketAddress) {
        String text = socketAddress.substring(socketAddress.lastIndexOf('/') + 1);
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            return end > 0 ? text.substring(1, end) : text;
        }
        int port = text.lastIndexOf(':');
        return port > 0 ? text.substring(0, port) : text;
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return !principals.isEmpty();
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
