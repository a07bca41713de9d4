package org.diwan.api.web.record;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.diwan.api.validation.FieldError;
import org.diwan.api.validation.Validation;

/** What became of a {@link RecordAction}. */
public sealed interface ActionOutcome {

    /**
     * Done: the shell redirects to the page of record {@code id} (the one acted on, or the one it became, as a merge's
     * survivor) with {@code ?done=<action>}, which its template confirms.
     */
    record Done(String id) implements ActionOutcome {
        public Done {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Done, and the page of the record is where to go back to, at {@code anchor} (the section the action changed):
     * {@code base/{id}?done=<action>#anchor}.
     */
    record DoneAt(String id, String anchor) implements ActionOutcome {
        public DoneAt {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(anchor, "anchor");
        }
    }

    /**
     * Refused, nothing changed: the record's page again with {@code status} (422, 409 or 413), this message as
     * {@code refusal}, the refused action's name as {@code refusedAction}, its field messages as {@code actionErrors}
     * and what was typed as {@code actionInput}.
     */
    record Refused(int status, String messageKey, List<Object> args, Map<String, FieldError> fields) implements ActionOutcome {
        public Refused {
            Objects.requireNonNull(messageKey, "messageKey");
            args = List.copyOf(args);
            fields = Map.copyOf(fields);
        }
    }

    static ActionOutcome done(String id) {
        return new Done(id);
    }

    static ActionOutcome refused(String messageKey, Object... args) {
        return new Refused(422, messageKey, List.of(args), Map.of());
    }

    /** Refused for the fields a {@link Validation} names. */
    static ActionOutcome invalid(Validation validation) {
        return new Refused(422, "validation.summary", List.of(), validation.errors());
    }
}
