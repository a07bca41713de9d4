package org.diwan.console.internal;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.diwan.api.security.Actor;

/** The administrator logged in to the console, for the audit trail. */
final class ConsoleActor {

    private ConsoleActor() {
    }

    @SuppressWarnings("removal")
    static Actor current() {
        // Karaf runs each command inside Subject.doAs with the JAAS subject of the SSH login.
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals(UserPrincipal.class)) {
                return new Actor(principal.getName(), clientAddress(subject));
            }
        }
        return new Actor("console", "local");
    }

    /** The SSH client's address, which Karaf's SSH server records in the subject ({@code /192.0.2.7:52314}). */
    private static String clientAddress(Subject subject) {
        for (ClientPrincipal client : subject.getPrincipals(ClientPrincipal.class)) {
            String address = client.getAddress() == null ? "" : client.getAddress();
            String host = address.substring(address.lastIndexOf('/') + 1);
            if (host.startsWith("[") && host.indexOf(']') > 0) {
                return host.substring(1, host.indexOf(']'));
            }
            return host.lastIndexOf(':') > 0 ? host.substring(0, host.lastIndexOf(':')) : "ssh";
        }
        return "ssh";
    }

    /** Records what the console's administrator did, under their name. */
    static void audit(org.diwan.api.audit.AuditLog audit, String action, String target, String detail) {
        Actor actor = current();
        audit.record(new org.diwan.api.audit.AuditEntry(java.time.Instant.now(), actor.username(), action, target, detail, actor.address()));
    }
}
