package org.diwan.api.web.record;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.diwan.api.persistence.StaleEditException;
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

    /** What a store's save answered: the record it stored, or the refusals it collected in {@code validation}. */
    static <R> Outcome<R> of(Optional<R> stored, Validation validation) {
        return stored.isPresent() ? saved(stored.get()) : invalid(validation);
    }

    /** A store's refusal of an edit made from an old version: the record as it is now, and who saved it when. */
    static <R extends VersionedRecord> Outcome<R> stale(StaleEditException refusal, Class<R> type) {
        R current = refusal.current(type);
        return new Stale<>(current, current.updatedBy(), current.updatedAt());
    }

    /**
     * Runs a store's create or update with a fresh {@link Validation} and answers for it: {@link Saved}, {@link Invalid}
     * with the refusals the store collected, or {@link Stale} when the store found the record saved since.
     */
    static <R extends VersionedRecord> Outcome<R> from(Class<R> type, Store<R> store) throws SQLException {
        Validation validation = new Validation();
        try {
            return of(store.save(validation), validation);
        } catch (StaleEditException refusal) {
            return stale(refusal, type);
        }
    }

    /** A department's store saving from a form: the record stored, or empty with its refusals in {@code validation}. */
    @FunctionalInterface
    interface Store<R> {
        Optional<R> save(Validation validation) throws SQLException, StaleEditException;
    }

    static <R> Outcome<R> invalid(String field, String messageKey, Object... args) {
        return new Invalid<>(Map.of(field, FieldError.of(messageKey, args)));
    }
}
