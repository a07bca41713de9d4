package org.diwan.api.web.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one kind of record is reached and listed: where its pages live, the permissions to read and to write it, its
 * templates, the list's columns, filters, default order and page size, and the form's fields (the only parameters
 * an editor is handed on save: {@code _csrf}, {@code version} and anything a hostile form adds never reach it).
 *
 * <p>Pages under {@code base}: {@code base} (the list; {@code ?format=csv} exports the filtered list),
 * {@code base/new}, {@code base/{id}}, {@code base/{id}/edit}, and {@code base/{id}/{action}} for each declared
 * {@link RecordAction}. Templates {@code <templates>-list},
 * {@code <templates>-detail} and {@code <templates>-form}.
 *
 * <p>Records without form fields have no form of their own (a dashboard of offices, records that only move by their
 * actions): {@code base/new} and {@code base/{id}/edit} answer 404, the JSON API answers POST and PUT with 405 and
 * lists neither in its OpenAPI document, and the editor's {@code create} and {@code update} are never called.
 */
public record RecordPagesSpec(String base, String readPermission, String writePermission, String templates, List<Column> columns,
        List<String> filters, String defaultSort, boolean defaultDescending, int pageSize, List<String> formFields, List<RecordAction> actions, List<String> files) {

    /**
     * The read permission of records anyone may read, signed in or not, with a token or without: for a
     * {@link RecordResource} whose {@link RecordResource#apiBase() apiBase} is {@code /api/<plugin id>/public/<records>}
     * (anywhere else it answers 403). Read only: POST and PUT answer 405 and the editor's {@code create} and
     * {@code update} are never called. Its {@code list} and {@code find} must return only what the public may see.
     * Never granted to a role: it is not a permission anyone holds.
     */
    public static final String ANYONE = "diwan:anyone";

    public static final int MAX_PAGE_SIZE = 200;
    /** Rows a CSV export holds at most: a list that large is filtered first. */
    public static final int MAX_EXPORT_ROWS = 50_000;

    public RecordPagesSpec {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(readPermission, "readPermission");
        Objects.requireNonNull(writePermission, "writePermission");
        Objects.requireNonNull(templates, "templates");
        columns = List.copyOf(columns);
        filters = List.copyOf(filters);
        formFields = List.copyOf(formFields);
        actions = List.copyOf(actions);
        files = List.copyOf(files);
        if (!base.startsWith("/") || base.endsWith("/")) {
            throw new IllegalArgumentException("base is a path without a trailing slash: " + base);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size out of 1.." + MAX_PAGE_SIZE + ": " + pageSize);
        }
        Objects.requireNonNull(defaultSort, "defaultSort");
        if (columns.stream().anyMatch(Column::sortable) && !columns.stream().anyMatch(c -> c.sortable() && c.key().equals(defaultSort))) {
            throw new IllegalArgumentException("the default sort is not a sortable column: " + defaultSort);
        }
    }

    public static Builder at(String base) {
        return new Builder(base);
    }

    /** Whether anyone may read these records: {@link #ANYONE}. */
    public boolean readByAnyone() {
        return ANYONE.equals(readPermission);
    }

    /** Whether the records have a form of their own: some form fields are declared. */
    public boolean hasForm() {
        return !formFields.isEmpty();
    }

    /** The action posted to {@code base/{id}/{name}}, if declared. */
    public java.util.Optional<RecordAction> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The sortable column named {@code key}, if any. */
    public boolean sortsOn(String key) {
        return columns.stream().anyMatch(c -> c.sortable() && c.key().equals(key));
    }

    public static final class Builder {

        private final String base;
        private String read;
        private String write;
        private String templates;
        private final List<Column> columns = new ArrayList<>();
        private final List<String> filters = new ArrayList<>();
        private String sort;
        private boolean descending;
        private int pageSize = 25;
        private final List<String> fields = new ArrayList<>();
        private final List<RecordAction> actions = new ArrayList<>();
        private final List<String> files = new ArrayList<>();

        private Builder(String base) {
            this.base = base;
        }

        public Builder permissions(String read, String write) {
            this.read = read;
            this.write = write;
            return this;
        }

        /** The plugin's template names without their ending: {@code missions/registry}. */
        public Builder templates(String prefix) {
            this.templates = prefix;
            return this;
        }

        public Builder columns(Column... columns) {
            this.columns.addAll(List.of(columns));
            return this;
        }

        /** The list's filters besides the search box ({@code q}): parameter names the editor's list reads. */
        public Builder filters(String... names) {
            filters.addAll(List.of(names));
            return this;
        }

        /**
         * The order of a list nobody sorted: a sortable column, or (for a list without sortable columns) a name the
         * editor knows, such as {@code relevance} for search results.
         */
        public Builder sortedBy(String column, boolean descending) {
            this.sort = column;
            this.descending = descending;
            return this;
        }

        public Builder pageSize(int size) {
            this.pageSize = size;
            return this;
        }

        public Builder formFields(String... names) {
            fields.addAll(List.of(names));
            return this;
        }

        /** Changes other than the form's: {@code POST base/{id}/{name}}. */
        public Builder actions(RecordAction... actions) {
            this.actions.addAll(List.of(actions));
            return this;
        }

        /** Kinds of files a record has, each sent at {@code base/{id}/{kind}/{fileId}} by {@link RecordEditor#file}. */
        public Builder files(String... kinds) {
            files.addAll(List.of(kinds));
            return this;
        }

        public RecordPagesSpec build() {
            return new RecordPagesSpec(base, read, write, templates, columns, filters, sort, descending, pageSize, fields, actions, files);
        }
    }
}
