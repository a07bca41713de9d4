package org.diwan.api.web.record;

import java.util.Objects;

/**
 * A change to a record other than its form, posted to {@code base/{id}/{name}}: approve, issue, merge. It has its
 * own permission, checked before its form is read; {@link RecordEditor#act} carries it out.
 */
public record RecordAction(String name, String permission, String fileField, boolean takesItem) {

    public RecordAction {
        Objects.requireNonNull(permission, "permission");
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}") || name.equals("edit") || name.equals("new")) {
            throw new IllegalArgumentException("an action's name is a lower-case word other than edit and new: " + name);
        }
    }

    /** An action on the record: {@code POST base/{id}/{name}}. */
    public RecordAction(String name, String permission) {
        this(name, permission, null, false);
    }

    /** An action on one item of the record: {@code POST base/{id}/{name}/{item}}. */
    public static RecordAction onItem(String name, String permission) {
        return new RecordAction(name, permission, null, true);
    }

    /**
     * An upload: a multipart form whose file is in {@code fileField}. The shell refuses it whole (413) when over the
     * documents limit and (422) when empty, before the editor is asked.
     */
    public static RecordAction upload(String name, String permission, String fileField) {
        return new RecordAction(name, permission, Objects.requireNonNull(fileField, "fileField"), false);
    }

    public boolean isUpload() {
        return fileField != null;
    }
}
