package org.diwan.api.web.record;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.diwan.api.validation.FieldError;
import org.diwan.api.validation.Validation;

/**
 * What became of a create or an update: the shell answers each the same way in every department (a redirect with
 * a confirmation, the form again with each field's message, the form with the current record and who changed it).
 */
public sealed interface Outcome<R> {

    /** Stored: the shell redirects to the record's page with a confirmation. */
    record Saved<R>(R record) implements Outcome<R> {
        public Saved {
            Objects.requireNonNull(record, "record");
        }
    }

    /** Refused for the fields named, nothing stored: 422, the form again with what was typed. */
    record Invalid<R>(Map<String, FieldError> errors) implements Outcome<R> {
        public Invalid {
            errors = Map.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid outcome names at least one field");
            }
        }
    }

    /** An upload over the documents limit, nothing stored: 413, the form again with the message on its field. */
    record TooLarge<R>(String field, FieldError error) implements Outcome<R> {
        public TooLarge {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * Someone saved the record after this edit began, nothing stored: 409, the form again with what was typed, the
     * version of {@code current} (so that saving again is a deliberate choice) and who changed it when.
     */
    record Stale<R>(R current, String changedBy, Instant changedAt) implements Outcome<R> {
        public Stale {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(changedBy, "changedBy");
            Objects.requireNonNull(changedAt, "changedAt");
        }
    }

    static <R> Outcome<R> saved(R record) {
        return new Saved<>(record);
    }

    /** The refusals a {@link Validation} collected. */
    static <R> Outcome<R> invalid(Validation validation) {
        return new Invalid<>(validation.errors());
    }

    static <R> Outcome<R> invalid(String field, String messageKey, Object... args) {
        return new Invalid<>(Map.of(field, FieldError.of(messageKey, args)));
    }
}
