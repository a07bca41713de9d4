package org.diwan.api.workflow;

import java.time.Instant;
import java.util.Objects;

/** What became of firing a transition: moved, or refused with nothing changed and the reason. */
public sealed interface FireOutcome {

    /** Moved: the record's new state (with its due date, if the transition sets one). */
    record Moved(WorkflowState state) implements FireOutcome {
        public Moved {
            Objects.requireNonNull(state, "state");
        }
    }

    /** The visitor does not hold the transition's permission. */
    record NotPermitted(String permission) implements FireOutcome {
    }

    /** The transition does not leave the record's current state. */
    record NotAllowedFrom(String currentState) implements FireOutcome {
    }

    /** The transition needs a comment and none was given. */
    record CommentRequired() implements FireOutcome {
    }

    /**
     * Someone moved the record after the visitor saw it (the step is not the one expected): who, when, and where it
     * stands now.
     */
    record Stale(WorkflowState current) implements FireOutcome {
        public Stale {
            Objects.requireNonNull(current, "current");
        }

        public String changedBy() {
            return current.changedBy();
        }

        public Instant changedAt() {
            return current.changedAt();
        }
    }

    default boolean moved() {
        return this instanceof Moved;
    }
}
