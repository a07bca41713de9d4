package org.diwan.api.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.diwan.api.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The records' workflows: their states, moves and due dates. What writes takes the caller's connection, so that a
 * move commits or rolls back with the plugin's own change to the record (and the notifications it sends).
 *
 * <p>Hostile input is refused with an {@link IllegalArgumentException} whose message says what is wrong: an unknown
 * workflow or transition, a record that was never started, a comment longer than {@link #MAX_COMMENT} or holding
 * markup or control characters, a record id longer than {@link #MAX_RECORD_ID}.
 */
@ProviderType
public interface Workflows {

    int MAX_COMMENT = 2000;
    int MAX_RECORD_ID = 100;

    /** The definitions of the registered {@link WorkflowProvider}s. */
    Optional<WorkflowDefinition> definition(String workflow);

    /** Puts a record in the workflow's initial state (a record already started is refused). */
    WorkflowState start(Connection connection, String workflow, String recordId, Actor actor) throws SQLException;

    /**
     * Fires a transition on a record from the step the visitor saw. Exactly one of two people firing at once from
     * the same step moves the record; the other gets {@link FireOutcome.Stale}.
     *
     * @param permitted whether the visitor holds a permission
     * @param comment   why, or null or blank for none
     */
    FireOutcome fire(Connection connection, String workflow, String recordId, String transitionId, Actor actor,
            Predicate<String> permitted, String comment, long expectedStep) throws SQLException;

    /** The record's state; empty if it was never started. */
    Optional<WorkflowState> state(String workflow, String recordId);

    /** The states of many records in one query, for a list's state column; records never started are absent. */
    Map<String, WorkflowState> states(String workflow, Collection<String> recordIds);

    /** The transitions the visitor may fire on the record now, in declaration order (its buttons). */
    List<Transition> available(String workflow, String recordId, Predicate<String> permitted);

    /** The record's moves, oldest first. */
    List<HistoryEntry> history(String workflow, String recordId);

    /** Records of any workflow whose due date is before {@code now}, most overdue first, at most {@code limit}. */
    List<WorkflowState> overdue(Instant now, int limit);
}
