package org.diwan.api.workflow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one record stands in its workflow.
 *
 * @param step      how many moves the record has made (1 once started): a move is made from the step the visitor saw,
 *                  so that two people moving the same record at once cannot both succeed
 * @param dueAt     when the record should leave this state, or null
 * @param changedBy who moved it here (or started it)
 * @param changedAt when
 */
public record WorkflowState(String workflow, String recordId, String state, long step, Instant dueAt, String changedBy, Instant changedAt) {

    public WorkflowState {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public Optional<Instant> due() {
        return Optional.ofNullable(dueAt);
    }
}
