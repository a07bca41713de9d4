package org.diwan.api.web.record;

import java.util.List;
import java.util.Objects;

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

    /** Refused, nothing changed: the record's page again with 422 and this message as {@code refusal}. */
    record Refused(String messageKey, List<Object> args) implements ActionOutcome {
        public Refused {
            Objects.requireNonNull(messageKey, "messageKey");
            args = List.copyOf(args);
        }
    }

    static ActionOutcome done(String id) {
        return new Done(id);
    }

    static ActionOutcome refused(String messageKey, Object... args) {
        return new Refused(messageKey, List.of(args));
    }
}
