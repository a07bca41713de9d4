package org.diwan.api.workflow;

import java.time.Instant;
import java.util.Optional;

/**
 * One move of a record: the start ({@code from} and {@code transition} null) or a transition fired.
 *
 * @param comment what the actor wrote, or null
 */
public record HistoryEntry(long step, String from, String to, String transition, String actor, Instant at, String comment) {

    public Optional<String> fromState() {
        return Optional.ofNullable(from);
    }

    public Optional<String> transitionId() {
        return Optional.ofNullable(transition);
    }
}
