package org.diwan.api.workflow;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A move a user may make: from any of {@code from} to {@code to}, for holders of {@code permission}. Its label is the
 * plugin's message {@code <plugin>.workflow.<name>.transition.<id>}.
 *
 * @param id              a lower-case word ({@code submit}, {@code reopen}); also usable as a record action's name
 * @param commentRequired whether the one who fires it must say why (sending back, reopening)
 * @param due             the due date the new state gets, or null for none
 */
public record Transition(String id, Set<String> from, String to, String permission, boolean commentRequired, Due due) {

    public Transition {
        WorkflowDefinition.checkId("transition", id);
        from = Set.copyOf(from);
        if (from.isEmpty()) {
            throw new IllegalArgumentException("transition " + id + " leaves from at least one state");
        }
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(permission, "permission");
        if (permission.isBlank()) {
            throw new IllegalArgumentException("transition " + id + " is guarded by a permission");
        }
    }

    public Optional<Due> dueDelay() {
        return Optional.ofNullable(due);
    }
}
