package org.diwan.api.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One change, as the audit trail keeps it.
 *
 * @param at      when it happened
 * @param actor   the user name, or {@code system} for the node itself
 * @param action  what was done, dotted and lower-case ({@code user.create}, {@code plugin.install})
 * @param target  what it was done to (a user name, a plugin id, a record's UUID)
 * @param detail  free text for the reader of the log; never a password or a token
 * @param address where the request came from (remote IP), or {@code local} for the console and the node itself
 */
public record AuditEntry(Instant at, String actor, String action, String target, String detail, String address) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
        address = address == null || address.isBlank() ? "local" : address;
    }
}
