package org.diwan.testplugin.notes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.diwan.api.notification.Notification;
import org.diwan.api.notification.Notifications;
import org.diwan.api.security.Actor;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.workflow.FireOutcome;
import org.diwan.api.workflow.WorkflowState;
import org.diwan.api.workflow.Workflows;

/** A note's workflow: its moves as record actions, who is told of them, and what its page shows of it. */
final class NoteFlow {

    private final Workflows workflows;
    private final Notifications notifications;

    NoteFlow(Workflows workflows, Notifications notifications) {
        this.workflows = workflows;
        this.notifications = notifications;
    }

    void start(Connection c, String id, PageRequest request) throws SQLException {
        workflows.start(c, NotesPlugin.FLOW.name(), id, new Actor(request.actor(), request.address()));
    }

    /** Fires the action's transition; the move and the notifications it sends commit together. */
    ActionOutcome fire(Connection c, String action, String id, ActionInput input, PageRequest request) throws SQLException {
        Validation v = new Validation();
        String comment = v.paragraph("comment", input.field("comment"), Workflows.MAX_COMMENT);
        if (!v.isValid()) {
            return ActionOutcome.invalid(v);
        }
        String flow = NotesPlugin.FLOW.name();
        String submitter = workflows.state(flow, id).map(WorkflowState::changedBy).orElse(request.actor());
        FireOutcome outcome = workflows.fire(c, flow, id, action, new Actor(request.actor(), request.address()), request::permitted,
                comment, step(input.field("step")));
        String link = NoteRecords.BASE + "/" + id;
        if (outcome instanceof FireOutcome.Moved) {
            if (action.equals("submit")) {
                notifications.sendToHolders(c, NotesPlugin.APPROVE, "notes.notify.submitted", List.of(id, request.actor()), link);
            } else {
                notifications.send(c, new Notification(submitter, "notes.notify." + action, List.of(id, request.actor()), link));
            }
            return ActionOutcome.done(id);
        }
        if (outcome instanceof FireOutcome.Stale stale) {
            return new ActionOutcome.Refused(409, "notes.flow.stale", List.of(stale.changedBy(), request.dateTime(stale.changedAt())), Map.of());
        }
        if (outcome instanceof FireOutcome.NotPermitted) {
            return new ActionOutcome.Refused(403, "error.forbidden", List.of(), Map.of());
        }
        return outcome instanceof FireOutcome.CommentRequired ? ActionOutcome.refused("notes.flow.comment")
                : new ActionOutcome.Refused(409, "notes.flow.notnow", List.of(), Map.of());
    }

    /** Each note's state label key, read at once for a list page (not once per row); "" for a note without one. */
    Map<String, String> states(java.util.Collection<String> ids) {
        Map<String, WorkflowState> states = workflows.states(NotesPlugin.FLOW.name(), ids);
        Map<String, String> labels = new java.util.HashMap<>();
        ids.forEach(id -> labels.put(id, states.containsKey(id) ? NotesPlugin.FLOW.stateLabelKey(states.get(id).state()) : ""));
        return labels;
    }

    /** The state, its due date, the visitor's buttons and the history, for the note's page. */
    Map<String, Object> view(String id, PageRequest request) {
        String flow = NotesPlugin.FLOW.name();
        return workflows.state(flow, id).<Map<String, Object>>map(s -> Map.of(
                "state", NotesPlugin.FLOW.stateLabelKey(s.state()), "step", s.step(),
                "due", s.due().map(request::dateTime).orElse(""),
                "transitions", workflows.available(flow, id, request::permitted).stream()
                        .map(t -> Map.of("id", t.id(), "label", NotesPlugin.FLOW.transitionLabelKey(t.id()), "comment", t.commentRequired())).toList(),
                "history", workflows.history(flow, id).stream().map(h -> Map.of("to", NotesPlugin.FLOW.stateLabelKey(h.to()),
                        "actor", h.actor(), "at", request.dateTime(h.at()), "comment", h.comment() == null ? "" : h.comment())).toList()))
                .orElse(Map.of());
    }

    private static long step(String raw) {
        return raw.matches("[0-9]{1,18}") ? Long.parseLong(raw) : -1;
    }
}
