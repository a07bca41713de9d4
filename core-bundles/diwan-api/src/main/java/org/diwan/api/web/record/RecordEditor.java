package org.diwan.api.web.record;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A department's rules for one kind of record, handed to {@link RecordPages}: how to find, list, show and save it.
 * Everything about requests (routing, permissions, status codes, redirects, paging links, CSV) is the shell's;
 * what is here is the department's own.
 *
 * @param <R> the record
 */
@ConsumerType
public interface RecordEditor<R> {

    RecordPagesSpec spec();

    /** One page of the records matching the query (sort and filters already checked against the spec). */
    ListPage<R> list(ListQuery query, PageRequest request) throws SQLException;

    /** The record with this id, if it exists and the visitor may see it (a record they may not see is not found). */
    Optional<R> find(String id, PageRequest request) throws SQLException;

    /** The record's id; by default a {@link VersionedRecord}'s own (an editor of other records writes it). */
    default String id(R record) {
        return ((VersionedRecord) record).id();
    }

    /**
     * The version an edit starts from: an update made from an older one comes back {@link Outcome.Stale}. By default a
     * {@link VersionedRecord}'s own.
     */
    default int version(R record) {
        return ((VersionedRecord) record).version();
    }

    /**
     * The record as the templates and the CSV export show it, in the request's language: every column's key and
     * whatever the detail page needs.
     */
    Map<String, Object> view(R record, PageRequest request);

    /** The form's values for an edit of the record, one per form field. */
    Map<String, String> fields(R record) throws SQLException;

    /**
     * What the record's own page shows besides its {@link #view}: related records, possible duplicates. Asked for the
     * detail page only, never for list rows.
     */
    default Map<String, Object> details(R record, PageRequest request) throws SQLException {
        return Map.of();
    }

    /** The id a record now answers under (the survivor of a merge): its page redirects there. Empty when itself. */
    default Optional<String> movedTo(R record) {
        return Optional.empty();
    }

    /**
     * Carries out a declared {@link RecordAction} on the record, with the action's form (its declared permission and
     * {@link #readOnlyHere} are checked before the form is read).
     */
    default ActionOutcome act(String action, R record, ActionInput input, PageRequest request) throws SQLException {
        throw new UnsupportedOperationException("no action " + action);
    }

    /**
     * A file of the record, for {@code GET base/{id}/{files}/{fileId}} where {@code files} is declared in the spec;
     * empty when there is none (404). The visitor holds the read permission and may see the record.
     */
    default Optional<RecordFile> file(R record, String files, String fileId, PageRequest request) throws SQLException {
        return Optional.empty();
    }

    /** The form's values for a new record. */
    default Map<String, String> defaults(PageRequest request) {
        return Map.of();
    }

    /** What list, detail and form pages all need besides the records: the choices of select boxes, say. */
    default Map<String, Object> choices(PageRequest request) {
        return Map.of();
    }

    /**
     * Validates and stores a new record from the form's fields (declared fields only). Never called for records
     * without a form ({@link RecordPagesSpec#hasForm()}): only those need not implement it.
     */
    default Outcome<R> create(Map<String, String> fields, PageRequest request) throws SQLException {
        throw new UnsupportedOperationException(spec().base() + " declares no form: its records are not created by one");
    }

    /**
     * Validates and stores the edit of {@code current} made from {@code version}. Never called for records without a
     * form ({@link RecordPagesSpec#hasForm()}): only those need not implement it.
     */
    default Outcome<R> update(R current, int version, Map<String, String> fields, PageRequest request) throws SQLException {
        throw new UnsupportedOperationException(spec().base() + " declares no form: its records are not edited by one");
    }

    /**
     * Why this node may not create or edit such a record (another node keeps it: headquarters its directory, a
     * mission its correspondence), as a message key; empty when it may. {@code record} is empty for a new one.
     */
    default Optional<String> readOnlyHere(Optional<R> record) {
        return Optional.empty();
    }
}
